// The administrators' page of canned replies: reads and writes /api/inbox/canned-replies.
// All text is set with textContent or input values: nothing typed here is markup.
(function () {
  'use strict';

  // $, el, csrf and the JSON API call with the CSRF header: shared by every staff page (staff.js)
  var staff = window.LawLineStaff;
  var $ = staff.$, el = staff.el, csrf = staff.csrf, api = staff.api;
  function notice(text) {
    $('notice').textContent = text;
    $('notice').hidden = !text;
  }

  function load() {
    return api('GET', '/api/inbox/canned-replies').then(function (r) {
      if (r.status !== 200) { notice(r.body.error || '读取失败'); return; }
      var list = $('canned-list');
      list.textContent = '';
      r.body.cannedReplies.forEach(function (reply) {
        var li = el('li', 'canned');
        li.dataset.id = reply.id;
        var title = el('input', 'canned-title');
        title.maxLength = 60;
        title.value = reply.title;
        var text = el('textarea', 'canned-text');
        text.maxLength = 2000;
        text.rows = 3;
        text.value = reply.text;
        var save = el('button', 'secondary canned-save', '保存');
        save.type = 'button';
        save.addEventListener('click', function () {
          api('PUT', '/api/inbox/canned-replies/' + reply.id, { title: title.value, text: text.value }).then(function (r) {
            notice(r.status === 200 ? '' : (r.body.error || '保存失败'));
            if (r.status === 200) { load(); }
          });
        });
        var remove = el('button', 'secondary canned-remove', '删除');
        remove.type = 'button';
        remove.addEventListener('click', function () {
          api('DELETE', '/api/inbox/canned-replies/' + reply.id).then(function (r) {
            notice(r.status === 204 ? '' : (r.body.error || '删除失败'));
            load();
          });
        });
        li.appendChild(title);
        li.appendChild(text);
        li.appendChild(el('span', 'meta', '最后修改：' + reply.updatedBy));
        li.appendChild(save);
        li.appendChild(remove);
        list.appendChild(li);
      });
    });
  }

  document.addEventListener('DOMContentLoaded', function () {
    $('add-form').addEventListener('submit', function (event) {
      event.preventDefault();
      api('POST', '/api/inbox/canned-replies', { title: $('add-title').value, text: $('add-text').value }).then(function (r) {
        if (r.status === 201) {
          $('add-title').value = '';
          $('add-text').value = '';
          notice('');
          load();
        } else {
          notice(r.body.error || '添加失败');
        }
      });
    });
    load();
  });
})();
