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
