// What part of the series a chart shows, and how the trader moves it: wheel and pinch zoom the time
// axis around the pointer, drag and one finger pan, arrows and +/- on the keyboard, End or the
// "latest" button go back to the live edge, double-click resets. The price axis fits the candles in
// view unless the trader dragged it; the view follows new candles only while the newest is in view;
// nearing the oldest loaded candle asks the server for the page before it.
//
// All view changes go through showView, which redraws once with the x range, the fitted y ranges
// and the tick labels (time zone, percent scale, volume units) — and, when the view has moved past
// the candles plotly holds, a new window of them (chartSeries.js).

import { timeTicks } from './chartTime.js';
import { PERCENT, percentTicks, priceRange, volumeRange, volumeTicks } from './chartScale.js';
import { extremes, needsReslice, toPlotlyDate, tracesFor, visibleIndexes, windowFor } from './chartSeries.js';
import { mergeWindow, overlayExtremes, windowData } from './chartIndicators.js';

/** Candles shown after a reset or on first draw (fewer when fewer are loaded). */
export const DEFAULT_VISIBLE = 120;
/** Free buckets right of the newest candle, so the forming one is not glued to the price labels. */
const RIGHT_PADDING = 3;
const MIN_VISIBLE = 10;
const MAX_VISIBLE = 2000; // wider views cost plotly too much per redraw (docs/benchmarks.md)
const WHEEL_SENSITIVITY = 0.0015;
const KEY_PAN = 0.15;
const KEY_ZOOM = 1.25;

/** The visible time range in epoch ms. */
export function xRange(state) {
    const xa = state.gd._fullLayout.xaxis;
    return [xa.r2l(xa.range[0]), xa.r2l(xa.range[1])];
}

function plotSize(state) {
    const s = state.gd._fullLayout._size;
    return { width: s.w, height: s.h };
}

/** The default view: the newest DEFAULT_VISIBLE candles with a little room on the right. */
export function latestRange(state, visible = DEFAULT_VISIBLE) {
    const times = state.series.t;
    const iv = state.intervalMs;
    const last = times.length ? times[times.length - 1] : Math.floor(Date.now() / iv) * iv;
    const to = last + RIGHT_PADDING * iv;
    return [to - (visible + RIGHT_PADDING) * iv, to];
}

/** Layout keys for showing [from, to]: x range, time ticks, fitted price and volume axes. */
export function viewPatch(state, from, to) {
    const { intervalMs, zone, scale, series } = state;
    const { width, height } = plotSize(state);
    const ticks = timeTicks(zone, from, to, width, intervalMs);
    const patch = {
        'xaxis.range': [toPlotlyDate(from), toPlotlyDate(to)],
        'xaxis.autorange': false,
        'xaxis.tickmode': 'array', 'xaxis.tickvals': ticks.values.map(toPlotlyDate), 'xaxis.ticktext': ticks.labels,
    };
    const shown = visibleIndexes(series, from, to, intervalMs);
    const range = shown && extremes(series, shown[0], shown[1]);
    if (range) {
        patch['yaxis2.range'] = volumeRange(range.maxVolume);
        const vt = volumeTicks(range.maxVolume);
        patch['yaxis2.tickmode'] = 'array'; patch['yaxis2.tickvals'] = vt.values; patch['yaxis2.ticktext'] = vt.labels;
        const overlay = state.indicators && overlayExtremes(state, shown[0], shown[1]);
        const low = overlay ? Math.min(range.low, overlay.low) : range.low;
        const high = overlay ? Math.max(range.high, overlay.high) : range.high;
        const y = state.manualY ? currentPriceRange(state) : priceRange(low, high, scale);
        if (!state.manualY) { patch['yaxis.range'] = y; patch['yaxis.autorange'] = false; }
        Object.assign(patch, priceTickPatch(state, y, range.firstClose, height));
    }
    return patch;
}

function currentPriceRange(state) {
    const ya = state.gd._fullLayout.yaxis;
    return [ya.range[0], ya.range[1]];
}

