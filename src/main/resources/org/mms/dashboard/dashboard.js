// Live overview: fetches the server-rendered fragment every few seconds and puts it in place.
// The page works without this script (it has a Refresh link); no inline script anywhere (CSP).
(function () {
  'use strict';
  var live = document.querySelector('[data-live]');
  if (!live || !window.fetch || !window.DOMParser) {
    return;
  }
  var every = 3000;
  function refresh() {
    fetch(live.getAttribute('data-live'), { credentials: 'same-origin', headers: { 'Accept': 'text/html' } })
      .then(function (response) {
        if (!response.ok) {
          throw new Error('HTTP ' + response.status);
        }
        return response.text();
      })
      .then(function (html) {
        // Parsed as an inert document (its scripts never run), then moved in node by node.
        var parsed = new DOMParser().parseFromString(html, 'text/html');
        live.replaceChildren.apply(live, Array.prototype.slice.call(parsed.body.childNodes));
      })
      .catch(function () { /* keep what is shown; the next poll tries again */ })
      .then(function () { setTimeout(refresh, every); });
  }
  setTimeout(refresh, every);
})();
