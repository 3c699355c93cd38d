// Applies the stored light/dark choice before the first paint (an external file, so the page's
// Content-Security-Policy can stay script-src 'self'). Without a choice the system's preference rules.
(function () {
  var theme = localStorage.getItem('intranet.theme');
  if (theme === 'light' || theme === 'dark') document.documentElement.dataset.theme = theme;
})();
