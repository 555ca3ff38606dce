// The chart's browser side. Plotly.Blazor draws each series once (PlotlyChart.React with the figure
// built in ChartFigure.cs); this module then takes over: it keeps every candle the chart holds
// (chartSeries.js), hands plotly only a window around the view, and applies each coalesced live
// update (at most ~10/s) and each batch of official klines as one small call from the server.
// Going through the library for these would send every candle of every trace on each update (see
// docs/benchmarks.md), because plotly's update takes whole arrays from the caller.
//
// The figure (see ChartFigure.cs): trace 0 holds live-built candles (light), trace 2 official ones
// (solid); each candle's prices sit in exactly one of them, nulls in the other. Trace 1 is volume.
// customdata has the open times (epoch ms) and trace 0's text says "official" or "live". Shape 0
// is the last-price line and annotation 0 its label (price, then the countdown to the close).
//
// Navigation is in chartView.js, scroll-back in chartPaging.js, links and remembered choices in
// chartLink.js, time zones in chartTime.js, price and volume scales in chartScale.js, the legend in
// chartLegend.js, the countdown in chartCountdown.js. This module owns each chart's state and the
// calls from the server.

import { LINEAR, LOG, SCALES, formatPrice } from './chartScale.js';
import { bucketStartNote, isKnownZone } from './chartTime.js';
import { bucketEnd, everySecond, formatRemaining } from './chartCountdown.js';
import { createFormingReadout, createLegend, hide as hideLegend, showCandle, showGiven, showNewest } from './chartLegend.js';
import { LIVE, OFFICIAL, candleAt, count, drop, fromPlot, indexOf, insert, last, lowerBound, officialCount, set, tracesFor, volumeColor } from './chartSeries.js';
import { maybeLoad, reloadLatest, scrollBackMs } from './chartPaging.js';
import { PATCHED, REFIT, patchForming, patchPriceLine } from './chartForming.js';
import {
    createIndicators, formingValues, paneGridPatch, positionHandles, removeIndicators, setIndicators as drawIndicators, showLegend as showIndicatorLegend, storeValues,
    windowY,
} from './chartIndicators.js';
import { preferences as storedPreferences, rememberDisplay, rememberIndicators as storeIndicators, scheduleRangeInUrl, setQuery as setPageQuery } from './chartLink.js';
import {
    attachInput, goLive as goLiveView, isFollowing, latestRange, onKey, onPlotlyRelayout, relayoutQuietly, showView, viewPatch, xRange,
} from './chartView.js';

const UP = '#26a69a';
const DOWN = '#ef5350';

// Plot element id -> chart state (see track()): set once a series is drawn, dropped on forget().
const charts = new Map();
// A page of several charts can move every crosshair to the time under the pointer (linkCrosshairs).
let crosshairsLinked = false;
let updatesReceived = 0;
let replacesReceived = 0;

function candleColor(c) { return c.c >= c.o ? UP : DOWN; }
function officialOr(c, value) { return c.official ? value : null; }
function liveOr(c, value) { return c.official ? null : value; }

// Writes candle c at index i of plotly's window (both price traces, volume, source text).
function setPoint(gd, i, c) {
    const price = gd.data[0], volume = gd.data[1], official = gd.data[2];
    price.open[i] = liveOr(c, c.o); price.high[i] = liveOr(c, c.h); price.low[i] = liveOr(c, c.l); price.close[i] = liveOr(c, c.c);
    official.open[i] = officialOr(c, c.o); official.high[i] = officialOr(c, c.h); official.low[i] = officialOr(c, c.l); official.close[i] = officialOr(c, c.c);
    price.text[i] = c.official ? OFFICIAL : LIVE;
    volume.y[i] = c.v; volume.marker.color[i] = volumeColor(c);
}

// Exposed on the plot element for people reading the DOM and for browser tests.
function markSources(state) {
    const { gd, series } = state;
    gd.dataset.officialCount = String(officialCount(series));
    gd.dataset.lastSource = count(series) ? (series.official[count(series) - 1] ? OFFICIAL : LIVE) : '';
    gd.dataset.heldCount = String(count(series));
    showNewest(state.readout, state);
}

function priceLabel(state) {
    const remaining = formatRemaining(state.closesAt - (Date.now() + state.clockOffset), state.intervalMs);
    return `${formatPrice(state.lastPrice, state.decimals)}<br>${remaining}`;
}

