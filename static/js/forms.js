// Forms marked data-restore-from-address show what the address asks for. htmx's history
// keeps the page's markup, not what was typed or chosen, so after Back (or Forward) a
// filtered list would otherwise sit under a form reading "Any" and empty boxes.
(function () {
  function restore() {
    var params = new URLSearchParams(window.location.search);
    document.querySelectorAll("form[data-restore-from-address]").forEach(function (form) {
      Array.prototype.forEach.call(form.elements, function (field) {
        if (!field.name || field.type === "hidden" || field.type === "submit") {
          return;
        }
        var value = params.get(field.name);
        if (field.type === "checkbox" || field.type === "radio") {
          field.checked = params.getAll(field.name).indexOf(field.value) !== -1;
        } else if (field.tagName === "SELECT") {
          // An address without the field means the select's first choice ("Any", "a year").
          field.value = value === null ? field.options[0].value : value;
          if (field.selectedIndex === -1) {
            field.selectedIndex = 0;
          }
        } else {
          field.value = value === null ? "" : value;
        }
      });
    });
  }
  document.addEventListener("htmx:historyRestore", restore);
  window.addEventListener("pageshow", function (event) {
    if (event.persisted) {
      restore();
    }
  });
})();
// A select or a tick box in a form marked data-apply-hint waits for the form's button
// (WCAG 3.2.2: changing a setting alone changes nothing else). Say so beside the button,
// in its live region, and clear the hint once results that include the change arrive.
(function () {
  var changes = 0; // changes waiting, counted so a reply to an older request keeps the hint
  var sent = 0;
  function hints() {
    return Array.prototype.map.call(document.querySelectorAll("form[data-apply-hint]"), function (form) {
      return document.getElementById(form.getAttribute("data-apply-hint"));
    }).filter(Boolean);
  }
  function clear() {
    hints().forEach(function (hint) {
      hint.textContent = "";
    });
  }
  document.addEventListener("change", function (event) {
    var field = event.target;
    var form = field.form;
    if (!form || !form.hasAttribute("data-apply-hint")) {
      return;
    }
    if (field.tagName === "SELECT" || field.type === "checkbox" || field.type === "radio") {
      var hint = document.getElementById(form.getAttribute("data-apply-hint"));
      if (hint) {
        changes += 1;
        hint.textContent = hint.getAttribute("data-hint");
      }
    }
  });
  // Every update sends the whole form, typed or pressed, so it carries the change too.
  document.addEventListener("htmx:beforeRequest", function (event) {
    if (event.detail.elt && event.detail.elt.closest && event.detail.elt.closest("form[data-apply-hint]")) {
      sent = changes;
    }
  });
  document.addEventListener("htmx:afterSettle", function () {
    if (sent === changes) {
      clear();
    }
  });
  // Not kept in the copy of the page htmx saves for Back, nor shown after Back restores one.
  document.addEventListener("htmx:beforeHistorySave", clear);
  document.addEventListener("htmx:historyRestore", function () {
    sent = changes;
    clear();
  });
})();
// Results swapped whole take their live heading with them, and screen readers may miss a
// live region that is new. A status region outside them, marked data-announces="<id>",
// repeats that heading's text after each swap.
document.addEventListener("htmx:afterSettle", function () {
  document.querySelectorAll("[data-announces]").forEach(function (status) {
    var source = document.getElementById(status.getAttribute("data-announces"));
    if (source) {
      status.textContent = source.textContent.replace(/\s+/g, " ").trim();
    }
  });
});
