// Starts plotly while the Blazor circuit connects. Plotly.Blazor loads plotly itself, through
// its interop module's importScript, but only once a chart component has rendered; calling that
// same loader now (an ES module is one instance per URL, so the library later finds the script
// loading or loaded and goes on) moves plotly's download and parse off the chart's critical path.
// The URLs come from the page (App.razor), which takes them from the server's PlotlyBundle.
//
// The page asks for the bundle by its fingerprinted address (cacheable for a year), while the
// library asks for its own fixed basic-build address. The loader recognises a script it already
// started by that address (the script element's data-original-src), so the element is labelled
// with the library's address: the library then waits for this load instead of starting another.
// Should that ever stop matching, the library's address still serves the same bundle (PlotlyBundle).
const tag = document.currentScript;
// Resolved against the page, as Blazor resolves the library's own import, so both name one module.
import(new URL(tag.dataset.interop, document.baseURI).href)
    .then(interop => {
        const loading = interop.importScript('plotly-import', tag.dataset.bundle);
        const script = document.getElementById('plotly-import');
        if (script) script.dataset.originalSrc = tag.dataset.loaderUrl;
        return loading;
    })
    .catch(error => console.warn('plotly preload failed; the chart loads it itself', error));