function priceLinePatch(state, candle) {
    const color = candleColor(candle);
    state.lastPrice = candle.c;
    state.closesAt = bucketEnd(candle.t, state.intervalMs, Date.now() + state.clockOffset);
    return {
        'shapes[0].y0': candle.c, 'shapes[0].y1': candle.c, 'shapes[0].line.color': color, 'shapes[0].visible': true,
        // An annotation's position on a log axis is in the axis's own units (powers of ten); a shape's is not.
        'annotations[0].y': state.scale === LOG ? Math.log10(candle.c) : candle.c, 'annotations[0].text': priceLabel(state),
        'annotations[0].bgcolor': color, 'annotations[0].visible': true,
    };
}

function isDrawn(gd, expected) {
    if (!gd || !gd.data || gd.data.length < 3 || !gd._fullLayout) return false;
    const p = gd.data[0];
    const n = p.customdata ? p.customdata.length : 0;
    return p.name === expected.symbol && n === expected.count && (n === 0 || p.customdata[n - 1] === expected.lastOpenTime);
}

// Resolves true once Plotly.Blazor has drawn the expected series into element `id` (the library
// draws asynchronously: it first loads plotly, then draws, and reports neither), then sets up the
// view (options.view, else the latest candles) and starts tracking the chart; false after the timeout.
// The plot stays invisible until the view is set (CSS: .candle-chart without data-view), so the
// first frame a trader sees already has the fitted axes and the chosen zone's labels.
export function whenDrawn(id, expected, options, timeoutMs) {
    const deadline = performance.now() + (timeoutMs ?? 20000);
    return new Promise((resolve, reject) => {
        const check = () => {
            const gd = document.getElementById(id);
            if (isDrawn(gd, expected)) {
                track(id, gd, expected, options).then(() => resolve(true), reject);
            } else if (performance.now() >= deadline) {
                resolve(false);
            } else {
                setTimeout(check, 10); // a timer, not requestAnimationFrame: a background tab must still settle
            }
        };
        check();
    });
}

async function track(id, gd, expected, options) {
    forget(id); // a redraw of the same plot (series switch, reload) starts from a clean state
    const state = createState(id, gd, expected, options);
    charts.set(id, state);
    attachToCard(state, options);
    await showFirstView(state, options.view);
}

// A chart's state over the candles its plot holds (plotly's arrays as drawn: every candle).
function createState(id, gd, expected, options) {
    const state = {
        id, gd,
        series: fromPlot(gd),
        decimals: options.priceDecimals ?? 2,
        intervalMs: options.intervalMs > 0 ? options.intervalMs : 60_000,
        maxCandles: Math.max(options.maxCandles ?? 5000, expected.count),
        zone: isKnownZone(options.zone) ? options.zone : 'UTC',
        scale: SCALES.includes(options.scale) ? options.scale : LINEAR,
        clockOffset: (options.serverNow ?? Date.now()) - Date.now(),
        dotnet: options.dotnet ?? null,
        reachedStart: false, detached: false, manualY: false, following: true,
        loading: false, loadPausedUntil: 0, quiet: 0, lastPrice: 0, closesAt: 0, lastInteraction: 0,
        cleanup: [],
        indicators: createIndicators(), hoverT: null,
    };
    state.isCurrent = () => charts.get(state.id) === state;
    state.isOnlyChart = () => charts.size === 1;
    state.markSources = () => markSources(state);
    state.onViewChanged = (s, opts) => viewChanged(s, opts);
    state.reloadLatest = view => reloadLatest(state, view);
    gd._candleSeries = state.series; // for browser tests and people debugging: every held candle
    return state;
}

// What ties a chart to its card and the page: the legend and readout, pointer and keyboard input, the
// "latest" button, following the card's size. A pre-drawn chart gets these when a card adopts it.
function attachToCard(state, options) {
    const { gd } = state;
    state.readout = createFormingReadout(gd);
    markSources(state);

    state.legend = createLegend(gd);
    const onHover = e => {
        state.lastInteraction = performance.now();
        if (e.points && e.points.length) {
            const i = state.series.start + e.points[0].pointNumber;
            showCandle(state.legend, state, i);
            state.hoverT = state.series.t[i] ?? null;
            showIndicatorLegend(state, state.hoverT);
            // Only the trader's own pointer leads; a hover this module placed (no trusted event) follows.
            if (crosshairsLinked && e.event && e.event.isTrusted && state.hoverT !== null) hoverOthersAt(state, state.hoverT);
        }
    };
    const onUnhover = e => {
        hideLegend(state.legend);
        state.hoverT = null;
        showIndicatorLegend(state, null);
        if (crosshairsLinked && e && e.event && e.event.isTrusted) unhoverOthers(state);
    };
    const onRelayout = e => {
        onPlotlyRelayout(state, e);
        positionHandles(state); // the panes move with a resize of the page
    };
    const onAfterPlot = () => { delete gd.dataset.formingDrawn; };
    // A theme switch recolours the figure through Plotly.update (CandleChart.RecolourAsync), which knows
    // the price and volume panes only.
    const onUpdate = e => {
        const grid = e && e.layout && e.layout['yaxis.gridcolor'];
        const patch = grid ? paneGridPatch(state, grid) : {};
        if (Object.keys(patch).length) relayoutQuietly(state, patch);
    };
    gd.on('plotly_hover', onHover);
    gd.on('plotly_unhover', onUnhover);
    gd.on('plotly_relayout', onRelayout);
    gd.on('plotly_afterplot', onAfterPlot);
    gd.on('plotly_update', onUpdate);
    state.cleanup.push(() => {
        gd.removeListener('plotly_hover', onHover);
        gd.removeListener('plotly_unhover', onUnhover);
        gd.removeListener('plotly_relayout', onRelayout);
        gd.removeListener('plotly_afterplot', onAfterPlot);
        gd.removeListener('plotly_update', onUpdate);
        hideLegend(state.legend);
        removeIndicators(state);
    });
    state.cleanup.push(attachInput(state));
    state.cleanup.push(createLiveButton(state));
    state.cleanup.push(followContainerSize(state));
    crosshairsLinked = !!options.linkCrosshairs; // the page's choice as of this draw (linkCrosshairs changes it later)
    installKeyboard();
}

