// The Print button (hidden until this script runs, so it never sits there dead), and the
// handout's date set when it is printed rather than when the page was cached.
(function () {
  function setPrintDate() {
    var today = new Date().toLocaleDateString("en-GB", { day: "numeric", month: "long", year: "numeric" });
    document.querySelectorAll("[data-print-date]").forEach(function (el) {
      el.textContent = today;
    });
  }
  function wire() {
    document.querySelectorAll("[data-print]").forEach(function (button) {
      button.hidden = false;
      if (!button.dataset.printWired) {
        button.dataset.printWired = "1";
        button.addEventListener("click", function () {
          window.print();
        });
      }
    });
  }
  // Disclosures marked data-open-for-print print open, then close again.
  var opened = [];
  function openForPrint() {
    document.querySelectorAll("details[data-open-for-print]:not([open])").forEach(function (el) {
      el.open = true;
      opened.push(el);
    });
  }
  function closeAfterPrint() {
    opened.forEach(function (el) {
      el.open = false;
    });
    opened = [];
  }
  window.addEventListener("beforeprint", setPrintDate);
  window.addEventListener("beforeprint", openForPrint);
  window.addEventListener("afterprint", closeAfterPrint);
  document.addEventListener("DOMContentLoaded", wire);
  document.addEventListener("htmx:afterSettle", wire);
})();
