// The indicators drawn on a chart. The server computes every value (one shared calculator per series
// and indicator, see SharedIndicatorSet); this module holds the values a chart received, by open time,
// and draws them as extra plotly traces after the three of ChartFigure.cs: overlays (moving averages,
// VWAP, Bollinger Bands) on the price axis, the volume average on the volume axis, and oscillators
// (RSI, MACD, ATR) each in a pane of its own below the candles, which the trader can resize by
// dragging the line above it.
//
// Like the candles, only plotly's window of the series is handed to plotly (chartSeries.js): each
// indicator trace holds one point per candle of the window, null where there is no value.

import { formatPrice, formatVolume } from './chartScale.js';
import { toPlotlyDate } from './chartSeries.js';

/** Traces 0–2 are the candles and the volume (ChartFigure.cs); indicator traces follow. */
export const FIRST_TRACE = 3;

const COLORS = ['#f5a623', '#4a90e2', '#c86dd7', '#7ed321', '#e94e77', '#50e3c2'];
const VOLUME_SHARE = 0.14;      // the volume pane under the candles, as a share of the plot's height
const DEFAULT_PANE_SHARE = 0.18; // a new oscillator pane
const MIN_PANE_SHARE = 0.08;
const MIN_PRICE_SHARE = 0.3;
const GAP = 0.025;

/** The state's indicator list, empty until the server sends some. */
export function createIndicators() {
    // early: values of an indicator the server started sending before setIndicators drew it (its
    // subscription starts first), by spec; they supersede the snapshot setIndicators brings.
    return { list: [], paneShares: new Map(), axes: 0, handles: [], early: new Map() };
}

function ownPaneAxis(k) { return `y${3 + k}`; }
function layoutKey(axis) { return axis === 'y' ? 'yaxis' : `yaxis${axis.slice(1)}`; }

/** Each indicator of the set with its pane's axis, its colour and its trace indexes. */
function place(defs, previous, early) {
    let own = 0;
    let trace = FIRST_TRACE;
    return defs.map((d, k) => {
        const axis = d.pane === 'own' ? ownPaneAxis(own++) : d.pane === 'volume' ? 'y2' : 'y';
        const held = previous.find(p => p.spec === d.spec);
        const indicator = {
            spec: d.spec, title: d.title, outputs: d.outputs, pane: d.pane, axis,
            color: COLORS[k % COLORS.length],
            values: held ? held.values : new Map(),
            traces: d.outputs.map(() => trace++),
        };
        for (const p of d.values) indicator.values.set(p.t, p.v);
        for (const [t, v] of early.get(d.spec) ?? []) indicator.values.set(t, v);
        return indicator;
    });
}

function traceOf(indicator, output, o) {
    const histogram = output === 'histogram';
    const band = indicator.outputs.length === 3 && !histogram && o > 0;
    const color = o === 1 && indicator.outputs[1] === 'signal' ? '#e94e77' : indicator.color;
    return {
        type: histogram ? 'bar' : 'scatter',
        mode: histogram ? undefined : 'lines',
        name: `${indicator.spec} ${output}`,
        x: [], y: [], customdata: [],
        xaxis: 'x', yaxis: indicator.axis,
        hoverinfo: 'none',
        connectgaps: false,
        // Unsimplified: the forming candle's value moves the line's last vertex only (chartForming.js).
        line: histogram ? undefined : { color, width: band ? 1 : 1.5, dash: band ? 'dot' : 'solid', simplify: false },
        marker: histogram ? { color: 'rgba(120, 144, 156, 0.55)' } : undefined,
    };
}

/** The theme recoloured the price pane's grid: the same colour for the oscillators' panes. */
export function paneGridPatch(state, color) {
    const patch = {};
    for (const indicator of state.indicators.list) {
        if (indicator.pane === 'own') patch[`${layoutKey(indicator.axis)}.gridcolor`] = color;
    }
    return patch;
}

/** Layout for the panes: price on top, oscillators below it, volume at the bottom; shares kept per pane. */
function paneLayout(state, previousAxes) {
    const ind = state.indicators;
    const own = ind.list.filter(i => i.pane === 'own');
    const gd = state.gd;
    const grid = gd._fullLayout.yaxis ? gd._fullLayout.yaxis.gridcolor : undefined;
    const patch = {};
    let bottom = VOLUME_SHARE + GAP;
    patch['yaxis2.domain'] = [0, VOLUME_SHARE];
    own.slice().reverse().forEach(i => {
        const share = ind.paneShares.get(i.spec) ?? DEFAULT_PANE_SHARE;
        const rsi = i.spec.startsWith('rsi');
        patch[layoutKey(i.axis)] = {
            domain: [bottom, bottom + share], side: 'right', gridcolor: grid, zeroline: false, fixedrange: true,
            autorange: !rsi, range: rsi ? [0, 100] : undefined, tickvals: rsi ? [30, 50, 70] : undefined, nticks: 4,
        };
        bottom += share + GAP;
    });
    patch['yaxis.domain'] = [Math.min(bottom, 1 - MIN_PRICE_SHARE), 1];
    for (let k = own.length; k < previousAxes; k++) patch[layoutKey(ownPaneAxis(k))] = null; // panes no longer used
    ind.axes = own.length;
    return patch;
}

