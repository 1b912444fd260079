// On a screen narrower than the map, open it scrolled to its middle, where the entry-level
// role and the moves out of it are drawn, rather than at its left edge.
document.addEventListener("DOMContentLoaded", function () {
  document.querySelectorAll(".map-scroll").forEach(function (box) {
    box.scrollLeft = (box.scrollWidth - box.clientWidth) / 2;
  });
});