// The first view (the given range, else the latest candles) with the price line and the countdown;
// the plot becomes visible with it (CSS: .candle-chart[data-view]).
async function showFirstView(state, view) {
    const { gd } = state;
    const newest = last(state.series);
    const [from, to] = view && view.to > view.from ? [view.from, view.to] : latestRange(state);
    state.series.stale = true; // hand plotly only the window around the first view
    await showView(state, from, to, { 'yaxis.type': state.scale === LOG ? LOG : LINEAR, ...(newest ? priceLinePatch(state, newest) : {}) });
    state.following = isFollowing(state);
    state.countdownStop = everySecond(state.clockOffset, () => tickCountdown(state));
    state.cleanup.push(() => state.countdownStop());
    gd.dataset.view = 'ready';
    describeDisplay(state);
    viewChanged(state, { writeUrl: false });
}

// --- First paint: the chart drawn from the page's first response, before the circuit (firstPaint.js). ---

const FIRST_PAINT_ID = 'first-paint-plot';

/**
 * Draws the page's embedded candles into element `gd` with one newPlot and shows the chart's first
 * view, tracked under the element's id until a chart adopts it (adoptFirstPaint). Nothing here talks
 * to the server: the card, the legend and the server's calls come with the adoption.
 */
export async function preDraw(gd, paint, display) {
    const series = { t: [], o: [], h: [], l: [], c: [], v: [], official: [], start: 0, end: 0, stale: false };
    insert(series, 0, paint.candles);
    const columns = tracesFor(series, 0, count(series));
    const data = paint.figure.data.map((trace, k) => {
        const filled = { ...trace };
        for (const [key, perTrace] of Object.entries(columns)) {
            if (perTrace[k] === undefined) continue;
            if (key === 'marker.color') filled.marker = { ...(trace.marker || {}), color: perTrace[k] };
            else filled[key] = perTrace[k];
        }
        return filled;
    });
    await window.Plotly.newPlot(gd, data, paint.figure.layout, paint.figure.config);
    const options = {
        priceDecimals: paint.priceDecimals, intervalMs: paint.intervalMs, maxCandles: paint.maxCandles,
        zone: display.zone, scale: display.scale, serverNow: paint.serverNow,
    };
    const state = createState(gd.id, gd, { count: count(series) }, options);
    await showFirstView(state, null);
    const skeleton = gd.closest('.app-skeleton');
    if (!skeleton || skeleton.dataset.firstPaint) {
        state.countdownStop(); // the circuit's chart came first and drew the series itself
        return false;
    }
    // Adoptable from here on; until a chart takes it, the skeleton stays in front of the page (app.css).
    charts.set(gd.id, state);
    skeleton.dataset.firstPaint = 'drawn';
    return true;
}

/**
 * The circuit's chart `id` takes over the pre-drawn plot when it shows the same series (`key`): the
 * element moves into the chart's host (`id`-host) as it is, with no second draw, and gets the card,
 * the server's calls and the chart's settings; a different zone or scale is one relabel (setDisplay's).
 * Returns what the plot holds (the server then sends what formed since), or null when there is no
 * such plot; a plot of another series is let go.
 */
