// The duty roster page: reads /api/inbox/roster and edits it with the CSRF header. Names and
// texts are set with textContent, never as markup.
(function () {
  'use strict';
  var WEEKDAYS = ['', '周一', '周二', '周三', '周四', '周五', '周六', '周日'];
  var roster = null;

  // $, el, csrf and the JSON API call with the CSRF header: shared by every staff page (staff.js)
  var staff = window.LawLineStaff;
  var $ = staff.$, el = staff.el, csrf = staff.csrf, api = staff.api;
  function say(text, ok) {
    $('message').textContent = text;
    $('message').className = ok ? 'ok' : '';
  }
  function done(okText) {
    return function (r) {
      if (r.status >= 200 && r.status < 300) { say(okText, true); } else { say(r.body.error || '操作失败（' + r.status + '）', false); }
      return load();
    };
  }
  function button(text, className, onClick) {
    var b = el('button', className, text);
    b.type = 'button';
    b.addEventListener('click', onClick);
    return b;
  }
  function lawyerOptions(select) {
    var chosen = select.value;
    select.textContent = '';
    roster.lawyers.forEach(function (l) {
      var o = el('option', null, l.displayName + '（' + l.username + '）');
      o.value = l.username;
      select.appendChild(o);
    });
    if (chosen) { select.value = chosen; }
  }

  function load() {
    return api('GET', '/api/inbox/roster').then(function (r) {
      if (r.status !== 200) { say(r.body.error || '无法读取排班', false); return; }
      roster = r.body;
      render();
    });
  }

  function render() {
    $('zone').textContent = roster.zone;
    var onDuty = $('on-duty');
    onDuty.textContent = '';
    roster.lawyers.forEach(function (l) {
      if (l.onDuty) { onDuty.appendChild(el('li', 'on-duty', l.displayName + '（' + l.username + '）')); }
      else if (l.away) { onDuty.appendChild(el('li', 'away', l.displayName + '（' + l.username + '） 暂离')); }
    });
    if (!onDuty.children.length) { onDuty.appendChild(el('li', 'nobody', '现在无人在岗：转人工将直接转为 12348 回拨')); }

    var body = $('shifts').querySelector('tbody');
    body.textContent = '';
    roster.shifts.forEach(function (s) {
      var tr = el('tr', 'shift');
      tr.dataset.id = s.id;
      [WEEKDAYS[s.weekday], s.lawyerName, s.starts, s.ends].forEach(function (t) { tr.appendChild(el('td', null, t)); });
      var td = el('td');
      td.appendChild(button('删除', 'remove-shift', function () {
        api('DELETE', '/api/inbox/roster/shifts/' + s.id).then(done('已删除班次'));
      }));
      tr.appendChild(td);
      body.appendChild(tr);
    });
    lawyerOptions($('shift-lawyer'));

    var holidays = $('holidays');
    holidays.textContent = '';
    roster.holidays.forEach(function (h) {
      var box = el('div', 'holiday');
      box.dataset.date = h.date;
      var head = el('div', 'row');
      head.appendChild(el('strong', null, h.date + ' ' + h.name));
      head.appendChild(button('取消节假日', 'remove-holiday', function () {
        api('DELETE', '/api/inbox/roster/holidays/' + h.date).then(done('已取消节假日'));
      }));
      box.appendChild(head);
      var list = el('ul');
      if (!h.shifts.length) { list.appendChild(el('li', null, '当天无人值班')); }
      h.shifts.forEach(function (s) {
        var li = el('li', 'holiday-shift', s.lawyerName + ' ' + s.starts + '–' + s.ends + ' ');
        li.appendChild(button('删除', 'remove-holiday-shift', function () {
          api('DELETE', '/api/inbox/roster/holiday-shifts/' + s.id).then(done('已删除班次'));
        }));
        list.appendChild(li);
      });
      box.appendChild(list);
      var form = el('form', 'row');
      var who = el('select');
      lawyerOptions(who);
      var starts = el('input'); starts.type = 'time'; starts.value = '09:00';
      var ends = el('input'); ends.type = 'time'; ends.value = '18:00';
      [['律师 ', who], ['开始 ', starts], ['结束 ', ends]].forEach(function (pair) {
        var label = el('label', null, pair[0]);
        label.appendChild(pair[1]);
        form.appendChild(label);
      });
      var add = el('button', null, '添加当天班次');
      add.type = 'submit';
      form.appendChild(add);
      form.addEventListener('submit', function (event) {
        event.preventDefault();
        api('POST', '/api/inbox/roster/holidays/' + h.date + '/shifts', { lawyer: who.value, starts: starts.value, ends: ends.value })
          .then(done('已添加节假日班次'));
      });
      box.appendChild(form);
      holidays.appendChild(box);
    });
  }

  document.addEventListener('DOMContentLoaded', function () {
    $('add-shift').addEventListener('submit', function (event) {
      event.preventDefault();
      api('POST', '/api/inbox/roster/shifts', {
        lawyer: $('shift-lawyer').value,
        weekday: parseInt($('shift-weekday').value, 10),
        starts: $('shift-starts').value,
        ends: $('shift-ends').value
      }).then(done('已添加班次'));
    });
    $('add-holiday').addEventListener('submit', function (event) {
      event.preventDefault();
      api('PUT', '/api/inbox/roster/holidays/' + $('holiday-date').value, { name: $('holiday-name').value })
        .then(done('已添加节假日'));
    });
    load();
  });
})();
