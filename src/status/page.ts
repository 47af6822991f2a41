// The status page: static HTML, CSS and a script that fetches /api/status every few seconds and fills the
// page with textContent only (no HTML from data), under a CSP that allows nothing but this origin.

export const REFRESH_MS = 3000;

export const PAGE_HTML = `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>Herald status</title>
<link rel="icon" href="data:,">
<link rel="stylesheet" href="style.css">
<script src="app.js" defer></script>
</head>
<body>
<header>
  <h1>Herald status</h1>
  <p id="state" class="state" data-state="loading">Loading…</p>
</header>
<main>
  <section class="figures" aria-label="Figures">
    <div><span class="label">Uptime</span><span id="uptime" class="value">–</span></div>
    <div><span class="label">Mode</span><span id="mode" class="value">–</span></div>
    <div><span class="label">Servers</span><span id="servers" class="value">–</span></div>
    <div><span class="label">Articles tracked</span><span id="articles" class="value">–</span></div>
    <div><span class="label">Missed reminders</span><span id="missed" class="value">–</span></div>
    <div><span class="label">Member reminders</span><span id="member-reminders" class="value">–</span></div>
  </section>
  <section><h2>Next scheduled posts</h2><ul id="next-posts"></ul></section>
  <section><h2>Broken channels</h2><ul id="broken-channels"></ul></section>
  <section><h2>Failing feeds</h2><ul id="failing-feeds"></ul></section>
  <section><h2>Last errors</h2><ul id="last-errors"></ul></section>
</main>
<footer>Read-only. Updated <span id="updated">never</span>; refreshes every ${REFRESH_MS / 1000} s. Prometheus metrics at <a href="metrics">/metrics</a>.</footer>
</body>
</html>
`;

export const PAGE_CSS = `:root { color-scheme: light dark; --bg: #ffffff; --fg: #1f2328; --muted: #57606a; --card: #f6f8fa; --bad: #c4212b; --good: #1a7f37; }
@media (prefers-color-scheme: dark) { :root { --bg: #1e1f22; --fg: #f2f3f5; --muted: #b5bac1; --card: #2b2d31; --bad: #ff8a80; --good: #7ee2a8; } }
body { margin: 0 auto; max-width: 60rem; padding: 1rem; font: 15px/1.45 system-ui, sans-serif; background: var(--bg); color: var(--fg); }
h1 { margin: 0; font-size: 1.5rem; }
h2 { font-size: 1.05rem; margin: 1.2rem 0 .4rem; }
header { display: flex; gap: 1rem; align-items: baseline; flex-wrap: wrap; }
.state { margin: 0; font-weight: 600; }
.state[data-state="ok"] { color: var(--good); }
.state[data-state="down"], .state[data-state="unreachable"] { color: var(--bad); }
.figures { display: grid; grid-template-columns: repeat(auto-fit, minmax(10rem, 1fr)); gap: .6rem; margin-top: 1rem; }
.figures div { background: var(--card); border-radius: 8px; padding: .6rem .8rem; }
.label { display: block; color: var(--muted); font-size: .85rem; }
.value { font-size: 1.3rem; font-weight: 600; }
ul { margin: 0; padding-left: 1.2rem; }
li { margin: .15rem 0; overflow-wrap: anywhere; }
li.none { list-style: none; margin-left: -1.2rem; color: var(--muted); }
footer { margin-top: 1.5rem; color: var(--muted); font-size: .85rem; }
a { color: inherit; }
`;

export const PAGE_JS = `'use strict';
(function () {
  var REFRESH_MS = ${REFRESH_MS};
  function byId(id) { return document.getElementById(id); }
  function set(id, text) { byId(id).textContent = text; }
  function duration(seconds) {
    var d = Math.floor(seconds / 86400), h = Math.floor(seconds % 86400 / 3600), m = Math.floor(seconds % 3600 / 60), s = seconds % 60;
    return d > 0 ? d + ' d ' + h + ' h' : h > 0 ? h + ' h ' + m + ' min' : m > 0 ? m + ' min ' + s + ' s' : s + ' s';
  }
  function when(iso) { return new Date(iso).toISOString().replace('T', ' ').slice(0, 16) + ' UTC'; }
  function list(id, items, line, empty) {
    var ul = byId(id);
    ul.replaceChildren();
    if (items.length === 0) {
      var li = document.createElement('li');
      li.className = 'none';
      li.textContent = empty;
      ul.appendChild(li);
      return;
    }
    items.forEach(function (item) {
      var li = document.createElement('li');
      li.textContent = line(item);
      ul.appendChild(li);
    });
  }
  function render(r) {
    var state = byId('state');
    state.dataset.state = r.connected ? 'ok' : 'down';
    var modes = { gateway: ['Connected to Discord', 'Not connected to Discord', 'Gateway'], http: ['Serving HTTP interactions', 'Not serving HTTP interactions', 'HTTP interactions'], console: ['Running in the console mode', 'Not running', 'Console'] };
    var m = modes[r.mode] || modes.console;
    state.textContent = r.connected ? m[0] : m[1];
    set('uptime', duration(r.uptimeSeconds));
    set('mode', m[2]);
    set('servers', r.servers === null ? '–' : String(r.servers));
    set('articles', String(r.articlesTracked));
    set('missed', String(r.missedReminders));
    var mr = r.memberReminders;
    set('member-reminders', mr ? mr.pending + ' pending · ' + mr.missed + ' missed · ' + mr.failed + ' failed' : '–');
    list('next-posts', r.nextPosts, function (p) { return when(p.at) + ' — ' + p.description + ' (channel ' + p.channelId + ')'; }, 'Nothing scheduled.');
    list('broken-channels', r.brokenChannels, function (b) { return 'Channel ' + b.channelId + ': ' + b.reason; }, 'None.');
    list('failing-feeds', r.failingFeeds, function (f) { return f.feed + ' — ' + f.failures + ' failure' + (f.failures === 1 ? '' : 's') + ': ' + f.lastError; }, 'None.');
    list('last-errors', r.lastErrors, function (e) { return when(e.at) + ' — ' + e.message + (e.id ? ' (error id ' + e.id + ')' : ''); }, 'None since the start.');
    set('updated', new Date(r.generatedAt).toISOString().slice(11, 19) + ' UTC');
  }
  function refresh() {
    fetch('api/status', { cache: 'no-store', credentials: 'same-origin' })
      .then(function (res) { if (!res.ok) throw new Error('HTTP ' + res.status); return res.json(); })
      .then(render)
      .catch(function (error) {
        var state = byId('state');
        state.dataset.state = 'unreachable';
        state.textContent = 'Status unavailable (' + error.message + ')';
      })
      .then(function () { setTimeout(refresh, REFRESH_MS); });
  }
  refresh();
})();
`;