export async function adoptFirstPaint(id, key, options, recent) {
    const state = charts.get(FIRST_PAINT_ID);
    const gd = state ? state.gd : null;
    const host = document.getElementById(`${id}-host`);
    const skeleton = gd ? gd.closest('.app-skeleton') : null;
    if (!state || !host || gd.dataset.series !== key) {
        releaseFirstPaint();
        return null;
    }
    charts.delete(FIRST_PAINT_ID);
    state.countdownStop();
    state.cleanup = [];
    // One task: the plot moves and the skeleton gives way to the page (CSS) in the same frame.
    gd.id = id;
    state.id = id;
    host.appendChild(gd);
    if (skeleton) skeleton.dataset.firstPaint = 'adopted';
    charts.set(id, state);
    state.dotnet = options.dotnet ?? null;
    state.clockOffset = (options.serverNow ?? Date.now()) - Date.now();
    state.maxCandles = Math.max(options.maxCandles ?? 5000, count(state.series));
    attachToCard(state, options);
    state.countdownStop = everySecond(state.clockOffset, () => tickCountdown(state));
    state.cleanup.push(() => state.countdownStop());
    tickCountdown(state); // now on the circuit's clock reading, not the first response's estimate
    // Held candles that changed since the first response (a closed one turned official): put right in place.
    let changed = false;
    for (const c of Array.isArray(recent) ? recent : []) {
        const i = indexOf(state.series, c.t);
        const held = i >= 0 ? candleAt(state.series, i) : null;
        if (!held || (held.o === c.o && held.h === c.h && held.l === c.l && held.c === c.c && held.v === c.v && held.official === !!c.official)) continue;
        set(state.series, i, c);
        changed = true;
    }
    if (changed) {
        state.series.stale = true; // the window is handed to plotly again, with them, in the one update below
        markSources(state);
    }
    const zone = isKnownZone(options.zone) ? options.zone : 'UTC';
    const scale = SCALES.includes(options.scale) ? options.scale : LINEAR;
    const decimals = options.priceDecimals ?? 2;
    if (changed || zone !== state.zone || scale !== state.scale || decimals !== state.decimals) {
        state.zone = zone; state.scale = scale; state.decimals = decimals;
        const [from, to] = xRange(state);
        const newest = last(state.series);
        await showView(state, from, to, {
            'yaxis.type': scale === LOG ? LOG : LINEAR, 'yaxis.tickformat': `,.${decimals}f`, 'yaxis.hoverformat': `,.${decimals}f`,
            ...(newest ? priceLinePatch(state, newest) : {}),
        });
    }
    describeDisplay(state);
    viewChanged(state, { writeUrl: false });
    gd.dataset.adopted = 'true';
    gd.dataset.testid = 'candle-plot'; // as Plotly.Blazor's element is named
    const { series } = state;
    const n = count(series);
    return { count: n, firstOpenTime: n ? series.t[0] : 0, lastOpenTime: n ? series.t[n - 1] : 0 };
}

/** No chart takes the pre-drawn plot (or one not drawn yet): it stops, and the skeleton gives way to the page (CSS). */
export function releaseFirstPaint() {
    const state = charts.get(FIRST_PAINT_ID);
    if (state) forget(FIRST_PAINT_ID);
    const skeleton = document.querySelector('.app-skeleton');
    if (skeleton) skeleton.dataset.firstPaint = 'released';
}

/** A layout patch through Plotly.update (the theme's colours on an adopted plot, which Plotly.Blazor does not know). */
export async function updateLayout(id, patch) {
    const state = plotOf(id);
    if (!state) return false;
    await window.Plotly.update(state.gd, {}, patch);
    return true;
}

// plotly's "responsive" follows the window only; a chart of a layout also changes size when its legend
// wraps or a neighbour's toolbar grows, so the plot follows its own container.
function followContainerSize(state) {
    const host = state.gd.parentElement;
    if (!host || typeof ResizeObserver === 'undefined') return () => { };
    // Compared with what plotly laid out (not with the last observed size): a plot first drawn while its
    // container was still being laid out has plotly's default size, which the first callback corrects.
    const observer = new ResizeObserver(() => {
        const layout = state.gd._fullLayout;
        if (!state.isCurrent() || !layout || !host.clientWidth || !host.clientHeight) return;
        if (Math.abs(layout.width - host.clientWidth) < 2 && Math.abs(layout.height - host.clientHeight) < 2) return;
        window.Plotly.Plots.resize(state.gd).then(() => positionHandles(state));
    });
    observer.observe(host);
    return () => observer.disconnect();
}

// The countdown: only the label's text changes, edited in place (a relayout when its length changes).
function tickCountdown(state) {
    if (!state.isCurrent() || !state.lastPrice) return;
    const now = Date.now() + state.clockOffset;
    if (now >= state.closesAt) {
        state.closesAt = bucketEnd(null, state.intervalMs, now); // the next bucket, until its first candle arrives
    }
    const text = priceLabel(state);
    state.gd.dataset.countdown = text.split('<br>')[1];
    const patch = { 'annotations[0].text': text };
    if (!patchPriceLine(state.gd, patch)) relayoutQuietly(state, patch);
}

