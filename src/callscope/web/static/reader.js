// callscope reader: mark toggles, copy-a-link to a turn, and a flash on the turn a link lands on.
(function () {
  "use strict";
  function flash(el) {
    if (!el) return;
    var turn = el.closest(".turn") || (el.classList.contains("exchange-start") ? el.nextElementSibling : null);
    [el, turn].forEach(function (x) {
      if (!x) return;
      x.classList.add("flash");
      setTimeout(function () { x.classList.remove("flash"); }, 1600);
    });
  }
  function target() {
    if (!location.hash) return null;
    try { return document.getElementById(decodeURIComponent(location.hash.slice(1))); } catch (e) { return null; }
  }
  document.addEventListener("change", function (ev) {
    var box = ev.target;
    if (box && box.dataset && box.dataset.toggle) {
      document.body.classList.toggle("show-" + box.dataset.toggle, box.checked);
    }
  });
  document.addEventListener("click", function (ev) {
    var link = ev.target.closest && ev.target.closest("a.copy-link");
    if (!link) return;
    ev.preventDefault();
    var url = location.origin === "null" || location.protocol === "file:"
      ? location.href.split("#")[0] + link.getAttribute("href")
      : location.origin + location.pathname + link.getAttribute("href");
    history.replaceState(null, "", link.getAttribute("href"));
    var done = function () {
      link.classList.add("copied");
      link.dataset.copied = url;
      setTimeout(function () { link.classList.remove("copied"); }, 1800);
    };
    if (navigator.clipboard && window.isSecureContext) {
      navigator.clipboard.writeText(url).then(done, done);
    } else {
      var area = document.createElement("textarea");
      area.value = url; document.body.appendChild(area); area.select();
      try { document.execCommand("copy"); } catch (e) { /* the URL is in the address bar anyway */ }
      area.remove(); done();
    }
  });
  window.addEventListener("hashchange", function () { flash(target()); });
  document.addEventListener("DOMContentLoaded", function () { flash(target()); });
})();
