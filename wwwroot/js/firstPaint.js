// Draws the chart from the page's first response, before the Blazor circuit starts: the skeleton
// (LoadingSkeleton.razor) carries the chart's candles and figure styles in a JSON block
// (Chart/FirstPaint.cs), and this module draws them as soon as plotly is loaded (js/plotly-preload.js
// starts it from the page head). The circuit's chart then adopts the plot (adoptFirstPaint in
// candleChart.js, the same module instance: both import it by the same address) instead of drawing
// it again. Nothing here is needed for the page to work: any failure leaves the skeleton's empty
// card, and the circuit draws the chart as before.
//
// The zone and scale are decided as ChartPage decides them, so the adopted chart rarely has to
// relabel: the link's ?tz= and ?scale=, else the browser's remembered choice, else the browser's
// own zone and the linear scale.

import { preDraw, preferences } from './candleChart.js';
import { isKnownZone } from './chartTime.js';
import { SCALES, LINEAR } from './chartScale.js';

const PLOTLY_TIMEOUT_MS = 20_000;

function display() {
    const query = new URLSearchParams(location.search);
    const stored = preferences();
    const linkZone = query.get('tz');
    const linkScale = query.get('scale');
    const zone = linkZone && isKnownZone(linkZone) ? linkZone : stored.zone ?? (isKnownZone(stored.browserZone) ? stored.browserZone : 'UTC');
    const scale = SCALES.includes(linkScale) ? linkScale : stored.scale ?? LINEAR;
    return { zone, scale };
}

// plotly arrives through a script element (Plotly.Blazor's loader); its global is the signal.
function whenPlotly() {
    const deadline = performance.now() + PLOTLY_TIMEOUT_MS;
    return new Promise((resolve, reject) => {
        const check = () => {
            if (window.Plotly && window.Plotly.newPlot) resolve();
            else if (performance.now() >= deadline) reject(new Error('plotly did not load'));
            else setTimeout(check, 5);
        };
        check();
    });
}

// The server's clock now: its reading when it wrote the response plus the time since the response
// began to arrive (the countdown runs on the server's clock; the chart's adoption corrects it).
function serverNow(paint) {
    const navigation = performance.getEntriesByType('navigation')[0];
    const arrived = navigation ? performance.timeOrigin + navigation.responseStart : Date.now();
    return paint.serverNow + Math.max(0, Date.now() - arrived);
}

async function draw() {
    const gd = document.getElementById('first-paint-plot');
    const block = document.getElementById('first-paint-data');
    if (!gd || !block) return;
    const paint = JSON.parse(block.textContent);
    if (!paint || !Array.isArray(paint.candles) || !paint.figure || !Array.isArray(paint.figure.data)) return;
    await whenPlotly();
    // The circuit's chart may have come first (plotly slow): it then draws the series itself.
    const skeleton = gd.closest('.app-skeleton');
    if (!skeleton || skeleton.dataset.firstPaint) return;
    await preDraw(gd, { ...paint, serverNow: serverNow(paint) }, display());
}

draw().catch(error => console.warn('first paint failed; the chart draws when the circuit starts', error));
