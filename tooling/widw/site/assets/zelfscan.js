/* Wij in de Wijk: the self-scan "Waar staat uw gemeente?".
 * Without JavaScript the page shows the grid of questions with its links, to read or print.
 * With it, every question gets a tick box and a summary shows, per area, the first phase not
 * yet ticked with the lessons and cases for that cell. Answers stay in the page: nothing is
 * sent and nothing is stored. */
(function () {
  "use strict";

  function cellsByArea(grid) {
    var areas = [];
    var byName = {};
    Array.prototype.forEach.call(grid.querySelectorAll(".widw-scan__cel"), function (cell) {
      var area = cell.getAttribute("data-gebied");
      if (!byName[area]) {
        var heading = document.getElementById(area);
        byName[area] = {
          name: area,
          label: heading ? heading.textContent.replace(/¶$/, "").trim() : area,
          cells: []
        };
        areas.push(byName[area]);
      }
      byName[area].cells.push(cell);
    });
    return areas;
  }

  function addBox(cell) {
    var question = cell.querySelector(".widw-scan__vraag");
    var id = "ja-" + cell.id;
    var wrap = document.createElement("p");
    wrap.className = "widw-scan__antwoord";
    var box = document.createElement("input");
    box.type = "checkbox";
    box.id = id;
    box.setAttribute("aria-describedby", question.id);
    var label = document.createElement("label");
    label.htmlFor = id;
    label.textContent = "Ja, dit is bij ons op orde";
    wrap.appendChild(box);
    wrap.appendChild(document.createTextNode(" "));
    wrap.appendChild(label);
    question.parentNode.insertBefore(wrap, question.nextSibling);
    return box;
  }

  function phaseName(cell) {
    var text = cell.querySelector(".widw-scan__fase").textContent;
    return text.replace(/^Fase \d+ · /, "");
  }

  function outcome(area) {
    var ticked = area.cells.map(function (cell) { return cell.box.checked; });
    var first = ticked.indexOf(false);
    var later = first !== -1 && ticked.slice(first + 1).indexOf(true) !== -1;
    return {
      area: area,
      done: first === -1,
      cell: area.cells[first === -1 ? area.cells.length - 1 : first],
      later: later
    };
  }

  function sentence(result) {
    if (result.done) {
      return "U kunt op alle vragen ja zeggen. Blijf resultaten volgen en bijsturen; " +
        "hierbij helpt wat bij de laatste fase hoort.";
    }
    var text = "Uw gemeente staat hier in de fase " + phaseName(result.cell).toLowerCase() + ".";
    if (result.later) {
      text += " U vinkte wel een latere vraag aan, maar de fases volgen op elkaar: " +
        "begin bij deze.";
    }
    return text;
  }

  function links(cell) {
    return Array.prototype.slice.call(cell.querySelectorAll("li")).filter(function (li) {
      return li.querySelector("a");
    });
  }

  function render(summary, results) {
    summary.textContent = "";
    results.forEach(function (result) {
      var block = document.createElement("div");
      block.className = "widw-scan-uitkomst__gebied";
      block.setAttribute("data-gebied", result.area.name);
      var heading = document.createElement("h3");
      heading.textContent = result.area.label;
      block.appendChild(heading);
      var p = document.createElement("p");
      p.className = "widw-scan-uitkomst__fase";
      p.textContent = sentence(result);
      block.appendChild(p);
      var items = links(result.cell);
      var intro = document.createElement("p");
      intro.textContent = items.length
        ? "Hierbij helpen:"
        : "Bij deze vraag staan nog geen lessen of casussen.";
      block.appendChild(intro);
      if (items.length) {
        var list = document.createElement("ul");
        items.forEach(function (li) { list.appendChild(li.cloneNode(true)); });
        block.appendChild(list);
      }
      summary.appendChild(block);
    });
  }

  function plainText(results) {
    var lines = ["Waar staat uw gemeente? Uitkomst van de zelfscan", ""];
    results.forEach(function (result) {
      lines.push(result.area.label + ": " + sentence(result));
      links(result.cell).forEach(function (li) {
        var a = li.querySelector("a");
        lines.push("- " + li.textContent.trim() + " (" + a.href + ")");
      });
      lines.push("");
    });
    lines.push("Zelfscan: " + window.location.href.split("#")[0]);
    return lines.join("\n");
  }

  function setup() {
    var grid = document.getElementById("widw-scan");
    var panel = document.getElementById("widw-scan-uitkomst");
    var summary = document.getElementById("widw-scan-samenvatting");
    var status = document.getElementById("widw-scan-status");
    if (!grid || !panel || !summary || !status) {
      return;
    }
    var areas = cellsByArea(grid);
    areas.forEach(function (area) {
      area.cells.forEach(function (cell) { cell.box = addBox(cell); });
    });
    var results = [];
    function update() {
      results = areas.map(outcome);
      render(summary, results);
      status.textContent = "";
    }
    grid.addEventListener("change", update);
    document.getElementById("widw-scan-afdrukken").addEventListener("click", function () {
      window.print();
    });
    document.getElementById("widw-scan-kopieer").addEventListener("click", function () {
      var text = plainText(results);
      if (!navigator.clipboard) {
        status.textContent = "Kopiëren lukt niet in deze browser; selecteer de tekst zelf.";
        return;
      }
      navigator.clipboard.writeText(text).then(function () {
        status.textContent = "De uitkomst is gekopieerd.";
      }, function () {
        status.textContent = "Kopiëren lukt niet in deze browser; selecteer de tekst zelf.";
      });
    });
    document.getElementById("widw-scan-wis").addEventListener("click", function () {
      areas.forEach(function (area) {
        area.cells.forEach(function (cell) { cell.box.checked = false; });
      });
      update();
      status.textContent = "Uw antwoorden zijn gewist.";
    });
    panel.hidden = false;
    update();
  }

  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", setup);
  } else {
    setup();
  }
})();