// What the toolbar and links need to know: exposed on the plot element, plus the bucket-start note.
function describeDisplay(state) {
    const { gd } = state;
    gd.dataset.zone = state.zone;
    gd.dataset.scale = state.scale;
    const card = gd.closest('.chart-card');
    const note = card && card.querySelector('[data-testid=bucket-note]');
    if (note) {
        const newest = last(state.series);
        note.textContent = newest ? bucketStartNote(state.zone, state.intervalMs, newest.t) : '';
    }
}

// After every view change: the "latest" button, the URL, and older or newer pages when near an edge.
function viewChanged(state, { writeUrl = true } = {}) {
    const { gd } = state;
    gd.dataset.following = String(state.following);
    gd.dataset.detached = String(state.detached);
    if (state.liveButton) state.liveButton.hidden = state.following;
    if (writeUrl) scheduleRangeInUrl(state, xRange(state), state.following);
    maybeLoad(state);
}

function createLiveButton(state) {
    const card = state.gd.closest('.chart-card');
    const slot = card && card.querySelector('[data-testid=chart-controls]');
    if (!slot) return () => { };
    const button = document.createElement('button');
    button.type = 'button';
    button.className = 'go-live';
    button.dataset.testid = 'go-live';
    button.title = 'Back to the latest candle (End)';
    button.setAttribute('aria-label', 'Back to the latest candle');
    button.textContent = 'Latest ⇥';
    button.hidden = true;
    button.addEventListener('click', () => goLiveView(state));
    slot.replaceChildren(button);
    state.liveButton = button;
    return () => button.remove();
}

// --- Keyboard: one handler for the page; it drives the chart last used (or the only one). ---

let keyboardInstalled = false;

function installKeyboard() {
    if (keyboardInstalled) return;
    keyboardInstalled = true;
    document.addEventListener('keydown', e => {
        if (e.defaultPrevented || e.altKey || e.ctrlKey || e.metaKey) return;
        const target = e.target instanceof Element ? e.target : null;
        if (target && target.closest('input, textarea, select, [contenteditable=true], .mud-popover-open, [role=listbox], [role=dialog]')) return;
        const state = activeChart(target);
        if (state && onKey(state, e.key)) e.preventDefault();
    });
}

function activeChart(target) {
    let best = null;
    for (const state of charts.values()) {
        const card = state.gd.closest('.chart-card');
        if (card && target && card.contains(target)) return state;
        if (!best || state.lastInteraction > best.lastInteraction) best = state;
    }
    return best;
}

// --- Linked crosshairs: the pointer's time shown on every other chart (the candle containing it). ---

function hoverOthersAt(source, t) {
    for (const other of charts.values()) {
        if (other === source || !other.gd._fullLayout) continue;
        const { series } = other;
        const i = lowerBound(series, t + 1) - 1; // the candle that contains t (its open time is at or before t)
        if (i < series.start || i >= series.end || t >= series.t[i] + other.intervalMs) {
            unhoverOthers(source, other);
            continue;
        }
        // As a pointer at that candle's close: plotly draws the spike lines where the pointer is, and a
        // hover given as points has no pointer (its lines were drawn at the plot's edge).
        const xa = other.gd._fullLayout.xaxis, ya = other.gd._fullLayout.yaxis;
        const xpx = xa.l2p(xa.d2l(other.gd.data[0].x[i - series.start])), ypx = ya.c2p(series.c[i]);
        window.Plotly.Fx.hover(other.gd, Number.isFinite(xpx) && Number.isFinite(ypx)
            ? { xpx, ypx }
            : [{ curveNumber: 0, pointNumber: i - series.start }]);
        other.gd.dataset.linkedTime = String(series.t[i]);
        showCandle(other.legend, other, i);
        other.hoverT = series.t[i];
        showIndicatorLegend(other, other.hoverT);
    }
}

function unhoverOthers(source, only) {
    for (const other of only ? [only] : charts.values()) {
        if (other === source || !other.gd._fullLayout) continue;
        window.Plotly.Fx.unhover(other.gd);
        delete other.gd.dataset.linkedTime;
        hideLegend(other.legend);
        other.hoverT = null;
        showIndicatorLegend(other, null);
    }
}

// --- Calls from the server. ---

/** Links (or unlinks) the crosshairs of every chart on the page. */
export function linkCrosshairs(linked) { crosshairsLinked = !!linked; }

/** Sets or removes query parameters of the address bar (the page's layout), without a navigation. */
export function setQuery(parameters) { setPageQuery(parameters); }

