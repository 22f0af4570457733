// The duty lawyers' inbox: reads /api/inbox/**, listens to /api/inbox/events and re-reads what
// changed. All text is set with textContent: citizens' words are never markup.
(function () {
  'use strict';
  var CHANNELS = { web: '网页', wechat: '微信', weibo: '微博', sms: '短信', hotline: '热线' };
  var tab = 'waiting';
  var selected = null;
  var items = [];
  var me = null;

  function $(id) { return document.getElementById(id); }
  function el(tag, className, text) {
    var e = document.createElement(tag);
    if (className) { e.className = className; }
    if (text !== undefined && text !== null) { e.textContent = text; }
    return e;
  }
  function csrf() {
    var m = document.cookie.match(/(?:^|;\s*)XSRF-TOKEN=([^;]+)/);
    return m ? decodeURIComponent(m[1]) : '';
  }
  function api(method, path, body) {
    var options = { method: method, headers: { 'Accept': 'application/json' }, credentials: 'same-origin' };
    if (body !== undefined) {
      options.headers['Content-Type'] = 'application/json';
      options.headers['X-XSRF-TOKEN'] = csrf();
      options.body = JSON.stringify(body);
    }
    return fetch(path, options).then(function (response) {
      if (response.status === 401) { window.location.href = '/login'; }
      return response.json().catch(function () { return {}; }).then(function (json) {
        return { status: response.status, body: json };
      });
    });
  }
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
    return api('GET', path).then(function (r) {
      if (r.status !== 200) { return; }
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
        var wait = el('span', 'wait', item.status === 'waiting' ? waited(item.waitingSince) : (item.claimedBy || ''));
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

  function renderDetail(c) {
    $('detail-pane').hidden = false;
    $('detail-title').textContent = (CHANNELS[c.channel] || c.channel) + ' · ' + c.citizen;
    var status = { waiting: '等待接入', claimed: '由 ' + (c.claimedBy || '') + ' 接手', closed: '已结束' }[c.status] || c.status;
    $('detail-status').textContent = status;
    var mine = c.status === 'claimed' && me && (c.claimedBy === me.displayName || c.claimedBy === me.username);
    $('claim').hidden = c.status !== 'waiting' || !me || me.roles.indexOf('OPERATOR') >= 0 && me.roles.length === 1;
    $('reply-area').hidden = !mine;
    var transcript = $('transcript');
    transcript.textContent = '';
    c.turns.forEach(function (t) {
      var li = el('li', t.from);
      var who = { citizen: '群众', bot: '机器人', lawyer: '律师 ' + (t.by || '') }[t.from];
      li.appendChild(el('span', 'meta', who + ' · ' + clock(t.at) + (t.from === 'bot' && t.by ? ' · 条目 ' + t.by : '')));
      li.appendChild(document.createTextNode(t.text));
      transcript.appendChild(li);
    });
    transcript.scrollTop = transcript.scrollHeight;
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
    api('POST', '/api/inbox/conversations/' + selected + '/messages', { text: text }).then(function (r) {
      if (r.status === 202) {
        $('reply').value = '';
        if (r.body.delivery === 'not_delivered') { notice('未送达：' + (r.body.reason || '')); }
        open(selected);
      } else {
        notice(r.body.error || '发送失败');
      }
    });
  }

  function close() {
    api('POST', '/api/inbox/conversations/' + selected + '/close', { outcome: $('outcome').value, note: $('note').value })
      .then(function (r) {
        if (r.status === 200) { renderDetail(r.body); loadList(); } else { notice(r.body.error || '结束失败'); }
      });
  }

  function listen() {
    var source = new EventSource('/api/inbox/events');
    source.addEventListener('ready', function () { $('live').classList.add('on'); });
    source.addEventListener('change', function () {
      loadList();
      if (selected !== null && tab !== 'callbacks') { open(selected); }
    });
    source.onerror = function () { $('live').classList.remove('on'); };
  }

  function switchTab(name) {
    tab = name;
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
    api('GET', '/api/inbox/me').then(function (r) {
      me = r.body;
      $('me').textContent = me.displayName;
      var operator = me.roles.indexOf('OPERATOR') >= 0 || me.roles.indexOf('ADMIN') >= 0;
      var lawyer = me.roles.indexOf('LAWYER') >= 0 || me.roles.indexOf('ADMIN') >= 0;
      $('tab-callbacks').hidden = !operator;
      $('away-label').hidden = me.roles.indexOf('LAWYER') < 0;
      $('away').checked = !!me.away;
      $('away').addEventListener('change', function () {
        api('POST', '/api/inbox/me/away', { away: $('away').checked }).then(function (r) { $('away').checked = !!r.body.away; });
      });
      ['waiting', 'mine', 'closed'].forEach(function (t) { $('tab-' + t).hidden = !lawyer; });
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
