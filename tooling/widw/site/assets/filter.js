/* Wij in de Wijk: client-side filters for the overview table ("Alle casussen").
 * Without JavaScript the form stays hidden and the full table shows.
 * Filters are mirrored in the URL (?thema=…&provincie=…) so a filtered list can be shared. */
(function () {
  "use strict";

  function fold(text) {
    return text.normalize("NFD").replace(/[\u0300-\u036f]/g, "").toLowerCase();
  }

  function setup() {
    var form = document.getElementById("widw-filters");
    var table = document.getElementById("widw-casussen");
    var status = document.getElementById("widw-telling");
    if (!form || !table || !status || !table.tBodies.length) {
      return;
    }
    var rows = Array.prototype.slice.call(table.tBodies[0].rows);
    var texts = rows.map(function (row) { return fold(row.textContent || ""); });
    var selects = Array.prototype.slice.call(form.querySelectorAll("select[name]"));
    var search = form.querySelector("input[name='zoek']");
    var timer = null;

    function restore() {
      var params = new URLSearchParams(window.location.search);
      selects.forEach(function (select) {
        var value = params.get(select.name) || "";
        var known = Array.prototype.some.call(select.options, function (o) {
          return o.value === value;
        });
        select.value = known ? value : "";
      });
      if (search) {
        search.value = params.get("zoek") || "";
      }
    }

    function apply(updateUrl) {
      var wanted = selects
        .filter(function (select) { return select.value !== ""; })
        .map(function (select) { return [select.name, select.value]; });
      var words = search ? fold(search.value).split(/\s+/).filter(Boolean) : [];
      var shown = 0;
      rows.forEach(function (row, i) {
        var ok = wanted.every(function (pair) {
          var values = (row.getAttribute("data-" + pair[0]) || "").split(" ");
          return values.indexOf(pair[1]) !== -1;
        }) && words.every(function (word) { return texts[i].indexOf(word) !== -1; });
        row.hidden = !ok;
        if (ok) {
          shown += 1;
        }
      });
      status.textContent = shown === rows.length
        ? rows.length + " casussen"
        : shown + " van " + rows.length + " casussen getoond";
      if (updateUrl) {
        var params = new URLSearchParams();
        if (search && search.value.trim()) {
          params.set("zoek", search.value.trim());
        }
        wanted.forEach(function (pair) { params.set(pair[0], pair[1]); });
        var query = params.toString();
        var url = window.location.pathname + (query ? "?" + query : "") + window.location.hash;
        window.history.replaceState(null, "", url);
      }
    }

    form.hidden = false;
    restore();
    apply(false);
    form.addEventListener("change", function () { apply(true); });
    form.addEventListener("submit", function (event) {
      event.preventDefault();
      apply(true);
    });
    form.addEventListener("reset", function () {
      window.setTimeout(function () { apply(true); }, 0);
    });
    if (search) {
      search.addEventListener("input", function () {
        window.clearTimeout(timer);
        timer = window.setTimeout(function () { apply(true); }, 200);
      });
    }
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