/** Replaces the drawn indicators with `defs` (values included); the caller redraws the window. */
export async function setIndicators(state, defs) {
    const { gd } = state;
    const ind = state.indicators;
    if (gd.data.length > FIRST_TRACE) {
        await window.Plotly.deleteTraces(gd, [...Array(gd.data.length - FIRST_TRACE).keys()].map(k => k + FIRST_TRACE));
    }
    const previousAxes = ind.axes;
    ind.list = place(defs, ind.list, ind.early);
    ind.early.clear();
    const traces = ind.list.flatMap(i => i.outputs.map((o, k) => traceOf(i, o, k)));
    if (traces.length) await window.Plotly.addTraces(gd, traces);
    await window.Plotly.relayout(gd, paneLayout(state, previousAxes));
    gd.dataset.indicators = ind.list.map(i => i.spec).join(';');
    placeHandles(state);
}

/** Stores new values (each supersedes the held one for its open time); true when one lies in plotly's window. */
export function storeValues(state, updates) {
    const { series } = state;
    const from = series.end > series.start ? series.t[series.start] : Infinity;
    const to = series.end > series.start ? series.t[series.end - 1] : -Infinity;
    let inWindow = false;
    for (const u of updates || []) {
        const indicator = state.indicators.list.find(i => i.spec === u.spec);
        if (!indicator) {
            keepEarly(state, u);
            continue;
        }
        for (const p of u.values) {
            indicator.values.set(p.t, p.v);
            if (p.t >= from && p.t <= to) inWindow = true;
        }
        prune(state, indicator);
    }
    return inWindow;
}

function keepEarly(state, update) {
    const early = state.indicators.early;
    const values = early.get(update.spec) ?? new Map();
    for (const p of update.values) values.set(p.t, p.v);
    if (values.size <= 1000) early.set(update.spec, values); // bounded: a spec never drawn must not grow without end
}

// Values of candles the chart no longer holds go, so memory stays bounded like the candles'.
function prune(state, indicator) {
    const times = state.series.t;
    if (indicator.values.size <= times.length * 1.5 + 100 || !times.length) return;
    const first = times[0], last = times[times.length - 1];
    for (const t of indicator.values.keys()) if (t < first || t > last + state.intervalMs) indicator.values.delete(t);
}

function yFor(indicator, o, times, start, end) {
    const y = new Array(end - start);
    for (let i = start; i < end; i++) {
        const v = indicator.values.get(times[i]);
        y[i - start] = v ? v[o] : null;
    }
    return y;
}

/**
 * Lowest and highest value of the price-pane indicators over held candles [first, last], or null: the
 * price axis fits them as well as the candles, so a band is not cut off at the edge of the pane.
 */
export function overlayExtremes(state, first, last) {
    let low = Infinity, high = -Infinity;
    const times = state.series.t;
    for (const indicator of state.indicators.list) {
        if (indicator.pane !== 'price') continue;
        for (let i = first; i <= last; i++) {
            const v = indicator.values.get(times[i]);
            if (!v) continue;
            for (const x of v) { if (x < low) low = x; if (x > high) high = x; }
        }
    }
    return high >= low ? { low, high } : null;
}

/** Plotly data for the indicator traces over candles [start, end), to merge into a window update. */
export function windowData(state, start, end) {
    const { series } = state;
    const x = [], t = [];
    for (let i = start; i < end; i++) { x.push(toPlotlyDate(series.t[i])); t.push(series.t[i]); }
    const data = { indexes: [], x: [], customdata: [], y: [] };
    for (const indicator of state.indicators.list) {
        indicator.outputs.forEach((_, o) => {
            data.indexes.push(indicator.traces[o]);
            data.x.push(x.slice()); data.customdata.push(t.slice());
            data.y.push(yFor(indicator, o, series.t, start, end));
        });
    }
    return data;
}

/** Merges windowData into a Plotly.update data object whose arrays are per trace of `indexes`. */
export function mergeWindow(update, indexes, extra) {
    if (!extra.indexes.length) return;
    for (const key of Object.keys(update)) {
        const own = key === 'x' ? extra.x : key === 'customdata' ? extra.customdata : key === 'y' ? extra.y : null;
        for (let k = 0; k < extra.indexes.length; k++) update[key].push(own ? own[k] : undefined);
    }
    for (const key of ['x', 'customdata', 'y']) {
        if (!(key in update)) update[key] = [...indexes.map(() => undefined), ...extra[key === 'customdata' ? 'customdata' : key]];
    }
    indexes.push(...extra.indexes);
}

/** The y arrays of every indicator trace over plotly's window, for one restyle or update. */
export function windowY(state) {
    const { series } = state;
    const indexes = [], y = [];
    for (const indicator of state.indicators.list) {
        indicator.outputs.forEach((_, o) => {
            indexes.push(indicator.traces[o]);
            y.push(yFor(indicator, o, series.t, series.start, series.end));
        });
    }
    return { indexes, y };
}

