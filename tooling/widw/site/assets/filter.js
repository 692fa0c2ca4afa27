/* Wij in de Wijk: the overview's filters ("Alle casussen"), over every case.
 *
 * The pages list PAGE_SIZE cases each; the filters search all cases through the Pagefind
 * index (filters thema, element, … and the `soort` Casus), so a filtered list covers the
 * whole library without any page growing. Filters live in the URL (?thema=…&pagina=2), so
 * a filtered list can be shared. Without JavaScript the form stays disabled, and the facet
 * pages and the page links give the same reach. The form is in place before this runs:
 * enabling it moves nothing on the page. */
(function () {
  "use strict";

  var PAGE_SIZE = 50;

  function element(tag, className, text) {
    var node = document.createElement(tag);
    if (className) { node.className = className; }
    if (text) { node.textContent = text; }
    return node;
  }

  function card(data, root) {
    var meta = data.meta || {};
    var item = element("li", "widw-casuskaart");
    var link = element("a", "widw-casuskaart__titel", meta.title || data.url);
    link.href = data.url;
    item.appendChild(link);
    item.appendChild(element("span", "widw-casuskaart__plaats", meta.plaats || "onbekend"));
    if (meta.themas) { item.appendChild(element("span", "widw-casuskaart__themas", meta.themas)); }
    var described = meta.status !== "nog niet beschreven";
    var status = described ? "Beschreven" : "Nog niet beschreven";
    if (meta.bundel) { status += " · " + meta.bundel.toLowerCase(); }
    item.appendChild(element("span", "widw-casuskaart__status", status));
    return { node: item, described: described };
  }

  function setup() {
    var form = document.getElementById("widw-filters");
    var list = document.getElementById("widw-casuslijst");
    var output = document.getElementById("widw-filterresultaat");
    var status = document.getElementById("widw-telling");
    var zoeken = window.widwZoeken;
    if (!form || !list || !output || !status || !zoeken) { return; }
    var fieldset = form.querySelector("fieldset");
    var selects = Array.prototype.slice.call(form.querySelectorAll("select[name]"));
    var search = form.querySelector("input[name='zoek']");
    var initial = status.textContent;
    var serial = 0;
    var timer = null;
    var page = 1;

    function restore() {
      var params = new URLSearchParams(window.location.search);
      selects.forEach(function (select) {
        var value = params.get(select.name) || "";
        var known = Array.prototype.some.call(select.options, function (o) {
          return o.value === value;
        });
        select.value = known ? value : "";
      });
      search.value = params.get("zoek") || "";
      page = Math.max(1, parseInt(params.get("pagina") || "1", 10) || 1);
    }

    function wanted() {
      var filters = { soort: "Casus" };
      var any = false;
      selects.forEach(function (select) {
        var option = select.options[select.selectedIndex];
        if (select.value && option) {
          filters[select.name] = option.getAttribute("data-label");
          any = true;
        }
      });
      return { filters: filters, query: search.value.trim(), any: any || !!search.value.trim() };
    }

    function writeUrl() {
      var params = new URLSearchParams();
      if (search.value.trim()) { params.set("zoek", search.value.trim()); }
      selects.forEach(function (select) {
        if (select.value) { params.set(select.name, select.value); }
      });
      if (page > 1) { params.set("pagina", String(page)); }
      var query = params.toString();
      var url = window.location.pathname + (query ? "?" + query : "") + window.location.hash;
      window.history.replaceState(null, "", url);
    }

    function showAll() {
      output.hidden = true;
      output.replaceChildren();
      list.hidden = false;
      status.textContent = initial;
    }

    function pager(total) {
      var pages = Math.ceil(total / PAGE_SIZE);
      if (pages <= 1) { return null; }
      var nav = element("nav", "widw-paginering");
      nav.setAttribute("aria-label", "Pagina's met gefilterde casussen");
      nav.appendChild(element("p", "widw-paginering__waar", "Pagina " + page + " van " + pages));
      var ul = element("ul");
      [["Vorige", page - 1, page > 1], ["Volgende", page + 1, page < pages]].forEach(function (b) {
        if (!b[2]) { return; }
        var li = element("li");
        var button = element("button", "md-button", b[0]);
        button.type = "button";
        button.addEventListener("click", function () {
          page = b[1];
          apply(true).then(function () { status.focus(); });
        });
        li.appendChild(button);
        ul.appendChild(li);
      });
      nav.appendChild(ul);
      return nav;
    }

    function render(results, mine) {
      var total = results.length;
      var pages = Math.max(1, Math.ceil(total / PAGE_SIZE));
      if (page > pages) { page = pages; }
      var slice = results.slice((page - 1) * PAGE_SIZE, page * PAGE_SIZE);
      return Promise.all(slice.map(function (r) { return r.data(); })).then(function (items) {
        if (mine !== serial) { return; }
        var cards = items.map(function (data) { return card(data, zoeken.root); });
        var box = element("div", "widw-lijst");
        [["Beschreven casussen", true], ["Nog niet beschreven", false]].forEach(function (part) {
          var group = cards.filter(function (c) { return c.described === part[1]; });
          if (!group.length) { return; }
          box.appendChild(element("h2", "widw-lijst__kop", part[0]));
          var ul = element("ul", "widw-casuskaarten");
          group.forEach(function (c) { ul.appendChild(c.node); });
          box.appendChild(ul);
        });
        output.replaceChildren(box);
        var nav = pager(total);
        if (nav) { output.appendChild(nav); }
        list.hidden = true;
        output.hidden = false;
        status.textContent = total + " van " + initial.split(" ")[0] + " casussen gevonden" +
          (pages > 1 ? "; pagina " + page + " van " + pages + "." : ".");
      });
    }

    function apply(updateUrl) {
      var want = wanted();
      var mine = ++serial;
      if (updateUrl) { writeUrl(); }
      if (!want.any) {
        showAll();
        return Promise.resolve();
      }
      status.textContent = "Casussen zoeken…";
      var options = { filters: want.filters };
      if (!want.query) { options.sort = { volgorde: "asc" }; }
      return zoeken.search(want.query || null, options)
        .then(function (search) {
          if (mine !== serial || !search) { return; }
          return render(search.results, mine);
        })
        .catch(function () {
          if (mine !== serial) { return; }
          showAll();
          status.textContent = "Filteren lukt nu niet; de lijst hieronder toont alle casussen.";
        });
    }

    status.tabIndex = -1;
    restore();
    fieldset.disabled = false;
    apply(false);
    form.addEventListener("change", function () { page = 1; apply(true); });
    form.addEventListener("submit", function (event) {
      event.preventDefault();
      page = 1;
      apply(true);
    });
    form.addEventListener("reset", function () {
      window.setTimeout(function () { page = 1; apply(true); }, 0);
    });
    search.addEventListener("input", function () {
      window.clearTimeout(timer);
      timer = window.setTimeout(function () { page = 1; apply(true); }, 200);
    });
    window.addEventListener("popstate", function () {
      restore();
      apply(false);
    });
  }

  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", setup);
  } else {
    setup();
  }
})();
