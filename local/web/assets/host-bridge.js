/* global window, document, console, URL, Headers, fetch, setTimeout */
// The host-page side of the local bridge: answers the `callBridge` operations that @forge/bridge sends from the
// app's iframes (see research/forge-platform.md section 6.2). Each message is checked: it must come from one of
// this page's iframes, on this origin. Page scripts get `window.forgeHost` to emit product-view events.
(function () {
  'use strict';

  var TAG = '__forgeLocal';
  var origin = window.location.origin;
  var data = readJson('forge-frames') || { frames: {}, modules: {} };
  var frames = new Map(); // frameId -> { id, iframe, spec, modal? }
  var subscriptions = []; // { frameId, event, cbId }
  var modalSeq = 0;

  function readJson(id) {
    var el = document.getElementById(id);
    if (!el) return null;
    try {
      return JSON.parse(el.textContent || 'null');
    } catch (error) {
      console.error('forge host: #' + id + ' is not JSON', error);
      return null;
    }
  }

  function register(iframe, spec, modal) {
    var id = iframe.getAttribute('data-forge-frame');
    frames.set(id, { id: id, iframe: iframe, spec: spec, modal: modal || null });
  }

  Array.prototype.forEach.call(document.querySelectorAll('iframe[data-forge-frame]'), function (iframe) {
    var spec = data.frames[iframe.getAttribute('data-forge-frame')];
    if (spec) register(iframe, spec);
  });

  function frameOf(source) {
    var found = null;
    frames.forEach(function (f) {
      if (f.iframe.contentWindow === source) found = f;
    });
    return found;
  }

  function send(frame, message) {
    if (!frame.iframe.contentWindow) return;
    message[TAG] = 1;
    frame.iframe.contentWindow.postMessage(message, origin);
  }

  function callback(frameId, ref, payload) {
    var frame = frames.get(frameId);
    if (frame && ref && ref.__cb) send(frame, { kind: 'callback', cbId: ref.__cb, payload: payload });
  }

  function clone(value) {
    return JSON.parse(JSON.stringify(value));
  }

  // ---- flags (bottom left, as in Jira) ----
  var FLAG_ICONS = { info: 'i', success: '\u2713', warning: '!', error: '!' };
  function showFlag(frameId, options) {
    options = options || {};
    var container = document.getElementById('flags');
    if (!container) return;
    closeFlag(options.id);
    var type = ['info', 'success', 'warning', 'error'].indexOf(options.type) >= 0 ? options.type : 'info';
    var flag = document.createElement('div');
    flag.className = 'flag flag-' + type;
    flag.setAttribute('role', type === 'error' || type === 'warning' ? 'alert' : 'status');
    flag.setAttribute('data-flag-id', String(options.id));
    flag.setAttribute('data-testid', 'flag');
    var icon = document.createElement('span');
    icon.className = 'flag-icon';
    icon.textContent = FLAG_ICONS[type];
    var body = document.createElement('div');
    body.className = 'flag-body';
    var title = document.createElement('strong');
    title.textContent = options.title || '';
    body.appendChild(title);
    if (options.description) {
      var text = document.createElement('p');
      text.textContent = String(options.description);
      body.appendChild(text);
    }
    if (Array.isArray(options.actions) && options.actions.length > 0) {
      var actions = document.createElement('div');
      actions.className = 'flag-actions';
      options.actions.forEach(function (action) {
        var button = document.createElement('button');
        button.type = 'button';
        button.className = 'link-button';
        button.textContent = action.text || 'Action';
        button.addEventListener('click', function () { callback(frameId, action.onClick); });
        actions.appendChild(button);
      });
      body.appendChild(actions);
    }
    var close = document.createElement('button');
    close.type = 'button';
    close.className = 'flag-close';
    close.setAttribute('aria-label', 'Dismiss');
    close.textContent = '\u00d7';
    close.addEventListener('click', function () { flag.remove(); });
    flag.appendChild(icon);
    flag.appendChild(body);
    flag.appendChild(close);
    container.appendChild(flag);
    if (options.isAutoDismiss) setTimeout(function () { flag.remove(); }, 8000);
  }

  function closeFlag(id) {
    var container = document.getElementById('flags');
    if (!container || id === undefined) return;
    Array.prototype.forEach.call(container.querySelectorAll('.flag'), function (el) {
      if (el.getAttribute('data-flag-id') === String(id)) el.remove();
    });
  }

  // ---- navigation: Forge locations to host URLs ----
  function urlFor(location) {
    if (!location || typeof location !== 'object') throw new Error('navigate: a URL or a location with a target is required.');
    if (typeof location.url === 'string') {
      var url = new URL(location.url, window.location.href);
      if (url.protocol !== 'http:' && url.protocol !== 'https:') throw new Error('navigate: only http(s) URLs can be opened, not ' + url.protocol);
      return url.href;
    }
    switch (location.target) {
      case 'issue':
        if (!location.issueKey) throw new Error('navigate: target issue needs an issueKey.');
        return origin + '/browse/' + encodeURIComponent(location.issueKey);
      case 'module': {
        var href = data.modules && data.modules[location.moduleKey];
        if (!href) throw new Error("navigate: the app has no page module '" + location.moduleKey + "' on the local host.");
        return origin + href;
      }
      case 'dashboard':
        return origin + '/';
      case 'projectSettingsDetails':
        if (!location.projectKey) throw new Error('navigate: target projectSettingsDetails needs a projectKey.');
        return origin + '/issues?jql=' + encodeURIComponent('project = ' + location.projectKey + ' ORDER BY updated DESC');
      default:
        throw new Error("navigate: the target '" + location.target + "' is not available on the local host.");
    }
  }

  function navigate(payload) {
    var href = urlFor(payload);
    if (payload.type === 'new-tab') window.open(href, '_blank', 'noopener');
    else window.location.assign(href);
    return true;
  }

  // ---- modals ----
  var MODAL_WIDTHS = { small: '400px', medium: '600px', large: '800px', xlarge: '968px', max: 'calc(100vw - 120px)', fullscreen: '100vw', resizable: '600px' };

  function openModal(opener, payload) {
    payload = payload || {};
    var id = 'modal-' + ++modalSeq;
    var resource = payload.resource || opener.spec.resource;
    var overlay = document.createElement('div');
    overlay.className = 'modal-overlay';
    overlay.setAttribute('data-testid', 'forge-modal');
    var dialog = document.createElement('div');
    dialog.className = 'modal-dialog' + (payload.size === 'fullscreen' ? ' modal-fullscreen' : '');
    dialog.setAttribute('role', 'dialog');
    dialog.setAttribute('aria-modal', 'true');
    var size = payload.size;
    dialog.style.width = typeof size === 'object' && size && size.width ? size.width : MODAL_WIDTHS[size] || MODAL_WIDTHS.medium;
    if (typeof size === 'object' && size && size.height) dialog.style.height = size.height;
    var header = document.createElement('div');
    header.className = 'modal-header';
    var title = document.createElement('h2');
    title.textContent = payload.title || opener.spec.title || '';
    var close = document.createElement('button');
    close.type = 'button';
    close.className = 'icon-button';
    close.setAttribute('aria-label', 'Close');
    close.textContent = '\u00d7';
    header.appendChild(title);
    header.appendChild(close);
    var iframe = document.createElement('iframe');
    iframe.className = 'forge-frame modal-frame';
    iframe.setAttribute('data-forge-frame', id);
    iframe.setAttribute('sandbox', 'allow-scripts allow-same-origin allow-forms allow-popups allow-downloads');
    iframe.title = title.textContent || 'App dialog';
    iframe.src = '/forge/resources/' + encodeURIComponent(resource) + '/index.html';
    dialog.appendChild(header);
    dialog.appendChild(iframe);
    overlay.appendChild(dialog);

    var context = clone(opener.spec.context);
    context.extension = Object.assign({}, context.extension, { modal: payload.context || {} });
    var spec = { frameId: id, moduleKey: opener.spec.moduleKey, title: title.textContent, resource: resource, context: context };
    register(iframe, spec, { openerId: opener.id, onClose: payload.onClose, overlay: overlay });

    var dismiss = function () { closeModal(id, undefined); };
    close.addEventListener('click', dismiss);
    if (payload.closeOnOverlayClick !== false) {
      overlay.addEventListener('click', function (event) { if (event.target === overlay) dismiss(); });
    }
    if (payload.closeOnEscape !== false) {
      frames.get(id).onKey = function (event) { if (event.key === 'Escape') dismiss(); };
      document.addEventListener('keydown', frames.get(id).onKey);
    }
    document.body.appendChild(overlay);
    close.focus();
    return true;
  }

  function closeModal(frameId, payload) {
    var frame = frames.get(frameId);
    if (!frame || !frame.modal) return false;
    frames.delete(frameId);
    dropSubscriptions(frameId);
    if (frame.onKey) document.removeEventListener('keydown', frame.onKey);
    frame.modal.overlay.remove();
    callback(frame.modal.openerId, frame.modal.onClose, payload);
    return true;
  }

  // ---- events ----
  function dropSubscriptions(frameId) {
    subscriptions = subscriptions.filter(function (s) { return s.frameId !== frameId; });
  }

  function emit(event, payload) {
    subscriptions.forEach(function (s) {
      if (s.event === event) callback(s.frameId, { __cb: s.cbId }, payload);
    });
  }

  function subscribe(frame, prefix, payload) {
    if (!payload || typeof payload.event !== 'string' || !payload.callback || !payload.callback.__cb) {
      throw new Error('on: an event name and a callback are required.');
    }
    subscriptions.push({ frameId: frame.id, event: prefix + payload.event, cbId: payload.callback.__cb });
    return true;
  }

  // ---- product fetch and invoke, as the signed-in user ----
  function fetchProduct(payload) {
    payload = payload || {};
    if (payload.product !== 'jira') throw new Error("fetchProduct: the local host only has Jira, not '" + payload.product + "'.");
    if (payload.isMultipartFormData) throw new Error('fetchProduct: multipart uploads (attachments) are not supported by the local host.');
    var path = String(payload.restPath || '');
    if (!/^\/rest\//.test(path)) throw new Error("fetchProduct: restPath must be a product path such as /rest/api/3/..., got '" + path + "'.");
    var init = payload.fetchRequestInit || {};
    var headers = new Headers(Array.isArray(init.headers) ? init.headers : init.headers || {});
    var method = (init.method || 'GET').toUpperCase();
    return fetch(path, {
      method: method,
      headers: headers,
      body: method === 'GET' || method === 'HEAD' ? undefined : init.body,
      credentials: 'same-origin',
    }).then(function (res) {
      return res.text().then(function (body) {
        var out = {};
        res.headers.forEach(function (value, key) { out[key] = value; });
        return { body: body, headers: out, status: res.status, statusText: res.statusText };
      });
    });
  }

  function invoke(frame, payload) {
    payload = payload || {};
    if (payload.invokeType) throw new Error('invoke: remote and container invocations (' + payload.invokeType + ') are not supported by the local host.');
    return fetch('/forge/invoke', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      credentials: 'same-origin',
      body: JSON.stringify({
        moduleKey: frame.spec.moduleKey,
        functionKey: payload.functionKey,
        payload: payload.payload,
        extension: frame.spec.context.extension,
      }),
    }).then(function (res) {
      return res.json().catch(function () {
        throw new Error('invoke ' + payload.functionKey + ': the local host answered ' + res.status + ' without JSON.');
      }).then(function (answer) {
        if (!answer || answer.ok !== true) throw new Error((answer && answer.message) || 'invoke ' + payload.functionKey + ' failed.');
        return payload.metadata === undefined ? answer.result : { body: answer.result, metadata: payload.metadata };
      });
    });
  }

  // ---- the operations ----
  var operations = {
    invoke: invoke,
    getContext: function (frame) { return clone(frame.spec.context); },
    fetchProduct: function (frame, payload) { return fetchProduct(payload); },
    enableTheming: function () { return undefined; },
    showFlag: function (frame, payload) { showFlag(frame.id, payload); return undefined; },
    closeFlag: function (frame, payload) { closeFlag(payload && payload.id); return undefined; },
    navigate: function (frame, payload) { return navigate(payload); },
    getUrl: function (frame, payload) { return urlFor(payload); },
    reload: function () { window.location.reload(); return undefined; },
    openModal: openModal,
    close: function (frame, payload) { return closeModal(frame.id, payload); },
    submit: function (frame, payload) { return closeModal(frame.id, payload); },
    open: function () { return false; },
    refresh: function () { return false; },
    onClose: function () { return false; },
    emit: function (frame, payload) { emit((payload || {}).event, (payload || {}).payload); return undefined; },
    on: function (frame, payload) { return subscribe(frame, '', payload); },
    emitPublic: function (frame, payload) { emit('public:' + (payload || {}).event, (payload || {}).payload); return undefined; },
    onPublic: function (frame, payload) { return subscribe(frame, 'public:', payload); },
    changeWindowTitle: function (frame, payload) {
      if (!frame.modal && payload && typeof payload.title === 'string') document.title = payload.title + ' - Jira (local)';
      return undefined;
    },
    emitReadyEvent: function () { return undefined; },
    refreshIssueView: function () {
      if (typeof window.forgeHost.refreshIssue !== 'function') throw new Error('refreshIssueView: this page is not an issue view.');
      return window.forgeHost.refreshIssue();
    },
  };

  function reply(frame, id, ok, value) {
    try {
      send(frame, ok ? { kind: 'reply', id: id, ok: true, result: value } : { kind: 'reply', id: id, ok: false, error: value });
    } catch (error) {
      send(frame, { kind: 'reply', id: id, ok: false, error: 'The answer could not be sent to the app: ' + error.message });
    }
  }

  window.addEventListener('message', function (event) {
    if (event.origin !== origin) return;
    var m = event.data;
    if (!m || m[TAG] !== 1) return;
    var frame = frameOf(event.source);
    if (!frame) return; // not one of this page's app frames
    if (m.kind === 'resize') {
      var height = Math.max(0, Math.min(Number(m.height) || 0, 20000));
      frame.iframe.style.height = height + 'px';
      frame.iframe.setAttribute('data-sized', '');
      return;
    }
    if (m.kind === 'hello') {
      // A (re)loaded document: the callbacks of the previous one are gone.
      dropSubscriptions(frame.id);
      return;
    }
    if (m.kind === 'off') {
      subscriptions = subscriptions.filter(function (s) { return !(s.frameId === frame.id && s.cbId === m.cbId); });
      return;
    }
    if (m.kind !== 'call') return;
    var op = Object.prototype.hasOwnProperty.call(operations, m.name) ? operations[m.name] : null;
    if (!op) {
      reply(frame, m.id, false, "The local host does not support the bridge operation '" + m.name + "'.");
      return;
    }
    Promise.resolve()
      .then(function () { return op(frame, m.payload); })
      .then(
        function (result) { reply(frame, m.id, true, result); },
        function (error) { reply(frame, m.id, false, (error && error.message) || String(error)); },
      );
  });

  document.addEventListener('click', function (event) {
    var button = event.target.closest && event.target.closest('[data-reload-frame]');
    if (!button) return;
    var frame = frames.get(button.getAttribute('data-reload-frame'));
    if (!frame) return;
    dropSubscriptions(frame.id);
    frame.iframe.contentWindow.location.reload();
  });

  window.forgeHost = {
    /** Sends a product event (e.g. JIRA_ISSUE_CHANGED) to every frame that subscribed with events.on. */
    emit: emit,
    showFlag: function (options) { showFlag(null, options); },
    refreshIssue: null,
  };
})();