/** Time zone and price scale changed in the toolbar: relabel and refit without touching the data or the view. */
export async function setDisplay(id, zone, scale) {
    const state = charts.get(id);
    if (!state) return false;
    state.zone = isKnownZone(zone) ? zone : 'UTC';
    state.scale = SCALES.includes(scale) ? scale : LINEAR;
    state.manualY = false;
    const [from, to] = xRange(state);
    const newest = last(state.series);
    await showView(state, from, to, { 'yaxis.type': state.scale === LOG ? LOG : LINEAR, ...(newest ? priceLinePatch(state, newest) : {}) });
    viewChanged(state);
    describeDisplay(state);
    rememberDisplay(state.zone, state.scale);
    return true;
}

/** Back to the live edge (the toolbar's or the server's request). */
export async function goLive(id) {
    const state = charts.get(id);
    if (state) await goLiveView(state);
}

/** The remembered zone, scale and indicators, and the browser's own zone (see chartLink.js). */
export function preferences() { return storedPreferences(); }

/** The chosen indicators (link text): into the URL and the browser's memory. */
export function rememberIndicators(text) { storeIndicators(text); }

// The drawn plot of a tracked chart, or null when it is gone or not drawn.
function plotOf(id) {
    const state = charts.get(id);
    const gd = state ? document.getElementById(id) : null;
    return gd && gd === state.gd && gd.data && gd.data.length >= 3 && gd._fullLayout ? state : null;
}

/** One live candle, with the indicators' new values computed from it (null when the chart has none). */
export async function applyUpdate(id, candle, indicators) {
    updatesReceived++;
    const state = plotOf(id);
    if (!state || state.detached) {
        return false; // switched, closing, or showing the past without its newest candles: nothing to patch
    }
    const { gd, series } = state;
    storeValues(state, indicators);
    const n = count(series);
    const lastTime = n ? series.t[n - 1] : null;
    const linePatch = priceLinePatch(state, candle);
    const newestDrawn = series.end === n; // plotly's window holds the newest candle

    if (n && candle.t === lastTime) {
        // The forming candle changed (the frequent case): patch it in place and redraw it with the
        // price line on the next frame (scheduleFormingRedraw). Only the window's arrays go to plotly,
        // and the official trace only when the candle's source changed (almost never here).
        const sourceChanged = series.official[n - 1] !== !!candle.official;
        set(series, n - 1, candle);
        if (sourceChanged) markSources(state);
        else showNewest(state.readout, state);
        if (!newestDrawn) {
            await relayoutQuietly(state, linePatch);
            return true;
        }
        setPoint(gd, n - 1 - series.start, candle);
        scheduleFormingRedraw(state, linePatch, candle, sourceChanged);
        return true;
    }

    if (n && candle.t < lastTime) {
        return false; // older than what is held (the server already filters these)
    }

    // A new candle: held at the end (the oldest dropped beyond maxCandles). While the newest candle was in
    // view, the view moves on by one bucket (same width); otherwise it stays put. When plotly's window
    // held the newest candle, the window is cut again around the (moved) view and handed to plotly with
    // the new range in one update: one redraw per new candle (appending to each trace and then moving
    // the range were four or five, and four charts closing a bucket together showed it).
    const follow = state.following;
    insert(series, n, [candle]);
    if (count(series) > state.maxCandles) {
        drop(series, count(series) - state.maxCandles, false);
    }
    if (newestDrawn) series.stale = true;
    if (state.hoverT === null) showIndicatorLegend(state, null);
    markSources(state);
    const [from, to] = xRange(state);
    const shift = follow && lastTime !== null ? candle.t - lastTime : 0;
    await showView(state, from + shift, to + shift, linePatch);
    state.following = isFollowing(state);
    return true;
}

/** The forming candle while the chart shows the past without it (detached): only the readout shows it. */
export function showForming(id, candle, previousClose) {
    const state = plotOf(id);
    if (!state) return false;
    showGiven(state.readout, state, candle, previousClose);
    return true;
}

// --- Redrawing the forming candle: at most once per chart per frame, within a frame budget. ---
//
// A forming-candle update changes plotly's arrays in place at once (setPoint) and asks for a redraw on
// the next animation frame. Updates that arrive before it are folded into it. The redraw is usually no
// plotly redraw at all: the candle, its volume bar, the indicators' newest points and the price line
// with its label are edited where plotly drew them (chartForming.js). When that cannot be done (a value
// left its axis, the source changed) plotly redraws, and when several charts wait for that (a page of
// four), as many are redrawn per frame as fit the budget, the rest on the next frame, in turn. Every other kind of draw (a new candle, a new
// window, a relayout) reads the same arrays, so it draws the latest forming candle too.

const FRAME_BUDGET_MS = 12;
const waitingRedraws = new Set();
let redrawFrame = 0;
// ms per forming-candle draw (the newest 1,000), whether in place or by plotly, for benchmarks.
const formingDrawTimes = [];