/**
 * The indicators' values at the forming candle (open time t, index w of plotly's window) per trace,
 * written into plotly's arrays too, so the next plotly draw shows what chartForming.js drew.
 */
export function formingValues(state, t, w) {
    const lines = [];
    for (const indicator of state.indicators.list) {
        const v = indicator.values.get(t);
        indicator.outputs.forEach((_, o) => {
            const trace = indicator.traces[o];
            const value = v ? v[o] ?? null : null;
            const y = state.gd.data[trace] && state.gd.data[trace].y;
            if (y && w < y.length) y[w] = value;
            lines.push({ trace, value });
        });
    }
    return lines;
}

// --- The legend: each indicator's values at the hovered candle, else at the newest one. ---

function formatValue(state, indicator, value) {
    if (value === null || value === undefined) return '–';
    if (indicator.spec.startsWith('rsi')) return value.toFixed(2);
    if (indicator.pane === 'volume') return formatVolume(value);
    return formatPrice(value, state.decimals);
}

/** Fills the chart's indicator legend for open time t (the newest candle when t is null). */
export function showLegend(state, t) {
    const card = state.gd.closest('.chart-card');
    const slot = card && card.querySelector('[data-testid=indicator-legend]');
    if (!slot) return;
    const times = state.series.t;
    const at = t ?? (times.length ? times[times.length - 1] : null);
    const parts = state.indicators.list.map(indicator => {
        const span = document.createElement('span');
        span.className = 'indicator-value';
        span.dataset.spec = indicator.spec;
        span.style.setProperty('--indicator-color', indicator.color);
        const v = at === null ? null : indicator.values.get(at);
        span.append(`${indicator.spec} `);
        indicator.outputs.forEach((output, o) => {
            const b = document.createElement('b');
            b.dataset.output = output;
            b.textContent = formatValue(state, indicator, v ? v[o] : null);
            if (o > 0) span.append(' ');
            span.append(b);
        });
        return span;
    });
    slot.replaceChildren(...parts);
    slot.dataset.openTime = at === null ? '' : String(at);
}

// --- Resizing: a thin handle on the line above each oscillator pane; dragging it moves the line. ---

function placeHandles(state) {
    const ind = state.indicators;
    for (const h of ind.handles) h.remove();
    ind.handles = [];
    const host = state.gd.parentElement;
    if (!host) return;
    for (const indicator of ind.list.filter(i => i.pane === 'own')) {
        const handle = document.createElement('div');
        handle.className = 'pane-handle';
        handle.dataset.testid = 'pane-handle';
        handle.dataset.spec = indicator.spec;
        handle.title = `Drag to resize the ${indicator.spec} pane`;
        handle.addEventListener('pointerdown', e => startResize(state, indicator, handle, e));
        host.append(handle);
        ind.handles.push(handle);
    }
    positionHandles(state);
}

/** Puts each handle on the top edge of its pane (after every relayout that may move the panes). */
export function positionHandles(state) {
    const { gd } = state;
    const size = gd._fullLayout && gd._fullLayout._size;
    if (!size) return;
    for (const handle of state.indicators.handles) {
        const indicator = state.indicators.list.find(i => i.spec === handle.dataset.spec);
        const axis = indicator && gd._fullLayout[layoutKey(indicator.axis)];
        if (!axis) continue;
        const top = size.t + size.h * (1 - axis.domain[1]) - GAP * size.h / 2;
        handle.style.top = `${gd.offsetTop + top - 3}px`;
        handle.style.left = `${gd.offsetLeft + size.l}px`;
        handle.style.width = `${size.w}px`;
    }
}

function startResize(state, indicator, handle, down) {
    down.preventDefault();
    down.stopPropagation();
    const { gd } = state;
    const height = gd._fullLayout._size.h;
    const startShare = state.indicators.paneShares.get(indicator.spec) ?? DEFAULT_PANE_SHARE;
    const startY = down.clientY;
    handle.setPointerCapture(down.pointerId);
    handle.dataset.dragging = 'true';
    let pending = null;
    const move = e => {
        const share = Math.max(MIN_PANE_SHARE, Math.min(0.5, startShare + (startY - e.clientY) / height));
        state.indicators.paneShares.set(indicator.spec, share);
        if (pending) return;
        pending = requestAnimationFrame(async () => {
            pending = null;
            state.quiet++;
            try {
                await window.Plotly.relayout(gd, paneLayout(state, state.indicators.axes));
            } finally {
                state.quiet--;
            }
            positionHandles(state);
        });
    };
    const up = () => {
        handle.releasePointerCapture(down.pointerId);
        delete handle.dataset.dragging;
        handle.removeEventListener('pointermove', move);
        handle.removeEventListener('pointerup', up);
        handle.removeEventListener('pointercancel', up);
    };
    handle.addEventListener('pointermove', move);
    handle.addEventListener('pointerup', up);
    handle.addEventListener('pointercancel', up);
}

/** Removes what this module added to the page (the chart is being forgotten). */
export function removeIndicators(state) {
    for (const h of state.indicators.handles) h.remove();
    state.indicators.handles = [];
}
