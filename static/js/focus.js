// After htmx swaps a part of the page, move keyboard and screen-reader focus to the
// element the new content marks with data-focus-after-swap, so the change is announced
// and the next Tab continues from there.
document.addEventListener("htmx:afterSettle", function (event) {
  var target = event.detail.elt && event.detail.elt.isConnected ? event.detail.elt : document;
  var focusable = target.querySelector ? target.querySelector("[data-focus-after-swap]") : null;
  if (!focusable) {
    focusable = document.querySelector("[data-focus-after-swap]");
  }
  if (!focusable) {
    return;
  }
  // A ladder step: focus the walk's heading, and bring the opened rung into view below the
  // controls (which stay at the top of a phone's screen), not the top of the list.
  var opened = document.getElementById("rung-detail");
  var controls = document.getElementById("walk-controls");
  if (opened && controls && controls.contains(focusable)) {
    focusable.focus({ preventScroll: true });
    var rung = opened.closest(".rung") || opened;
    var sticky = getComputedStyle(controls).position === "sticky" ? controls.offsetHeight : 0;
    rung.style.scrollMarginTop = sticky + 8 + "px";
    rung.scrollIntoView({ block: "start" });
    return;
  }
  focusable.focus({ preventScroll: false });
});

// When a partial update fails (an error answer, or no answer at all), the page stays as it
// was and says so, instead of changing nothing silently.
function showHtmxNotice(text) {
  var notice = document.getElementById("htmx-notice");
  if (notice) {
    notice.textContent = text;
    notice.hidden = false;
  }
}
document.addEventListener("htmx:responseError", function (event) {
  var status = event.detail.xhr ? event.detail.xhr.status : "";
  showHtmxNotice("That part of the page could not be updated (error " + status +
    "). Nothing else changed: try again, or reload the page.");
});
document.addEventListener("htmx:sendError", function () {
  showHtmxNotice("The site could not be reached, so nothing changed. Check your connection and try again.");
});
document.addEventListener("htmx:beforeRequest", function () {
  var notice = document.getElementById("htmx-notice");
  if (notice) {
    notice.hidden = true;
  }
});
