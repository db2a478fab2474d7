/* global window, document, fetch, DOMParser */
// The issue view's actions: comment, log work, transition, change priority. Each goes through the same-origin
// REST API as the signed-in user, so the emulator fires its product events and the app's triggers run. After a
// change the page's live parts are re-read from the server and the app frames get JIRA_ISSUE_CHANGED.
(function () {
  'use strict';

  var issue = readJson('issue-data');
  if (!issue) return;
  var base = '/rest/api/3/issue/' + encodeURIComponent(issue.key);
  var busy = false;

  function readJson(id) {
    var el = document.getElementById(id);
    try {
      return el ? JSON.parse(el.textContent || 'null') : null;
    } catch {
      return null;
    }
  }

  function adf(text) {
    return {
      type: 'doc',
      version: 1,
      content: text
        .split(/\n{2,}/)
        .map(function (p) { return p.trim(); })
        .filter(function (p) { return p !== ''; })
        .map(function (p) { return { type: 'paragraph', content: [{ type: 'text', text: p }] }; }),
    };
  }

  // ---- wall-clock time in the user's Jira time zone -> Jira's `2021-01-17T12:34:00.000+0000` ----
  function zoneOffsetMinutes(ms, timeZone) {
    var parts = {};
    new Intl.DateTimeFormat('en-US', {
      timeZone: timeZone, hourCycle: 'h23', year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', second: '2-digit',
    }).formatToParts(new Date(ms)).forEach(function (p) { parts[p.type] = Number(p.value); });
    var asUtc = Date.UTC(parts.year, parts.month - 1, parts.day, parts.hour, parts.minute, parts.second);
    return Math.round((asUtc - Math.floor(ms / 1000) * 1000) / 60000);
  }

  function jiraStarted(wallClock, timeZone) {
    var m = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})/.exec(wallClock);
    if (!m) throw new Error('Started: enter a date and time.');
    var guess = Date.UTC(+m[1], +m[2] - 1, +m[3], +m[4], +m[5]);
    var offset = zoneOffsetMinutes(guess - zoneOffsetMinutes(guess, timeZone) * 60000, timeZone);
    var sign = offset < 0 ? '-' : '+';
    var abs = Math.abs(offset);
    var pad = function (n) { return String(n).padStart(2, '0'); };
    return m[1] + '-' + m[2] + '-' + m[3] + 'T' + m[4] + ':' + m[5] + ':00.000' + sign + pad(Math.floor(abs / 60)) + pad(abs % 60);
  }

  // ---- REST calls ----
  function errorText(status, body) {
    var messages = [];
    if (body && Array.isArray(body.errorMessages)) messages = messages.concat(body.errorMessages);
    if (body && body.errors && typeof body.errors === 'object') {
      Object.keys(body.errors).forEach(function (k) { messages.push(body.errors[k]); });
    }
    return messages.length > 0 ? messages.join(' ') : 'Jira answered with status ' + status + '.';
  }

  function call(method, path, body) {
    return fetch(path, {
      method: method,
      headers: { 'content-type': 'application/json', accept: 'application/json' },
      credentials: 'same-origin',
      body: body === undefined ? undefined : JSON.stringify(body),
    }).then(function (res) {
      return res.text().then(function (text) {
        var json;
        try {
          json = text ? JSON.parse(text) : null;
        } catch {
          json = null; // not JSON: the status alone explains the failure
        }
        if (!res.ok) throw new Error(errorText(res.status, json));
        return json;
      });
    });
  }

  // ---- refresh the live parts of the page (frames stay loaded) ----
  function refresh() {
    return fetch(window.location.href, { credentials: 'same-origin', headers: { accept: 'text/html' } })
      .then(function (res) { return res.text(); })
      .then(function (text) {
        var doc = new DOMParser().parseFromString(text, 'text/html');
        Array.prototype.forEach.call(document.querySelectorAll('[data-live]'), function (el) {
          var fresh = doc.getElementById(el.id);
          if (fresh) el.replaceWith(document.importNode(fresh, true));
        });
      });
  }

  function announce(text) {
    var el = document.querySelector('[data-testid="action-status"]');
    if (el) el.textContent = text;
  }

  function run(what, changeType, work, form) {
    if (busy) return;
    busy = true;
    var errorEl = form ? form.querySelector('.form-error') : null;
    if (errorEl) errorEl.hidden = true;
    document.body.classList.add('is-busy');
    announce('Saving…');
    Promise.resolve()
      .then(work)
      .then(function () { return refresh(); })
      .then(function () {
        announce('');
        window.forgeHost.showFlag({ id: 'issue-action', title: what, type: 'success', isAutoDismiss: true });
        window.forgeHost.emit('JIRA_ISSUE_CHANGED', {
          issueId: issue.issueId,
          projectId: issue.projectId,
          changes: [{ changeType: changeType, atlassianId: issue.accountId }],
        });
      })
      .catch(function (error) {
        announce('');
        if (errorEl) {
          errorEl.textContent = error.message;
          errorEl.hidden = false;
        }
        window.forgeHost.showFlag({ id: 'issue-action', title: 'Could not save', description: error.message, type: 'error' });
      })
      .then(function () {
        busy = false;
        document.body.classList.remove('is-busy');
      });
  }

  document.addEventListener('submit', function (event) {
    var form = event.target;
    var action = form.getAttribute && form.getAttribute('data-action');
    if (action === 'comment') {
      event.preventDefault();
      var text = form.elements.body.value.trim();
      if (!text) return;
      var internal = form.elements.internal && form.elements.internal.checked;
      var body = { body: adf(text) };
      // JSM's internal-note flag, as the Jira Service Management UI sets it.
      if (internal) body.properties = [{ key: 'sd.public.comment', value: { internal: true } }];
      run(internal ? 'Internal note added' : 'Comment added', 'commented', function () { return call('POST', base + '/comment', body); }, form);
    } else if (action === 'worklog') {
      event.preventDefault();
      run('Work logged', 'updated', function () {
        var payload = {
          timeSpent: form.elements.timeSpent.value.trim(),
          started: jiraStarted(form.elements.started.value, issue.timeZone),
        };
        var comment = form.elements.comment.value.trim();
        if (comment) payload.comment = adf(comment);
        return call('POST', base + '/worklog', payload);
      }, form);
    }
  });

  document.addEventListener('change', function (event) {
    var select = event.target;
    var action = select.getAttribute && select.getAttribute('data-action');
    if (!select.value) return;
    if (action === 'transition') {
      var label = select.options[select.selectedIndex].text;
      run('Moved: ' + label, 'updated', function () { return call('POST', base + '/transitions', { transition: { id: select.value } }); });
    } else if (action === 'priority') {
      run('Priority changed to ' + select.options[select.selectedIndex].text, 'updated', function () {
        return call('PUT', base, { fields: { priority: { id: select.value } } });
      });
    }
  });

  window.forgeHost.refreshIssue = function () { return refresh().then(function () { return true; }); };
})();
