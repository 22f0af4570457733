// What every staff page (the inbox, canned replies, the roster) shares: element helpers and the
// JSON API call with Spring Security's cookie CSRF token on every write. Loaded before the page's
// own script (both deferred, so in order); text is only ever set with textContent.
(function () {
  'use strict';

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

  /** Resolves {status, body}; a lost session goes back to the sign-in page. */
  function api(method, path, body) {
    var options = { method: method, headers: { 'Accept': 'application/json' }, credentials: 'same-origin' };
    if (method !== 'GET') { options.headers['X-XSRF-TOKEN'] = csrf(); }
    if (body !== undefined) {
      options.headers['Content-Type'] = 'application/json';
      options.body = JSON.stringify(body);
    }
    return fetch(path, options).then(function (response) {
      if (response.status === 401) { window.location.href = '/login'; }
      return response.json().catch(function () { return {}; }).then(function (json) {
        return { status: response.status, body: json };
      });
    });
  }

  window.LawLineStaff = Object.freeze({ $: $, el: el, csrf: csrf, api: api });
})();