// Percent scale: round percentages from the first visible close; other scales: plotly's own ticks.
function priceTickPatch(state, yRange, base, heightPx) {
    if (state.scale === PERCENT && base) {
        const t = percentTicks(base, yRange, heightPx);
        return { 'yaxis.tickmode': 'array', 'yaxis.tickvals': t.values, 'yaxis.ticktext': t.labels };
    }
    return { 'yaxis.tickmode': 'auto', 'yaxis.tickvals': null, 'yaxis.ticktext': null };
}

/** Relayouts without the chart's own relayout listener taking it for the trader's doing. */
export async function relayoutQuietly(state, patch) {
    state.quiet++;
    try {
        await window.Plotly.relayout(state.gd, patch);
    } finally {
        state.quiet--;
    }
}

/**
 * Draws [from, to] with `extra` layout keys in one redraw: a relayout while plotly's window of
 * candles covers the view, else an update that hands plotly the new window as well.
 */
export async function showView(state, from, to, extra = {}) {
    const { series, gd } = state;
    const layout = { ...extra, ...viewPatch(state, from, to) };
    state.quiet++;
    try {
        if (needsReslice(series, from, to, state.intervalMs)) {
            const { start, end } = windowFor(series, from, to, state.intervalMs);
            series.start = start;
            series.end = end;
            series.stale = false;
            const data = tracesFor(series, start, end);
            const traces = [0, 1, 2];
            mergeWindow(data, traces, windowData(state, start, end)); // the indicators' lines over the same window
            await window.Plotly.update(gd, data, layout, traces);
        } else {
            await window.Plotly.relayout(gd, layout);
        }
    } finally {
        state.quiet--;
    }
}

/** Shows [from, to] (clamped to a sensible width) and reacts: follow flag, URL, scroll-back. */
export async function applyView(state, from, to) {
    const iv = state.intervalMs;
    const width = Math.min(Math.max(to - from, MIN_VISIBLE * iv), MAX_VISIBLE * iv);
    const center = (from + to) / 2;
    if (width !== to - from) { from = center - width / 2; to = center + width / 2; }
    await showView(state, from, to);
    afterViewChange(state);
}

/** Newest candle in view: new candles scroll the view. */
export function isFollowing(state) {
    const times = state.series.t;
    if (state.detached || !times.length) return false;
    return xRange(state)[1] >= times[times.length - 1];
}

function afterViewChange(state) {
    state.following = isFollowing(state);
    state.onViewChanged(state);
}

export function resetView(state) {
    state.manualY = false;
    const [from, to] = latestRange(state);
    return applyView(state, from, to);
}

/** Back to the live edge keeping the zoom; a chart that dropped its newest candles reloads them. */
export function goLive(state) {
    if (state.detached) {
        return state.reloadLatest(null);
    }
    const [from, to] = xRange(state);
    const [, liveTo] = latestRange(state);
    return applyView(state, liveTo - (to - from), liveTo);
}

export function zoomAt(state, anchor, factor) {
    const [from, to] = xRange(state);
    return applyView(state, anchor - (anchor - from) * factor, anchor + (to - anchor) * factor);
}

export function panBy(state, fraction) {
    const [from, to] = xRange(state);
    const shift = (to - from) * fraction;
    return applyView(state, from + shift, to + shift);
}

/** The time under a client x coordinate. */
function timeAt(state, clientX) {
    const xa = state.gd._fullLayout.xaxis;
    const px = clientX - state.gd.getBoundingClientRect().left - xa._offset;
    return xa.p2l(px);
}

/** The trader moved the view with plotly's own drag (pan in the plot, drag on an axis). */
export function onPlotlyRelayout(state, event) {
    if (state.quiet > 0 || !event) return;
    const xChanged = Object.keys(event).some(k => k.startsWith('xaxis.'));
    const yChanged = Object.keys(event).some(k => k.startsWith('yaxis.range') || k === 'yaxis.autorange');
    if (!xChanged && yChanged) {
        // The price axis itself was dragged: it stays where the trader put it until a double-click.
        state.manualY = !event['yaxis.autorange'];
        const [from, to] = xRange(state);
        showView(state, from, to).then(() => afterViewChange(state));
        return;
    }
    if (xChanged) {
        if (event['xaxis.autorange']) { resetView(state); return; }
        const [from, to] = xRange(state);
        applyView(state, from, to);
    }
}