function scheduleFormingRedraw(state, linePatch, candle, sourceChanged) {
    // Until that frame, plotly's arrays hold a candle the screen does not show yet: the element no longer
    // says the forming candle is drawn (a reader comparing the screen with the arrays must wait for it).
    delete state.gd.dataset.formingDrawn;
    const pending = state.formingRedraw ?? (state.formingRedraw = { linePatch: {}, sourceChanged: false, candle });
    Object.assign(pending.linePatch, linePatch);
    pending.sourceChanged ||= sourceChanged;
    pending.candle = candle;
    waitingRedraws.delete(state); // to the end of the line: charts take turns
    waitingRedraws.add(state);
    if (!redrawFrame) redrawFrame = requestAnimationFrame(redrawWaiting);
}

async function redrawWaiting() {
    redrawFrame = 0;
    const started = performance.now();
    for (const state of [...waitingRedraws]) {
        if (performance.now() - started > FRAME_BUDGET_MS) break;
        waitingRedraws.delete(state);
        const pending = state.formingRedraw;
        state.formingRedraw = null;
        if (pending && state.isCurrent() && plotOf(state.id)) {
            const drawStarted = performance.now();
            await redrawForming(state, pending);
            formingDrawTimes.push(performance.now() - drawStarted);
            if (formingDrawTimes.length > 1000) formingDrawTimes.shift();
        }
    }
    if (waitingRedraws.size && !redrawFrame) redrawFrame = requestAnimationFrame(redrawWaiting);
}

// The forming candle edited where plotly drew it, with the price line; else plotly's redraw of the
// forming candle's traces from its current arrays (a window re-sliced since the update holds it too),
// the indicators with it, the price line and, if a value grew past its axis, the refit.
async function redrawForming(state, { linePatch, sourceChanged, candle }) {
    const { gd, series } = state;
    if (series.stale || series.end !== count(series)) {
        await relayoutQuietly(state, linePatch); // the newest candle is not in plotly's window (any more)
        return;
    }
    const w = count(series) - 1 - series.start;
    const outcome = sourceChanged ? null : patchForming(gd, w, candle, volumeColor(candle), formingValues(state, candle.t, w));
    if (outcome === PATCHED) {
        // For browser tests and people debugging: how many updates were drawn in place, and whether
        // the picture now holds such an edit (plotly's next full draw clears it).
        state.formingPatches = (state.formingPatches ?? 0) + 1;
        gd.dataset.formingPatches = String(state.formingPatches);
        gd.dataset.formingDrawn = PATCHED;
        if (!patchPriceLine(gd, linePatch)) await relayoutQuietly(state, linePatch);
        if (state.hoverT === null) showIndicatorLegend(state, null);
        return;
    }
    const price = gd.data[0], volume = gd.data[1], official = gd.data[2];
    const update = {
        open: [price.open, undefined], high: [price.high, undefined], low: [price.low, undefined], close: [price.close, undefined],
        y: [undefined, volume.y], 'marker.color': [undefined, volume.marker.color],
    };
    const traces = [0, 1];
    if (sourceChanged) {
        for (const key of ['open', 'high', 'low', 'close']) update[key].push(official[key]);
        update.y.push(undefined); update['marker.color'].push(undefined);
        update.text = [price.text, undefined, undefined];
        traces.push(2);
    }
    if (state.indicators.list.length) {
        // The indicators move with the forming candle in the same redraw.
        const lines = windowY(state);
        for (const key of Object.keys(update)) update[key].push(...lines.indexes.map(() => undefined));
        update.y.splice(traces.length, lines.indexes.length, ...lines.y);
        traces.push(...lines.indexes);
    }
    await quietly(state, () => window.Plotly.update(gd, update, { ...linePatch, ...refitPatch(state, candle, outcome === REFIT) }, traces));
    if (state.hoverT === null) showIndicatorLegend(state, null);
}

async function quietly(state, action) {
    state.quiet++;
    try {
        return await action();
    } finally {
        state.quiet--;
    }
}

// The forming candle grew past the price axis, or (`outgrown`) its volume or an indicator's value grew
// past theirs: fit the view again (unless the trader fixed the axis or the candle is out of view).
// Checked against the current range so an update inside it costs nothing.
function refitPatch(state, candle, outgrown) {
    if (state.manualY || !state.following) return {};
    const ya = state.gd._fullLayout.yaxis;
    const [lo, hi] = ya.range;
    const toAxis = v => (state.scale === LOG ? Math.log10(v) : v);
    if (!outgrown && toAxis(candle.h) <= hi && toAxis(candle.l) >= lo) return {};
    const [from, to] = xRange(state);
    return viewPatch(state, from, to);
}

