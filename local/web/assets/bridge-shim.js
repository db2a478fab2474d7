/* global window, document, console, URL, ResizeObserver, MutationObserver */
// The Custom UI side of the local host's bridge, injected as the first script of every resource's index.html
// (as Atlassian's tunnel injects its global bridge). It defines `window.__bridge.callBridge(name, payload)`,
// which @forge/bridge calls, and forwards each call to the host page by postMessage. Functions in payloads
// (events.on callbacks, Modal onClose, flag actions) cannot cross postMessage: they stay here and travel as ids.
(function () {
  'use strict';
  if (window.__bridge) return;

  var TAG = '__forgeLocal';
  var origin = window.location.origin;
  var host = window.parent;
  // Callback ids are unique per document, so a reloaded frame never receives its old document's events.
  var docId = Math.random().toString(36).slice(2, 10);
  var seq = 0;
  var pending = new Map();
  var callbacks = new Map();

  function post(message) {
    message[TAG] = 1;
    host.postMessage(message, origin);
  }

  function isPlain(value) {
    if (value === null || typeof value !== 'object') return false;
    var proto = Object.getPrototypeOf(value);
    return proto === Object.prototype || proto === null;
  }

  // Replaces functions by `{ __cb: id }`, keeping the function here; plain objects and arrays are walked.
  function strip(value, created, depth) {
    if (typeof value === 'function') {
      var cbId = docId + ':' + ++seq;
      callbacks.set(cbId, value);
      created.push(cbId);
      return { __cb: cbId };
    }
    if (depth > 20) return value;
    if (Array.isArray(value)) return value.map(function (v) { return strip(v, created, depth + 1); });
    if (isPlain(value)) {
      var out = {};
      Object.keys(value).forEach(function (k) { out[k] = strip(value[k], created, depth + 1); });
      return out;
    }
    return value;
  }

  window.addEventListener('message', function (event) {
    if (event.source !== host || event.origin !== origin) return;
    var m = event.data;
    if (!m || m[TAG] !== 1) return;
    if (m.kind === 'reply') {
      var p = pending.get(m.id);
      if (!p) return;
      pending.delete(m.id);
      if (m.ok) p.resolve(m.result);
      else p.reject(new Error(m.error || 'The bridge call failed.'));
    } else if (m.kind === 'callback') {
      var cb = callbacks.get(m.cbId);
      if (!cb) return;
      try {
        cb(m.payload);
      } catch (error) {
        console.error('A bridge callback threw:', error);
      }
    }
  });

  // Forge keeps a page module's history in the host URL (`/apps/<key>/<path>?<search>`): a shared link opens the
  // app where it was. Here too for global and admin pages (the host page is same-origin); entries are kept in
  // memory as well, for go/back and for frames whose host URL is not theirs (the issue view).
  function pageBase() {
    try {
      var m = /^(\/(?:settings\/)?apps\/[^/]+)(\/.*)?$/.exec(host.location.pathname);
      return m ? { base: m[1], path: (m[2] || '/') + host.location.search + host.location.hash } : null;
    } catch {
      return null;
    }
  }
  function createHistory() {
    var listeners = [];
    var page = pageBase();
    var entries = [toLocation(page ? page.path : '/', undefined)];
    var index = 0;
    function mirror(how) {
      if (!page) return;
      var l = entries[index];
      try {
        host.history[how === 'PUSH' ? 'pushState' : 'replaceState'](null, '', page.base + (l.pathname === '/' ? '' : l.pathname) + l.search + l.hash);
      } catch {
        /* the host URL is only a convenience */
      }
    }
    function toLocation(path, state) {
      var text = typeof path === 'string' ? path : (path.pathname || '/') + (path.search || '') + (path.hash || '');
      var url = new URL(text, 'http://history.local');
      return { pathname: url.pathname, search: url.search, hash: url.hash, state: state, key: Math.random().toString(36).slice(2, 10) };
    }
    function notify(action) {
      history.action = action;
      history.location = entries[index];
      history.length = entries.length;
      listeners.slice().forEach(function (l) { l(history.location, action); });
    }
    var history = {
      action: 'POP',
      location: entries[0],
      length: 1,
      push: function (path, state) {
        entries = entries.slice(0, index + 1);
        entries.push(toLocation(path, state));
        index = entries.length - 1;
        mirror('PUSH');
        notify('PUSH');
      },
      replace: function (path, state) {
        entries[index] = toLocation(path, state);
        mirror('REPLACE');
        notify('REPLACE');
      },
      go: function (n) {
        var next = Math.min(Math.max(index + n, 0), entries.length - 1);
        if (next === index) return;
        index = next;
        mirror('REPLACE');
        notify('POP');
      },
      back: function () { history.go(-1); },
      forward: function () { history.go(1); },
      listen: function (listener) {
        listeners.push(listener);
        return function () { listeners = listeners.filter(function (l) { return l !== listener; }); };
      },
      block: function () { return function () {}; },
      createHref: function (location) {
        return typeof location === 'string' ? location : (location.pathname || '/') + (location.search || '') + (location.hash || '');
      },
    };
    return history;
  }

  function enableTheming() {
    var root = document.documentElement;
    // The person's Jira theme, as the host page chose it (the same cookie the host reads for getContext).
    var dark = /(?:^|;\s*)jira_local_theme=dark(?:;|$)/.test(document.cookie);
    root.setAttribute('data-color-mode', dark ? 'dark' : 'light');
    root.setAttribute('data-theme', 'dark:dark light:light shape:shape spacing:spacing typography:typography');
    if (!document.querySelector('link[data-forge-theme]')) {
      var link = document.createElement('link');
      link.rel = 'stylesheet';
      link.href = '/forge/theme.css';
      link.setAttribute('data-forge-theme', '');
      (document.head || root).appendChild(link);
    }
    return Promise.resolve();
  }

  function callBridge(name, payload) {
    if (name === 'createHistory') return Promise.resolve(createHistory());
    if (name === 'enableTheming') return enableTheming();
    var created = [];
    var message;
    try {
      message = { kind: 'call', id: ++seq, name: String(name), payload: strip(payload, created, 0) };
    } catch (error) {
      return Promise.reject(new Error('Bridge call ' + name + ': the payload cannot be sent: ' + error.message));
    }
    var call = new Promise(function (resolve, reject) {
      pending.set(message.id, { resolve: resolve, reject: reject });
      try {
        post(message);
      } catch (error) {
        pending.delete(message.id);
        created.forEach(function (id) { callbacks.delete(id); });
        reject(new Error('Bridge call ' + name + ': the payload cannot be sent: ' + error.message));
      }
    });
    if (name === 'on' || name === 'onPublic') {
      // events.on resolves to a subscription; its callback stays registered until unsubscribe().
      return call.then(function () {
        return {
          unsubscribe: function () {
            created.forEach(function (id) {
              callbacks.delete(id);
              post({ kind: 'off', cbId: id });
            });
          },
        };
      });
    }
    return call;
  }

  window.__bridge = { callBridge: callBridge };
  // A new document in this frame: the host forgets the previous document's subscriptions.
  post({ kind: 'hello' });

  // Tell the host page how tall the content is, so the iframe can grow and shrink with it.
  var lastHeight = -1;
  function measure() {
    var body = document.body;
    if (!body) return;
    var height = 0;
    for (var i = 0; i < body.children.length; i++) {
      var rect = body.children[i].getBoundingClientRect();
      if (rect.bottom > height) height = rect.bottom;
    }
    var style = window.getComputedStyle(body);
    height = Math.ceil(height + window.scrollY + (parseFloat(style.marginBottom) || 0) + (parseFloat(style.paddingBottom) || 0));
    if (height !== lastHeight) {
      lastHeight = height;
      post({ kind: 'resize', height: height });
    }
  }
  var scheduled = false;
  function schedule() {
    if (scheduled) return;
    scheduled = true;
    window.requestAnimationFrame(function () {
      scheduled = false;
      measure();
    });
  }
  function watch() {
    var observer = new ResizeObserver(schedule);
    observer.observe(document.body);
    var observeChildren = function () {
      for (var i = 0; i < document.body.children.length; i++) observer.observe(document.body.children[i]);
      schedule();
    };
    new MutationObserver(observeChildren).observe(document.body, { childList: true, subtree: true, attributes: true });
    observeChildren();
  }
  if (document.body) watch();
  else document.addEventListener('DOMContentLoaded', watch);
  window.addEventListener('load', schedule);
})();
