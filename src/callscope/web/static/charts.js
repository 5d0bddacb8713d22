// Company page charts: plotly figure specs come from the page's JSON block, plotly from this server.
(function () {
  "use strict";
  function draw() {
    var block = document.getElementById("chart-data");
    if (!block || !window.Plotly) return;
    var specs = JSON.parse(block.textContent);
    specs.forEach(function (spec, i) {
      var el = document.getElementById("chart-" + i);
      if (!el) return;
      var layout = {
        margin: { l: 48, r: 12, t: 8, b: 40 }, height: 220, showlegend: false,
        paper_bgcolor: "rgba(0,0,0,0)", plot_bgcolor: "rgba(0,0,0,0)",
        font: { family: "system-ui, sans-serif", size: 12, color: "#1d2430" },
        xaxis: { type: "category", automargin: true }, yaxis: Object.assign({ automargin: true, gridcolor: "#e3e6eb" }, spec.yaxis || {})
      };
      Plotly.newPlot(el, spec.data, layout, { displayModeBar: false, responsive: true }).then(function () {
        el.dataset.rendered = "1";
        el.on("plotly_click", function (ev) {
          var id = ev.points && ev.points[0] && ev.points[0].customdata;
          if (id) location.href = "/calls/" + encodeURIComponent(id);
        });
      });
    });
  }
  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", draw); else draw();
})();
