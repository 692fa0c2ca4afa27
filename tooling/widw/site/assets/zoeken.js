/* Wij in de Wijk: the site's one search, on Pagefind's Dutch index (/pagefind/).
 *
 * The same search runs in three places: the search page (/zoeken/?q=…), the form on the
 * home page and a search field this script adds to the header. Pagefind's files load only
 * when someone starts typing, so a first visit costs nothing. Without JavaScript the forms
 * lead to /zoeken/, which says that searching needs JavaScript and links to the browse pages.
 * filter.js (the overview's filters) searches through `window.widwZoeken` too. */
(function () {
  "use strict";

  var script = document.currentScript;
  var ROOT = new URL("../../", script ? script.src : window.location.href);
  var loading = null;

  function pagefind() {
    if (!loading) {
      var url = new URL("pagefind/pagefind.js", ROOT).href;
      loading = import(url).then(function (pf) {
        return pf.options({ baseUrl: ROOT.pathname, excerptLength: 26 }).then(function () {
          return pf;
        });
      });
    }
    return loading;
  }

  /* Dutch plurals that change their last consonant (initiatief → initiatieven, huis →
   * huizen) stem differently from their singular; search the singular as well. */
  var SINGULAR = [[/ieven$/, "ief"], [/uizen$/, "uis"], [/([^aeiou])izen$/, "$1ijs"]];

  function singular(query) {
    return query.split(/\s+/).map(function (word) {
      if (word.length < 7) { return word; }
      for (var i = 0; i < SINGULAR.length; i += 1) {
        if (SINGULAR[i][0].test(word)) { return word.replace(SINGULAR[i][0], SINGULAR[i][1]); }
      }
      return word;
    }).join(" ");
  }

  /* Pagefind's search for a query (or null: filters only), plus its singular form. */
  function search(query, options) {
    return pagefind().then(function (pf) {
      var other = query ? singular(query) : query;
      var runs = [pf.search(query, options || {})];
      if (other !== query) { runs.push(pf.search(other, options || {})); }
      return Promise.all(runs).then(function (found) {
        if (found.length === 1 || !found[0] || !found[1]) { return found[0]; }
        var best = {};
        found.forEach(function (result) {
          result.results.forEach(function (r) {
            if (!best[r.id] || best[r.id].score < r.score) { best[r.id] = r; }
          });
        });
        var merged = Object.keys(best).map(function (id) { return best[id]; });
        merged.sort(function (a, b) { return b.score - a.score; });
        return { results: merged };
      });
    });
  }

  function element(tag, className, text) {
    var node = document.createElement(tag);
    if (className) { node.className = className; }
    if (text) { node.textContent = text; }
    return node;
  }

  function plural(n, one, many) {
    return n + " " + (n === 1 ? one : many);
  }

  /* One result: title (link), kind and place, and the excerpt with the words marked. */
  function resultItem(data) {
    var meta = data.meta || {};
    var item = element("li", "widw-resultaat");
    var link = element("a", "widw-resultaat__titel", meta.title || data.url);
    link.href = data.url;
    item.appendChild(link);
    var where = [meta.soort, meta.plaats || meta.voor || meta.medium].filter(Boolean);
    if (meta.status === "nog niet beschreven") { where.push("nog niet beschreven"); }
    item.appendChild(element("span", "widw-resultaat__soort", where.join(" · ")));
    var text = element("p", "widw-resultaat__tekst");
    text.innerHTML = data.excerpt; /* Pagefind escapes the text; it only adds <mark>. */
    item.appendChild(text);
    return item;
  }

  /* A search box with its result area; `limit` results, then a link or a "more" button. */
  function Searcher(form, output, options) {
    this.form = form;
    this.input = form.querySelector("input[name='q']");
    this.output = output;
    this.limit = options.limit;
    this.page = options.page;
    this.onShow = options.onShow || function () {};
    this.shown = 0;
    this.results = [];
    this.query = "";
    this.serial = 0;
    this.timer = null;
    var self = this;
    this.input.addEventListener("input", function () {
      window.clearTimeout(self.timer);
      self.timer = window.setTimeout(function () { self.run(self.input.value); }, 120);
    });
    this.input.addEventListener("focus", function () { pagefind(); });
  }

  Searcher.prototype.run = function (raw) {
    var self = this;
    var query = raw.trim();
    var serial = ++this.serial;
    this.query = query;
    if (this.page) {
      var url = new URL(window.location.href);
      if (query) { url.searchParams.set("q", query); } else { url.searchParams.delete("q"); }
      window.history.replaceState(null, "", url);
    }
    if (!query) {
      this.output.replaceChildren();
      this.onShow(false);
      return Promise.resolve();
    }
    return search(query)
      .then(function (found) {
        if (serial !== self.serial || !found) { return null; }
        self.results = found.results;
        self.shown = 0;
        self.output.replaceChildren();
        var status = element("p", "widw-zoekstatus");
        status.setAttribute("role", "status");
        self.output.appendChild(status);
        self.list = element("ol", "widw-resultaten");
        self.output.appendChild(self.list);
        self.status = status;
        self.onShow(true);
        return self.more(serial);
      })
      .catch(function () {
        if (serial !== self.serial) { return; }
        self.output.replaceChildren(element("p", "widw-zoekstatus",
          "Zoeken lukt nu niet. Blader via alle casussen of probeer het later opnieuw."));
        self.onShow(true);
      });
  };

  Searcher.prototype.more = function (serial) {
    var self = this;
    var next = this.results.slice(this.shown, this.shown + this.limit);
    return Promise.all(next.map(function (r) { return r.data(); })).then(function (items) {
      if (serial !== self.serial) { return; }
      items.forEach(function (data) { self.list.appendChild(resultItem(data)); });
      self.shown += items.length;
      self.footer();
    });
  };

  Searcher.prototype.footer = function () {
    var total = this.results.length;
    var quoted = "‘" + this.query + "’";
    if (!total) {
      this.status.textContent = "Geen resultaten voor " + quoted +
        ". Probeer een ander of korter woord, of blader via alle casussen.";
    } else {
      this.status.textContent = plural(total, "resultaat", "resultaten") + " voor " + quoted +
        (this.shown < total ? "; de eerste " + this.shown + " staan hieronder." : ".");
    }
    var old = this.output.querySelector(".widw-zoekmeer");
    if (old) { old.remove(); }
    if (this.shown >= total) { return; }
    var self = this;
    var more;
    if (this.page) {
      more = element("button", "widw-zoekmeer md-button", "Meer resultaten");
      more.type = "button";
      more.addEventListener("click", function () { self.more(self.serial); });
    } else {
      more = element("a", "widw-zoekmeer", "Alle " + total + " resultaten op de zoekpagina");
      more.href = new URL("zoeken/?q=" + encodeURIComponent(this.query), ROOT).href;
    }
    this.output.appendChild(more);
  };

  /* The search page and the home page: the form in the content. */
  function setupContentForms() {
    var onSearchPage = /\/zoeken\/?$/.test(window.location.pathname);
    document.querySelectorAll("[data-widw-zoeken]").forEach(function (box) {
      var form = box.querySelector("form");
      var output = box.querySelector(".widw-zoekresultaten");
      if (!form || !output) { return; }
      var searcher = new Searcher(form, output, { limit: onSearchPage ? 20 : 10, page: onSearchPage });
      if (onSearchPage) {
        form.addEventListener("submit", function (event) {
          event.preventDefault();
          searcher.run(searcher.input.value);
        });
        var q = new URLSearchParams(window.location.search).get("q");
        if (q) {
          searcher.input.value = q;
          searcher.run(q);
        }
      }
    });
  }

  var ICON = '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 24 24" aria-hidden="true" ' +
    'focusable="false"><path d="M9.5 3A6.5 6.5 0 0 1 16 9.5c0 1.61-.59 3.09-1.56 4.23l.27.27h.79' +
    'l5 5-1.5 1.5-5-5v-.79l-.27-.27A6.52 6.52 0 0 1 9.5 16 6.5 6.5 0 0 1 3 9.5 6.5 6.5 0 0 1 9.5 ' +
    '3m0 2C7 5 5 7 5 9.5S7 14 9.5 14 14 12 14 9.5 12 5 9.5 5"/></svg>';

  /* The header: a search field (wide screens) or a link to /zoeken/ (narrow screens). */
  function setupHeader() {
    var inner = document.querySelector(".md-header__inner");
    if (!inner || inner.querySelector(".widw-kopzoeken")) { return; }
    var action = new URL("zoeken/", ROOT).href;
    var form = element("form", "widw-kopzoeken");
    form.action = action;
    form.method = "get";
    form.setAttribute("role", "search");
    form.setAttribute("aria-label", "Zoeken op de site");
    var label = element("label", "widw-verborgen", "Zoek in casussen, lessen en afleveringen");
    label.htmlFor = "widw-kopzoekveld";
    var input = element("input", "widw-kopzoeken__veld");
    input.id = "widw-kopzoekveld";
    input.name = "q";
    input.type = "search";
    input.autocomplete = "off";
    input.placeholder = "Zoeken";
    input.setAttribute("enterkeyhint", "search");
    var link = element("a", "widw-kopzoeken__link md-header__button md-icon");
    link.href = action;
    link.setAttribute("aria-label", "Zoeken");
    link.innerHTML = ICON;
    var panel = element("div", "widw-kopzoeken__paneel widw-zoekresultaten");
    panel.hidden = true;
    form.append(label, input, link, panel);
    var source = inner.querySelector(".md-header__source");
    inner.insertBefore(form, source);
    new Searcher(form, panel, {
      limit: 5,
      page: false,
      onShow: function (show) { panel.hidden = !show; }
    });
    input.addEventListener("keydown", function (event) {
      if (event.key === "Escape") { panel.hidden = true; }
    });
    document.addEventListener("click", function (event) {
      if (!form.contains(event.target)) { panel.hidden = true; }
    });
    input.addEventListener("focus", function () {
      if (panel.childNodes.length) { panel.hidden = false; }
    });
  }

  window.widwZoeken = { pagefind: pagefind, search: search, root: ROOT };
  setupHeader();
  setupContentForms();
})();
