// Starts plotly while the Blazor circuit connects. Plotly.Blazor loads plotly itself, through
// its interop module's importScript, but only once a chart component has rendered; calling that
// same loader now (an ES module is one instance per URL, so the library later finds the script
// loading or loaded and goes on) moves plotly's download and parse off the chart's critical path.
// The URLs come from the page (App.razor), which takes them from the server's PlotlyBundle.
const tag = document.currentScript;
// Resolved against the page, as Blazor resolves the library's own import, so both name one module.
import(new URL(tag.dataset.interop, document.baseURI).href)
    .then(interop => interop.importScript('plotly-import', tag.dataset.bundle))
    .catch(error => console.warn('plotly preload failed; the chart loads it itself', error));
