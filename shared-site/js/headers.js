/*
 * headers.js: shows the response headers of the page you are looking at.
 *
 * The browser normally hides headers. Here we ask the server for this page again with HEAD (headers only,
 * no body) and print what came back into <pre id="response-headers">. Plain JavaScript, no libraries.
 *
 * Note: fetch() gives header names in lower case, whatever the server wrote; HTTP header names are
 * case-insensitive, so "content-length" and "Content-Length" are the same field.
 */
(function () {
  'use strict';

  function explainFailure(panel, reason) {
    panel.textContent = [
      'Could not read the response headers (' + reason + ').',
      '',
      'That is expected on the early stages: stage 1 only echoes what it receives,',
      'and stage 2 may not answer a HEAD request correctly yet.',
      'Pages opened straight from disk (file://) have no headers at all.',
      'Try again on stage 3 or later, or run: curl -I ' + location.href
    ].join('\n');
  }

  function showHeaders(panel, response) {
    var lines = ['HTTP ' + response.status + ' ' + response.statusText];
    response.headers.forEach(function (value, name) {
      lines.push(name + ': ' + value);
    });
    panel.textContent = lines.join('\n');
  }

  function run() {
    var panel = document.getElementById('response-headers');
    if (!panel) {
      return;   // this page has no headers panel: nothing to do
    }
    if (typeof window.fetch !== 'function') {
      explainFailure(panel, 'this browser has no fetch()');
      return;
    }
    panel.textContent = 'Asking the server with HEAD ' + location.pathname + ' …';
    fetch(location.href, { method: 'HEAD', cache: 'no-store' })
      .then(function (response) {
        showHeaders(panel, response);
      })
      .catch(function (error) {
        explainFailure(panel, error && error.message ? error.message : 'network error');
      });
  }

  // The script is loaded with "defer", so the page is already parsed; the check keeps it safe without defer too.
  if (document.readyState === 'loading') {
    document.addEventListener('DOMContentLoaded', run);
  } else {
    run();
  }
}());