// The exchange's official klines for held buckets: each replaces the candle with the same open
// time. Open times outside the held range are ignored: this never appends. One inside the range but
// missing from it is inserted (a chart loaded just after a bucket closed has a hole there until the
// official kline fills it). The server never sends the forming bucket, so the live candle never
// flickers. One redraw for the whole batch, and none when no replaced candle is drawn; returns how
// many were inserted.
export async function replaceCandles(id, candles) {
    replacesReceived++;
    const state = plotOf(id);
    if (!state) {
        return 0;
    }
    const { gd, series } = state;
    let drawnChanged = false;
    let lastReplaced = null;
    let inserted = 0;
    for (const c of candles) {
        const n = count(series);
        const i = indexOf(series, c.t);
        if (i >= 0) {
            set(series, i, c);
            if (i >= series.start && i < series.end) {
                setPoint(gd, i - series.start, c);
                drawnChanged = true;
            }
            if (i === n - 1) lastReplaced = c;
        } else if (n && c.t > series.t[0] && c.t < series.t[n - 1]) {
            const at = lowerBound(series, c.t);
            insert(series, at, [c]);
            if (at > series.start && at < series.end) series.stale = true; // rare: redraw the window with it
            inserted++;
        }
    }
    if (!drawnChanged && !inserted && !lastReplaced) {
        return 0;
    }
    markSources(state);
    // The newest held candle became official (its bucket closed before the next one was drawn):
    // the price line follows its official close.
    const layoutPatch = lastReplaced ? priceLinePatch(state, lastReplaced) : {};
    if (series.stale) {
        const [from, to] = xRange(state);
        await showView(state, from, to, layoutPatch);
    } else if (drawnChanged) {
        const price = gd.data[0], volume = gd.data[1], official = gd.data[2];
        await quietly(state, () => window.Plotly.update(gd, {
            open: [price.open, undefined, official.open], high: [price.high, undefined, official.high],
            low: [price.low, undefined, official.low], close: [price.close, undefined, official.close],
            text: [price.text, undefined, undefined], y: [undefined, volume.y, undefined], 'marker.color': [undefined, volume.marker.color, undefined],
        }, layoutPatch, [0, 1, 2]));
    } else {
        await relayoutQuietly(state, layoutPatch);
    }
    return inserted;
}

/** Draws exactly these indicators (with their values so far), keeping the view. */
export async function setIndicators(id, defs) {
    const state = plotOf(id);
    if (!state) return false;
    await quietly(state, () => drawIndicators(state, defs));
    state.series.stale = true; // redraw the window with the indicators' lines
    const [from, to] = xRange(state);
    await showView(state, from, to);
    showIndicatorLegend(state, state.hoverT);
    return true;
}

/** How drawn official candles compared with their live-built versions (kept for the legend). */
export function setLiveDeltas(id, deltas) {
    const state = plotOf(id);
    if (!state) return false;
    state.liveDeltas ??= new Map();
    for (const d of deltas) state.liveDeltas.set(d.t, { matched: d.matched, text: d.text });
    if (state.liveDeltas.size > 1000) {
        const oldest = [...state.liveDeltas.keys()].sort((a, b) => a - b).slice(0, state.liveDeltas.size - 1000);
        for (const t of oldest) state.liveDeltas.delete(t);
    }
    state.gd.dataset.liveDeltas = String(state.liveDeltas.size);
    state.gd._liveDeltas = state.liveDeltas; // for browser tests and people debugging
    return true;
}

/** New indicator values without a live candle (an official replacement, a closed candle's final value). */
export async function applyIndicatorValues(id, updates) {
    const state = plotOf(id);
    if (!state) return false;
    if (storeValues(state, updates) && !state.series.stale) {
        const lines = windowY(state);
        await quietly(state, () => window.Plotly.restyle(state.gd, { y: lines.y }, lines.indexes));
    }
    showIndicatorLegend(state, state.hoverT);
    return true;
}

// Stops tracking a chart (its series was switched away from, or its component is going).
export function forget(id) {
    const state = charts.get(id);
    if (!state) return;
    charts.delete(id);
    waitingRedraws.delete(state);
    clearTimeout(state.urlTimer);
    clearTimeout(state.loadRetryTimer);
    for (const undo of state.cleanup) undo();
}

// For diagnostics, browser tests and benchmarks: charts tracked by this page, live updates and official
// replacement batches received so far, how long each scroll-back page and each forming-candle draw took.
export function stats() {
    return {
        charts: charts.size, updates: updatesReceived, replaces: replacesReceived, scrollBackMs: scrollBackMs(),
        formingDrawMs: [...formingDrawTimes],
    };
}