/** Wheel, double-click, touch; the document-wide keyboard handler is in candleChart.js. Returns the undo. */
export function attachInput(state) {
    const gd = state.gd;
    const wheel = e => {
        e.preventDefault();
        e.stopPropagation();
        state.lastInteraction = performance.now();
        const { width } = plotSize(state);
        const [from, to] = xRange(state);
        if (Math.abs(e.deltaX) > Math.abs(e.deltaY) && !e.ctrlKey) {
            panBy(state, e.deltaX / width);
            return;
        }
        const delta = e.deltaMode === 1 ? e.deltaY * 40 : e.deltaY; // lines to pixels
        zoomAt(state, Math.min(Math.max(timeAt(state, e.clientX), from), to), Math.exp(delta * WHEEL_SENSITIVITY));
    };
    // plotly's own event: its drag layer turns the clicks into a double-click (the DOM's dblclick
    // lands on its drag cover, outside the plot), on the plot area and on either axis.
    const dblclick = () => resetView(state);

    // Touch: one finger pans, two pinch around their midpoint. Handled here in the capture phase
    // so plotly's own touch drag (which pans both axes and has no pinch) never sees it.
    let touch = null;
    const touchState = e => {
        const [from, to] = xRange(state);
        const xs = [...e.touches].map(t => t.clientX);
        return { from, to, xs };
    };
    const touchstart = e => {
        if (e.touches.length > 2) return;
        e.stopPropagation();
        e.preventDefault();
        touch = touchState(e);
    };
    const touchmove = e => {
        if (!touch) return;
        e.stopPropagation();
        e.preventDefault();
        const { width } = plotSize(state);
        const span = touch.to - touch.from;
        const xs = [...e.touches].map(t => t.clientX);
        if (xs.length === 2 && touch.xs.length === 2) {
            const before = Math.abs(touch.xs[1] - touch.xs[0]) || 1;
            const after = Math.abs(xs[1] - xs[0]) || 1;
            const anchor = timeAt(state, (touch.xs[0] + touch.xs[1]) / 2);
            const factor = before / after;
            applyView(state, anchor - (anchor - touch.from) * factor, anchor + (touch.to - anchor) * factor);
        } else if (xs.length === 1 && touch.xs.length === 1) {
            const shift = -((xs[0] - touch.xs[0]) / width) * span;
            applyView(state, touch.from + shift, touch.to + shift);
        } else {
            touch = touchState(e);
        }
    };
    const touchend = e => { touch = e.touches.length ? touchState(e) : null; };

    gd.addEventListener('wheel', wheel, { capture: true, passive: false });
    gd.on('plotly_doubleclick', dblclick);
    gd.addEventListener('touchstart', touchstart, { capture: true, passive: false });
    gd.addEventListener('touchmove', touchmove, { capture: true, passive: false });
    gd.addEventListener('touchend', touchend, { capture: true });
    return () => {
        gd.removeEventListener('wheel', wheel, { capture: true });
        gd.removeListener('plotly_doubleclick', dblclick);
        gd.removeEventListener('touchstart', touchstart, { capture: true });
        gd.removeEventListener('touchmove', touchmove, { capture: true });
        gd.removeEventListener('touchend', touchend, { capture: true });
    };
}

/** Keyboard: arrows pan, + and - zoom around the middle, End goes live, Home resets. True when handled. */
export function onKey(state, key) {
    const [from, to] = xRange(state);
    switch (key) {
        case 'ArrowLeft': panBy(state, -KEY_PAN); return true;
        case 'ArrowRight': panBy(state, KEY_PAN); return true;
        case '+': case '=': zoomAt(state, (from + to) / 2, 1 / KEY_ZOOM); return true;
        case '-': case '_': zoomAt(state, (from + to) / 2, KEY_ZOOM); return true;
        case 'End': goLive(state); return true;
        case 'Home': resetView(state); return true;
        default: return false;
    }
}
