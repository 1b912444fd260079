// After htmx swaps a part of the page, move keyboard and screen-reader focus to the
// element the new content marks with data-focus-after-swap, so the change is announced
// and the next Tab continues from there.
document.addEventListener("htmx:afterSettle", function (event) {
  var target = event.detail.elt && event.detail.elt.isConnected ? event.detail.elt : document;
  var focusable = target.querySelector ? target.querySelector("[data-focus-after-swap]") : null;
  if (!focusable) {
    focusable = document.querySelector("[data-focus-after-swap]");
  }
  if (focusable) {
    focusable.focus({ preventScroll: false });
  }
});
