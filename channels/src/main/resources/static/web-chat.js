/*
 * LawLine web chat. No framework and nothing loaded from elsewhere (the page's CSP allows only its
 * own origin). Everything from the server or the citizen is put on the page with textContent:
 * never innerHTML with data.
 */
(function () {
  'use strict';

  var API = 'api/web/messages'; // relative: the page works under any context path
  var SESSION_API = 'api/web/session';
  var FEEDBACK_API = 'api/web/feedback';
  var FEEDBACK_KINDS = { answer: true, law: true }; // the bot's own answers: worth a 有用 / 没用
  var OFFICES_API = 'api/web/offices/nearest';
  var MAP_PREFIX = 'https://uri.amap.com/'; // the only map links the page opens
  var MAX_TEXT_LENGTH = 2000;   // the server's limit, in characters (code points)
  var POLL_MILLIS = 3000;
  var IN_PROGRESS_POLL_MILLIS = 1000; // how often to ask again while our message is being answered (409)
  var IN_PROGRESS_WAITS = 60;         // a minute: past that, the error is shown
  var CITIZEN_KEY = 'lawline.webchat.citizenId';
  var TOKEN_KEY = 'lawline.webchat.token';

  var STATE_LABELS = {
    CLARIFYING: '请选择您想问的问题',
    CHECKING_ELIGIBILITY: '法律援助预审中',
    QUEUED: '排队等待律师中',
    WITH_LAWYER: '律师已接入',
    COLLECTING_PHONE: '请留下手机号，以便 12348 回拨',
    CALLBACK: '已安排 12348 回拨',
    CLOSED: '会话已结束'
  };

  var messages = document.getElementById('messages');
  var form = document.getElementById('composer');
  var input = document.getElementById('input');
  var stateBadge = document.getElementById('state');

  // The server issues the citizen id and its token (POST api/web/session); both stay in this
  // browser's storage, and the token goes in the Authorization header, never in a URL.
  var storage = safeStorage();
  var citizenId = storage.get(CITIZEN_KEY);
  var token = storage.get(TOKEN_KEY);
  if (!token || !/^[A-Za-z0-9_-]{1,64}$/.test(citizenId || '')) {
    citizenId = null; // an id from before sessions, or none: the server issues a new one
    token = null;
  }
  // The last pushed message this browser has shown: messages sent while the page was closed
  // appear when it opens again, and none twice.
  var cursorKey = null;
  var cursor = 0;
  if (citizenId) useSession(citizenId, token);

  function useSession(id, secret) {
    citizenId = id;
    token = secret;
    storage.set(CITIZEN_KEY, id);
    storage.set(TOKEN_KEY, secret);
    cursorKey = 'lawline.webchat.after.' + id;
    cursor = parseInt(storage.get(cursorKey) || '0', 10) || 0;
  }

  var opening = null;
  /** Resolves once this browser holds a session; opens one at most once at a time. */
  function session() {
    if (token) return Promise.resolve();
    if (!opening) {
      opening = fetch(SESSION_API, { method: 'POST', headers: { 'Accept': 'application/json' } })
        .then(function (response) {
          if (!response.ok) throw new Error('HTTP ' + response.status);
          return response.json();
        })
        .then(function (s) {
          useSession(s.citizenId, s.token);
          opening = null;
        }, function (e) {
          opening = null;
          throw e;
        });
    }
    return opening;
  }

  /** The server no longer knows our token (a new key): the next call opens a new session. */
  function forgetSession() {
    token = null;
  }

  // ---- building the page: createElement and textContent only ----

  function el(tag, className, text) {
    var node = document.createElement(tag);
    if (className) node.className = className;
    if (text !== undefined && text !== null) node.textContent = String(text);
    return node;
  }

  function scrollToEnd() {
    messages.scrollTop = messages.scrollHeight;
  }

  function addRow(role, extraClass) {
    var row = el('div', 'row ' + role + (extraClass ? ' ' + extraClass : ''));
    messages.appendChild(row);
    return row;
  }

  function addUserMessage(text) {
    addRow('user').appendChild(el('div', 'bubble', text));
    scrollToEnd();
  }

  function addSystemLine(text, isError) {
    addRow('system').appendChild(el('div', 'system-line' + (isError ? ' error' : ''), text));
    scrollToEnd();
  }

  function addTyping() {
    var row = addRow('bot', 'typing');
    row.appendChild(el('div', 'bubble', '正在查找相关法律依据…'));
    scrollToEnd();
    return row;
  }

  function addReply(reply) {
    var kind = String(reply.kind || '');
    if (kind === 'relayed' || !reply.text) {
      // a duty lawyer holds the chat: the message went to them and the bot stays silent
      repliesSeen++;
      showState(reply.state, null);
      return;
    }
    var row = addRow('bot', /^[a-z_]+$/.test(kind) ? kind : '');
    var offices = kind === 'offices' && Array.isArray(reply.offices) ? reply.offices : [];
    // the map links become buttons under the text rather than long addresses in it
    row.appendChild(el('div', 'bubble', offices.length > 0 ? withoutMapLines(reply.text) : reply.text));

    var citations = Array.isArray(reply.citations) ? reply.citations : [];
    if (citations.length > 0) {
      var tags = el('div', 'citations');
      citations.forEach(function (c) {
        var tag = el('span', 'tag', c.title || ((c.law || '') + (c.article || '')));
        tag.title = (c.law || '') + (c.article || '');
        tags.appendChild(tag);
      });
      row.appendChild(tags);
    }

    // numbered choices, or the questions an answer suggests: either way a button sends the question
    var options = kind === 'choices' ? choicesOf(reply) : suggestionsOf(reply);
    if (options.length > 0) {
      var box = el('div', 'choices');
      options.forEach(function (option) {
        var button = el('button', 'choice', option.number ? option.number + '. ' + option.question : option.question);
        button.type = 'button';
        if (option.number) button.setAttribute('data-number', String(option.number));
        button.addEventListener('click', function () {
          box.querySelectorAll('button').forEach(function (b) { b.disabled = true; });
          button.classList.add('picked');
          // The question itself, not its number: a number means something only while the server
          // still remembers this offer, and the question is answered even where it does not.
          send(option.question);
        });
        box.appendChild(button);
      });
      row.appendChild(box);
    }
    if (FEEDBACK_KINDS[kind] && /^[0-9a-f-]{36}$/.test(String(reply.turnId || ''))) {
      row.appendChild(feedbackBar(reply.turnId));
    }
    if (kind === 'offices') {
      addOffices(row, offices);
    }
    repliesSeen++;
    showState(reply.state, row);
    scrollToEnd();
  }

  /** 有用 / 没用 under an answer; a press is kept with the answer's turn, and may be changed. */
  function feedbackBar(turnId) {
    var bar = el('div', 'feedback');
    bar.appendChild(el('span', 'feedback-label', '这条回答对您有帮助吗？'));
    [['useful', '有用'], ['not_useful', '没用']].forEach(function (choice) {
      var button = el('button', 'feedback-button', choice[1]);
      button.type = 'button';
      button.setAttribute('data-verdict', choice[0]);
      button.addEventListener('click', function () {
        bar.querySelectorAll('button').forEach(function (b) { b.disabled = true; });
        giveFeedback(turnId, choice[0], 1).then(function (ok) {
          bar.querySelectorAll('button').forEach(function (b) {
            b.disabled = false;
            b.classList.toggle('picked', ok && b === button);
          });
          status.textContent = ok ? '谢谢您的反馈' : '反馈未能提交，请稍后再试';
          status.classList.toggle('error', !ok);
        });
      });
      bar.appendChild(button);
    });
    var status = el('span', 'feedback-status', '');
    status.setAttribute('role', 'status');
    bar.appendChild(status);
    return bar;
  }

  /** Resolves true once the server kept the verdict; the same verdict sent twice is harmless. */
  function giveFeedback(turnId, verdict, renewals) {
    return session().then(function () {
      return fetch(FEEDBACK_API, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', 'Accept': 'application/json', 'Authorization': 'Bearer ' + token },
        body: JSON.stringify({ citizenId: citizenId, turnId: turnId, verdict: verdict })
      });
    }).then(function (response) {
      if (response.status === 401 && renewals > 0) {
        forgetSession();
        return giveFeedback(turnId, verdict, renewals - 1);
      }
      return response.ok;
    }, function () { return false; });
  }

  function withoutMapLines(text) {
    return String(text).split('\n').filter(function (line) { return line.indexOf('地图：') !== 0; }).join('\n');
  }

  /**
   * Offices: a map link under the reply for each. None (the bot asks which district): the offer to
   * use this browser's location instead, asked here first and then by the browser itself.
   */
  function addOffices(row, offices) {
    if (offices.length > 0) {
      var links = el('div', 'office-links');
      offices.forEach(function (office) {
        if (typeof office.mapUrl !== 'string' || office.mapUrl.indexOf(MAP_PREFIX) !== 0) return;
        var link = el('a', 'office-map', '地图：' + (office.name || ''));
        link.href = office.mapUrl;
        link.target = '_blank';
        link.rel = 'noopener noreferrer';
        links.appendChild(link);
      });
      row.appendChild(links);
      return;
    }
    if (!navigator.geolocation) return;
    var button = el('button', 'use-location', '使用我的位置');
    button.type = 'button';
    button.addEventListener('click', function () {
      button.disabled = true;
      askConsent(row);
    });
    row.appendChild(button);
  }

  function askConsent(row) {
    var box = el('div', 'consent');
    box.appendChild(el('p', 'consent-text', '是否同意本页面获取您当前的位置？位置只用于这一次查找最近的法律服务机构，不会保存。'));
    var yes = el('button', 'consent-yes', '同意');
    var no = el('button', 'consent-no', '不用了');
    yes.type = 'button';
    no.type = 'button';
    yes.addEventListener('click', function () {
      box.remove();
      locate();
    });
    no.addEventListener('click', function () {
      box.remove();
      addSystemLine('好的，请直接回复您所在的区，例如：西湖区');
    });
    box.appendChild(yes);
    box.appendChild(no);
    row.appendChild(box);
    scrollToEnd();
  }

  function locate() {
    var typing = addTyping();
    navigator.geolocation.getCurrentPosition(function (position) {
      postPosition(position.coords.latitude, position.coords.longitude, 1).then(function (result) {
        typing.remove();
        if (result.ok) {
          addReply(result.body);
        } else {
          addSystemLine(result.error, true);
        }
      });
    }, function () {
      typing.remove();
      addSystemLine('未能获取您的位置，请直接回复您所在的区，例如：西湖区', true);
    }, { timeout: 15000, maximumAge: 60000 });
  }

  function postPosition(latitude, longitude, renewals) {
    return session().then(function () {
      return fetch(OFFICES_API, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', 'Accept': 'application/json', 'Authorization': 'Bearer ' + token },
        body: JSON.stringify({ citizenId: citizenId, latitude: latitude, longitude: longitude })
      });
    }).then(function (response) {
      if (response.status === 401 && renewals > 0) {
        forgetSession();
        return postPosition(latitude, longitude, renewals - 1);
      }
      return response.json().catch(function () { return null; }).then(function (json) {
        if (response.ok && json) return { ok: true, body: json };
        return { ok: false, error: json && typeof json.error === 'string' ? json.error : '系统繁忙，请稍后再试' };
      });
    }, function () {
      return { ok: false, error: '网络异常，请检查网络后重试' };
    });
  }

  function addLaterMessage(message) {
    var kind = String(message.kind || '');
    var row = addRow('bot', 'later' + (/^[a-z_]+$/.test(kind) ? ' ' + kind : ''));
    row.appendChild(el('div', 'label', '新消息' + timeOf(message.sentAt)));
    row.appendChild(el('div', 'bubble', message.text));
    // the lawyer closed the consultation and the closing message asks for a rating: one tap answers it
    if (kind === 'rating') {
      var box = el('div', 'choices rating');
      ['满意', '不满意'].forEach(function (word) {
        var button = el('button', 'choice', word);
        button.type = 'button';
        button.setAttribute('data-rating', word);
        button.addEventListener('click', function () {
          box.querySelectorAll('button').forEach(function (b) { b.disabled = true; });
          button.classList.add('picked');
          send(word);
        });
        box.appendChild(button);
      });
      row.appendChild(box);
    }
    scrollToEnd();
  }

  /**
   * The questions an answer suggests ("您也可以问：" and a line "· …" each), given instead of
   * numbered choices when the server could not remember an offer: buttons that ask them.
   */
  function suggestionsOf(reply) {
    var text = String(reply.text || '');
    var at = text.lastIndexOf('您也可以问：');
    if (at < 0) return [];
    var found = [];
    text.substring(at).split('\n').slice(1).forEach(function (line) {
      var m = /^\s*·\s*(.+)$/.exec(line);
      if (m) found.push({ question: m[1] });
    });
    return found;
  }

  /** The numbered options: from the reply's choices, or else from lines such as "1. …". */
  function choicesOf(reply) {
    if (Array.isArray(reply.choices) && reply.choices.length > 0) {
      return reply.choices.filter(function (c) { return Number.isInteger(c.number); });
    }
    var found = [];
    String(reply.text || '').split('\n').forEach(function (line) {
      var m = /^\s*(\d{1,2})\s*[.、．)）]\s*(.+)$/.exec(line);
      if (m) found.push({ number: parseInt(m[1], 10), question: m[2] });
    });
    return found;
  }

  var lastState = 'BOT';
  var repliesSeen = 0; // a poll that began before the latest reply must not undo its state
  function showState(state, row) {
    var label = STATE_LABELS[state];
    if (label) {
      stateBadge.textContent = label;
      stateBadge.hidden = false;
      stateBadge.classList.toggle('waiting', state === 'QUEUED' || state === 'CALLBACK');
    } else {
      stateBadge.hidden = true;
    }
    if (row && label && state !== 'CLARIFYING') {
      row.appendChild(el('div', 'meta', label));
    } else if (!row && label && state !== lastState && state !== 'CLARIFYING') {
      addSystemLine(label, false);
    }
    if (typeof state === 'string') lastState = state;
  }

  function timeOf(iso) {
    var d = new Date(iso);
    if (isNaN(d.getTime())) return '';
    var hh = String(d.getHours()).padStart(2, '0');
    var mm = String(d.getMinutes()).padStart(2, '0');
    return ' · ' + hh + ':' + mm;
  }

  // ---- talking to the API ----

  function send(text) {
    addUserMessage(text);
    var typing = addTyping();
    // One id per message: a retry after a lost response is answered once, not twice.
    post(text, randomHex(16), 1, 1, IN_PROGRESS_WAITS).then(function (result) {
      typing.remove();
      if (result.ok) {
        addReply(result.body);
      } else {
        addSystemLine(result.error, true);
      }
    });
  }

  function delay(millis) {
    return new Promise(function (resolve) { setTimeout(resolve, millis); });
  }

  /**
   * Sends one message; a retry carries the same messageId, so the server answers it once. 409
   * means our earlier try is still being answered: wait and ask again, and the stored answer
   * comes back. 401 means the session is gone: open a new one, once.
   */
  function post(text, messageId, retries, renewals, waits) {
    return session().then(function () {
      return fetch(API, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', 'Accept': 'application/json', 'Authorization': 'Bearer ' + token },
        body: JSON.stringify({ citizenId: citizenId, text: text, messageId: messageId })
      });
    }).then(function (response) {
      if (response.status === 401 && renewals > 0) {
        forgetSession();
        return post(text, messageId, retries, renewals - 1, waits);
      }
      if (response.status === 409 && waits > 0) {
        return delay(IN_PROGRESS_POLL_MILLIS).then(function () { return post(text, messageId, retries, renewals, waits - 1); });
      }
      return response.json().catch(function () { return null; }).then(function (json) {
        if (response.ok && json) return { ok: true, body: json };
        var message = json && typeof json.error === 'string' ? json.error : '系统繁忙，请稍后再试';
        return { ok: false, error: message };
      });
    }, function () {
      if (retries > 0) {
        return delay(1000).then(function () { return post(text, messageId, retries - 1, renewals, waits); });
      }
      return { ok: false, error: '网络异常，请检查网络后重试' };
    });
  }

  var polling = false;
  var failedPolls = 0;
  function poll() {
    if (polling) return;
    polling = true;
    var repliesBefore = repliesSeen;
    session()
      .then(function () {
        return fetch(API + '?citizenId=' + encodeURIComponent(citizenId) + '&after=' + encodeURIComponent(cursor),
          { headers: { 'Accept': 'application/json', 'Authorization': 'Bearer ' + token } });
      })
      .then(function (response) {
        if (response.status === 401) forgetSession();
        if (!response.ok) throw new Error('HTTP ' + response.status);
        return response.json();
      })
      .then(function (page) {
        if (failedPolls >= 3) addSystemLine('连接已恢复', false);
        failedPolls = 0;
        (page.messages || []).forEach(function (m) {
          if (m.id > cursor) addLaterMessage(m);
        });
        if (typeof page.next === 'number' && page.next > cursor) {
          cursor = page.next;
          storage.set(cursorKey, String(cursor));
        }
        if (page.state && page.state !== lastState && repliesBefore === repliesSeen) showState(page.state, null);
      })
      .catch(function () {
        failedPolls++;
        if (failedPolls === 3) addSystemLine('连接中断，正在重试…', true);
      })
      .then(function () { polling = false; });
  }

  // ---- input ----

  function submit() {
    var text = input.value.trim();
    if (!text) return;
    if (Array.from(text).length > MAX_TEXT_LENGTH) {
      addSystemLine('消息过长，请控制在' + MAX_TEXT_LENGTH + '字以内', true);
      return;
    }
    input.value = '';
    grow();
    send(text);
  }

  function grow() {
    input.style.height = 'auto';
    // scrollHeight leaves out the 1px borders that border-box counts
    input.style.height = Math.min(input.scrollHeight + 2, 140) + 'px';
  }

  form.addEventListener('submit', function (event) {
    event.preventDefault();
    submit();
    input.focus();
  });

  input.addEventListener('keydown', function (event) {
    // Enter sends, Shift+Enter is a new line; Enter that ends an IME composition (pinyin) is not a send.
    if (event.key === 'Enter' && !event.shiftKey && !event.isComposing && event.keyCode !== 229) {
      event.preventDefault();
      submit();
    }
  });
  input.addEventListener('input', grow);

  document.querySelectorAll('.quick-button').forEach(function (button) {
    button.addEventListener('click', function () {
      send(button.getAttribute('data-text'));
    });
  });

  // ---- helpers ----

  function randomHex(bytes) {
    var a = new Uint8Array(bytes);
    crypto.getRandomValues(a); // unlike randomUUID, available on plain http too
    return Array.from(a, function (b) { return b.toString(16).padStart(2, '0'); }).join('');
  }

  function safeStorage() {
    var memory = {};
    try {
      var probe = '__lawline_probe__';
      window.localStorage.setItem(probe, probe);
      window.localStorage.removeItem(probe);
      return {
        get: function (k) { return window.localStorage.getItem(k); },
        set: function (k, v) { window.localStorage.setItem(k, v); }
      };
    } catch (e) {
      // Private browsing or storage off: the chat still works for this visit.
      return {
        get: function (k) { return memory[k] || null; },
        set: function (k, v) { memory[k] = v; }
      };
    }
  }

  addRow('bot').appendChild(el('div', 'bubble',
    '您好，我是 LawLine 智能法律咨询助手。\n请描述您遇到的问题，例如劳动报酬、婚姻家庭、借贷纠纷等；需要律师时请发送“转人工”。'));
  poll();
  setInterval(poll, POLL_MILLIS);
  input.focus();
})();
