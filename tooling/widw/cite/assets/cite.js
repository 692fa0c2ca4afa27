/* Wij in de Wijk: "Citeer deze casus". Progressive enhancement only: without JavaScript
   the citation stays visible and selectable. With it, the copy button appears and the
   retrieval date ("Geraadpleegd op …") shows the reader's own date. */
(function () {
  "use strict";
  var MONTHS = ["januari", "februari", "maart", "april", "mei", "juni", "juli",
    "augustus", "september", "oktober", "november", "december"];

  function pad(n) {
    return (n < 10 ? "0" : "") + n;
  }

  function enhance() {
    var now = new Date();
    var iso = now.getFullYear() + "-" + pad(now.getMonth() + 1) + "-" + pad(now.getDate());
    var text = now.getDate() + " " + MONTHS[now.getMonth()] + " " + now.getFullYear();
    document.querySelectorAll("time.widw-cite__accessed").forEach(function (el) {
      el.textContent = text;
      el.setAttribute("datetime", iso);
    });
    if (navigator.clipboard && window.isSecureContext) {
      document.querySelectorAll("button[data-widw-copy]").forEach(function (button) {
        button.hidden = false;
      });
    }
  }

  function status(button, message) {
    var box = button.parentNode.querySelector(".widw-cite__status");
    if (box) {
      box.textContent = message;
    }
  }

  document.addEventListener("click", function (event) {
    var button = event.target.closest ? event.target.closest("button[data-widw-copy]") : null;
    if (!button) {
      return;
    }
    var source = document.getElementById(button.getAttribute("data-widw-copy"));
    if (!source || !navigator.clipboard) {
      return;
    }
    navigator.clipboard.writeText(source.innerText.trim()).then(function () {
      status(button, "Gekopieerd.");
    }, function () {
      status(button, "Kopiëren lukte niet; selecteer de tekst en kopieer die zelf.");
    });
  });

  if (window.document$ && typeof window.document$.subscribe === "function") {
    window.document$.subscribe(enhance);
  } else if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", enhance);
  } else {
    enhance();
  }
})();
