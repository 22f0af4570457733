// The duty lawyers' inbox: reads /api/inbox/**, listens to /api/inbox/events and re-reads what
// changed. All text is set with textContent: citizens' words are never markup.
(function () {
  'use strict';
  var CHANNELS = { web: '网页', wechat: '微信', weibo: '微博', sms: '短信', hotline: '热线' };
  var RATINGS = { satisfied: '群众评价：满意', dissatisfied: '群众评价：不满意' };
  var OUTCOMES = { answered: '已解答', referred: '已转介', legal_aid: '法律援助申请', other: '其他' };
  var tab = 'waiting';
  var selected = null;
  var items = [];
  var me = null;

  // $, el, csrf and the JSON API call with the CSRF header: shared by every staff page (staff.js)
  var staff = window.LawLineStaff;
  var $ = staff.$, el = staff.el, csrf = staff.csrf, api = staff.api;
  function waited(since) {
    var s = Math.max(0, Math.floor((Date.now() - Date.parse(since)) / 1000));
    var m = Math.floor(s / 60);
    return (m > 0 ? m + ' 分 ' : '') + (s % 60) + ' 秒';
  }
  function clock(iso) {
    var d = new Date(iso);
    return d.toLocaleString('zh-CN', { hour12: false });
  }

  function loadList() {
    var path = tab === 'callbacks' ? '/api/inbox/callbacks?status=pending' : '/api/inbox/conversations?status=' + tab;
    if (tab === 'closed') {
      [['citizen', 'search-citizen'], ['from', 'search-from'], ['to', 'search-to'], ['outcome', 'search-outcome']].forEach(function (p) {
        var value = $(p[1]).value.trim();
        if (value) { path += '&' + p[0] + '=' + encodeURIComponent(value); }
      });
    }
    return api('GET', path).then(function (r) {
      if (r.status !== 200) {
        if (r.body && r.body.error) { items = []; renderList(); $('empty').textContent = r.body.error; $('empty').hidden = false; }
        return;
      }
      $('empty').textContent = '暂无会话';
      items = tab === 'callbacks' ? r.body.callbacks : r.body.conversations;
      renderList();
    });
  }

  function renderList() {
    var list = $('list');
    list.textContent = '';
    $('empty').hidden = items.length > 0;
    items.forEach(function (item) {
      var li = el('li', tab === 'callbacks' ? 'callback' : 'conversation');
      li.dataset.id = item.id;
      if (tab === 'callbacks') {
        var top = el('div', 'row');
        top.appendChild(el('span', 'phone', item.phone));
        top.appendChild(el('span', 'due', '请于 ' + clock(item.dueBy) + ' 前回拨'));
        li.appendChild(top);
        li.appendChild(el('div', 'last', (CHANNELS[item.channel] || item.channel) + ' · 已尝试 ' + item.attempts + ' 次'));
        if (item.voicemail) { li.appendChild(voicemail(item.voicemail)); }
        var buttons = el('div', 'buttons');
        [['reached', '已接通'], ['unreachable', '未接通'], ['resolved', '已解决']].forEach(function (pair) {
          var b = el('button', 'outcome-' + pair[0], pair[1]);
          b.addEventListener('click', function (event) {
            event.stopPropagation();
            api('POST', '/api/inbox/callbacks/' + item.id + '/outcome', { outcome: pair[0] }).then(loadList);
          });
          buttons.appendChild(b);
        });
        li.appendChild(buttons);
        li.addEventListener('click', function () { open(item.conversationId); });
      } else {
        var row = el('div', 'row');
        var who = el('span', 'who', (CHANNELS[item.channel] || item.channel) + ' · ' + item.citizen);
        if (item.topic) { who.appendChild(el('span', 'tag', item.topic)); }
        if (item.timedOut) { who.appendChild(el('span', 'tag overdue', '已转回拨')); }
        row.appendChild(who);
        if (item.outcome) { who.appendChild(el('span', 'tag outcome', OUTCOMES[item.outcome] || item.outcome)); }
        if (item.rating) { who.appendChild(el('span', 'tag rating ' + item.rating, RATINGS[item.rating] || item.rating)); }
        var wait = el('span', 'wait', item.status === 'waiting' ? waited(item.waitingSince)
          : item.closedAt ? clock(item.closedAt) + ' · ' + (item.claimedBy || '') : (item.claimedBy || ''));
        wait.dataset.since = item.waitingSince;
        wait.dataset.live = item.status === 'waiting' ? '1' : '';
        row.appendChild(wait);
        li.appendChild(row);
        li.appendChild(el('div', 'last', item.lastMessage || ''));
        li.addEventListener('click', function () { open(item.id); });
      }
      if (selected === item.id) { li.classList.add('selected'); }
      list.appendChild(li);
    });
  }

  // what a hotline caller left: when, their words as transcribed, the recording, the bot's suggestion
  function voicemail(v) {
    var box = el('div', 'voicemail');
    box.appendChild(el('div', 'meta', '热线留言 · ' + clock(v.receivedAt)));
    box.appendChild(el('div', 'voicemail-text', v.text || '（留言未能转写，请收听录音）'));
    if (v.recordingUrl) {
      var a = el('a', 'recording', '收听录音');
      a.href = v.recordingUrl;
      a.target = '_blank';
      a.rel = 'noopener noreferrer';
      a.addEventListener('click', function (event) { event.stopPropagation(); });
      box.appendChild(a);
    }
    if (v.suggestedAnswer) {
      box.appendChild(el('div', 'suggestion', '机器人建议答复：' + v.suggestedAnswer));
    }
    return box;
  }

  function open(id) {
    selected = id;
    $('notice').hidden = true;
    return api('GET', '/api/inbox/conversations/' + id).then(function (r) {
      if (r.status !== 200) { return; }
      renderDetail(r.body);
      renderList();
    });
  }

  var DELIVERY = { sent: '已送达', queued: '发送中', not_delivered: '未送达' };
  var refreshQueued = null;

  function renderDetail(c) {
    $('detail-pane').hidden = false;
    $('detail-title').textContent = (CHANNELS[c.channel] || c.channel) + ' · ' + c.citizen;
    var status = { waiting: '等待接入', claimed: '由 ' + (c.claimedBy || '') + ' 接手', closed: '已结束' }[c.status] || c.status;
    if (c.status === 'closed') {
      status += (c.outcome ? ' · ' + (OUTCOMES[c.outcome] || c.outcome) : '') + ' · ' + (RATINGS[c.rating] || '群众尚未评价')
        + (c.closeNote ? ' · 结案备注：' + c.closeNote : '');
    }
    $('detail-status').textContent = status;
    var mine = c.status === 'claimed' && me && (c.claimedBy === me.displayName || c.claimedBy === me.username);
    $('claim').hidden = c.status !== 'waiting' || !me || me.roles.indexOf('OPERATOR') >= 0 && me.roles.length === 1;
    $('reply-area').hidden = !mine;
    $('allowance').hidden = !c.allowance;
    $('allowance').textContent = c.allowance ? c.allowance.text : '';
    $('allowance').classList.toggle('closed', !!c.allowance && !c.allowance.open);
    var opening = $('detail-voicemail');
    opening.textContent = '';
    if (c.voicemail) { opening.appendChild(voicemail(c.voicemail)); }
    var transcript = $('transcript');
    transcript.textContent = '';
    var queued = false;
    c.turns.forEach(function (t) {
      var li = el('li', t.from);
      var who = { citizen: '群众', bot: '机器人', lawyer: '律师 ' + (t.by || '') }[t.from];
      li.appendChild(el('span', 'meta', who + ' · ' + clock(t.at) + (t.from === 'bot' && t.by ? ' · 条目 ' + t.by : '')));
      li.appendChild(document.createTextNode(t.text));
      if (t.from === 'lawyer' && t.delivery) {
        var mark = el('span', 'delivery ' + t.delivery.replace('_', '-'),
          t.delivery === 'not_delivered' ? (t.reason || DELIVERY.not_delivered) : DELIVERY[t.delivery]);
        li.appendChild(mark);
        queued = queued || t.delivery === 'queued';
      }
      transcript.appendChild(li);
    });
    transcript.scrollTop = transcript.scrollHeight;
    // a reply still on its way is read again until the channel has settled it
    clearTimeout(refreshQueued);
    if (queued) {
      var id = c.id;
      refreshQueued = setTimeout(function () { if (selected === id) { open(id); } }, 3000);
    }
    if (mine) { loadTransferTargets(); }
  }

  function loadTransferTargets() {
    api('GET', '/api/inbox/lawyers').then(function (r) {
      if (r.status !== 200) { return; }
      var select = $('transfer-to');
      var chosen = select.value;
      while (select.options.length > 1) { select.remove(1); }
      r.body.lawyers.forEach(function (l) {
        if (me && l.username === me.username) { return; }
        var option = el('option', null, l.displayName);
        option.value = l.username;
        select.appendChild(option);
      });
      select.value = chosen;
    });
  }

  function notice(text) {
    $('notice').textContent = text;
    $('notice').hidden = false;
  }

  function claim() {
    api('POST', '/api/inbox/conversations/' + selected + '/claim', {}).then(function (r) {
      if (r.status === 200) {
        renderDetail(r.body);
        loadList();
      } else {
        notice(r.body.error || '接入失败');
      }
    });
  }

  function send() {
    var text = $('reply').value.trim();
    if (!text) { return; }
    $('send').disabled = true;
    api('POST', '/api/inbox/conversations/' + selected + '/messages', { text: text }).then(function (r) {
      $('send').disabled = false;
      if (r.status === 202) {
        $('reply').value = '';
        // the view is read again first: opening it clears the notice
        open(selected).then(function () {
          if (r.body.delivery === 'not_delivered') { notice(r.body.reason || '未送达'); }
        });
      } else {
        notice(r.body.error || '发送失败');
      }
    });
  }

  function transfer() {
    var to = $('transfer-to').value;
    if (!to) { notice('请选择要转交的律师'); return; }
    api('POST', '/api/inbox/conversations/' + selected + '/transfer', { to: to }).then(function (r) {
      if (r.status === 200) { renderDetail(r.body); loadList(); } else { notice(r.body.error || '转交失败'); }
    });
  }

  function close() {
    $('note').value = '';
    $('close-dialog').showModal();
  }

  function confirmClose(event) {
    event.preventDefault();
    var outcome = document.querySelector('#close-form input[name=outcome]:checked').value;
    api('POST', '/api/inbox/conversations/' + selected + '/close', { outcome: outcome, note: $('note').value })
      .then(function (r) {
        $('close-dialog').close();
        if (r.status === 200) { renderDetail(r.body); loadList(); } else { notice(r.body.error || '结束失败'); }
      });
  }

  function insert(text) {
    var box = $('reply');
    var start = box.selectionStart || box.value.length;
    box.value = (box.value.slice(0, start) + text + box.value.slice(box.selectionEnd || start)).slice(0, 2000);
    box.focus();
  }

  var canned = [];
  function loadCanned() {
    api('GET', '/api/inbox/canned-replies').then(function (r) {
      if (r.status !== 200) { return; }
      canned = r.body.cannedReplies;
      var select = $('canned');
      while (select.options.length > 1) { select.remove(1); }
      canned.forEach(function (c) {
        var option = el('option', null, c.title);
        option.value = c.id;
        select.appendChild(option);
      });
    });
  }

  function searchKnowledge(event) {
    event.preventDefault();
    var q = $('kb-query').value.trim();
    if (!q) { return; }
    api('GET', '/api/inbox/knowledge?q=' + encodeURIComponent(q)).then(function (r) {
      var list = $('kb-results');
      list.textContent = '';
      if (r.status !== 200) { list.appendChild(el('li', 'empty', r.body.error || '搜索失败')); return; }
      if (!r.body.entries.length) { list.appendChild(el('li', 'empty', '没有找到相关条目')); }
      r.body.entries.forEach(function (entry) {
        var li = el('li', 'kb-entry');
        li.appendChild(el('strong', null, entry.question));
        if (entry.category) { li.appendChild(el('span', 'tag', entry.category)); }
        li.appendChild(el('p', 'kb-answer', entry.answer));
        if (entry.lawReferences.length) { li.appendChild(el('p', 'kb-refs', '依据：' + entry.lawReferences.join('；'))); }
        var b = el('button', 'secondary kb-insert', '插入');
        b.type = 'button';
        b.addEventListener('click', function () { insert(entry.insertText); });
        li.appendChild(b);
        list.appendChild(li);
      });
    });
  }

  function listen() {
    var source = new EventSource('/api/inbox/events');
    var lost = false;
    source.addEventListener('ready', function () {
      $('live').classList.add('on');
      // changes made while the stream was down (a restart ends it) were never nudged: read the list again
      if (lost) { lost = false; loadList(); }
    });
    source.addEventListener('change', function () {
      loadList();
      if (selected !== null && tab !== 'callbacks') { open(selected); }
    });
    source.onerror = function () { lost = true; $('live').classList.remove('on'); };
  }

  function switchTab(name) {
    tab = name;
    $('closed-search').hidden = name !== 'closed';
    selected = null;
    $('detail-pane').hidden = true;
    document.querySelectorAll('#tabs button').forEach(function (b) { b.classList.toggle('active', b.dataset.tab === name); });
    loadList();
  }

  document.addEventListener('DOMContentLoaded', function () {
    $('logout-csrf').value = csrf();
    $('logout-form').addEventListener('submit', function () { $('logout-csrf').value = csrf(); });
    document.querySelectorAll('#tabs button').forEach(function (b) {
      b.addEventListener('click', function () { switchTab(b.dataset.tab); });
    });
    $('claim').addEventListener('click', claim);
    $('send').addEventListener('click', send);
    $('close').addEventListener('click', close);
    $('close-confirm').addEventListener('click', confirmClose);
    $('close-cancel').addEventListener('click', function () { $('close-dialog').close(); });
    $('transfer').addEventListener('click', transfer);
    $('closed-search').addEventListener('submit', function (event) { event.preventDefault(); loadList(); });
    $('kb-form').addEventListener('submit', searchKnowledge);
    $('canned').addEventListener('change', function () {
      var chosen = canned.filter(function (c) { return String(c.id) === $('canned').value; })[0];
      if (chosen) { insert(chosen.text); }
      $('canned').value = '';
    });
    api('GET', '/api/inbox/me').then(function (r) {
      me = r.body;
      $('me').textContent = me.displayName;
      var operator = me.roles.indexOf('OPERATOR') >= 0 || me.roles.indexOf('ADMIN') >= 0;
      var lawyer = me.roles.indexOf('LAWYER') >= 0 || me.roles.indexOf('ADMIN') >= 0;
      $('tab-callbacks').hidden = !operator;
      $('edit-canned').hidden = me.roles.indexOf('ADMIN') < 0;
      $('away-label').hidden = me.roles.indexOf('LAWYER') < 0;
      $('away').checked = !!me.away;
      $('away').addEventListener('change', function () {
        api('POST', '/api/inbox/me/away', { away: $('away').checked }).then(function (r) { $('away').checked = !!r.body.away; });
      });
      ['waiting', 'mine', 'closed'].forEach(function (t) { $('tab-' + t).hidden = !lawyer; });
      if (lawyer) { loadCanned(); }
      switchTab(lawyer ? 'waiting' : 'callbacks');
      listen();
    });
    // waiting time counts live
    setInterval(function () {
      document.querySelectorAll('#list .wait').forEach(function (w) {
        if (w.dataset.live) { w.textContent = waited(w.dataset.since); }
      });
    }, 1000);
  });
})();
