/* The header's search box: results as you type, picked with the arrow keys (an ARIA combobox
   with a listbox). The box is hidden in the HTML and shown here, so without JavaScript there is
   none. The query engine is docgen-search-engine.js, loaded before this file. */
(function () {
  "use strict";
  var form = document.querySelector("form.site-search");
  if (!form || !window.DocgenSearch || !window.fetch) return;
  var input = form.querySelector("input");
  var list = form.querySelector("[role=listbox]");
  var status = form.querySelector(".site-search-status");
  var base = form.getAttribute("data-index");
  var engine = window.DocgenSearch.createEngine(base, function (url) {
    return fetch(url).then(function (r) {
      if (!r.ok) throw new Error(url + ": " + r.status);
      return r.json();
    });
  });
  var root = form.getAttribute("data-root");
  var results = [];
  var active = -1;
  var asked = 0;
  form.hidden = false;

  function element(name, className, text) {
    var e = document.createElement(name);
    if (className) e.className = className;
    if (text) e.appendChild(document.createTextNode(text));
    return e;
  }

  function show(found, query) {
    results = found;
    active = -1;
    list.textContent = "";
    found.forEach(function (r, i) {
      var item = element("li", "site-search-result");
      item.id = "site-search-option-" + i;
      item.setAttribute("role", "option");
      item.setAttribute("aria-selected", "false");
      var link = element("a");
      link.href = root + r.url;
      link.tabIndex = -1;
      link.appendChild(element("span", "site-search-title", r.title + (r.heading ? " › " + r.heading : "")));
      if (r.path.length) link.appendChild(element("span", "site-search-path", r.path.join(" › ")));
      var text = element("span", "site-search-snippet");
      r.snippet.forEach(function (piece) {
        var node = document.createTextNode(piece.text);
        if (piece.mark) { var mark = element("mark"); mark.appendChild(node); text.appendChild(mark); } else text.appendChild(node);
      });
      link.appendChild(text);
      item.appendChild(link);
      item.addEventListener("mousedown", function (event) { event.preventDefault(); go(i); });
      list.appendChild(item);
    });
    // Which query the list answers, for tests that type faster than results arrive.
    list.setAttribute("data-query", query);
    var open = query.length > 0;
    list.hidden = !open;
    input.setAttribute("aria-expanded", open ? "true" : "false");
    input.removeAttribute("aria-activedescendant");
    status.textContent = !open ? "" : found.length ? found.length + " results" : "No results for " + query;
    if (open && !found.length) list.appendChild(element("li", "site-search-empty", "No results"));
  }

  function select(i) {
    if (!results.length) return;
    active = (i + results.length) % results.length;
    Array.prototype.forEach.call(list.children, function (item, n) {
      item.setAttribute("aria-selected", n === active ? "true" : "false");
    });
    var item = list.children[active];
    input.setAttribute("aria-activedescendant", item.id);
    item.scrollIntoView({ block: "nearest" });
  }

  function go(i) {
    var r = results[i];
    if (!r) return;
    close();
    window.location.href = root + r.url;
  }

  function close() {
    list.hidden = true;
    input.setAttribute("aria-expanded", "false");
    input.removeAttribute("aria-activedescendant");
    active = -1;
  }

  var timer;
  input.addEventListener("input", function () {
    clearTimeout(timer);
    var query = input.value.trim();
    timer = setTimeout(function () {
      var mine = ++asked;
      if (!query) { show([], ""); return; }
      engine.search(query, { limit: 8 }).then(function (found) {
        if (mine === asked) show(found, query);
      }, function () {
        // The index could not be read (opened from file://, offline, or a page whose policy
        // forbids connections): say so rather than "No results".
        if (mine === asked) {
          show([], query);
          list.textContent = "";
          list.appendChild(element("li", "site-search-empty", "Search is not available here: its index could not be loaded"));
          status.textContent = "Search is not available";
        }
      });
    }, 60);
  });

  input.addEventListener("keydown", function (event) {
    if (event.key === "ArrowDown" || event.key === "ArrowUp") {
      event.preventDefault();
      reopen();
      // From no selection, down goes to the first result and up to the last.
      select(event.key === "ArrowDown" ? active + 1 : active < 0 ? results.length - 1 : active - 1);
    }
    else if (event.key === "Enter") { event.preventDefault(); go(active >= 0 ? active : 0); }
    else if (event.key === "Escape") {
      // The first Escape closes the list and keeps the query (a search field would clear it);
      // the next clears it.
      if (!list.hidden) { event.preventDefault(); close(); } else { input.value = ""; show([], ""); }
    }
  });
  function reopen() {
    if (!list.hidden || !results.length || !input.value.trim()) return;
    list.hidden = false;
    input.setAttribute("aria-expanded", "true");
  }

  input.addEventListener("blur", close);
  input.addEventListener("focus", reopen);
  form.addEventListener("submit", function (event) { event.preventDefault(); go(active >= 0 ? active : 0); });
})();
