// The legend line: the forming candle's readout, and under the crosshair the hovered candle's: time (in
// the chosen zone), O H L C, volume, change against the previous close, whether the candle is the
// exchange's official kline or built live, and for an official one this server also built live, how
// the two compared ("live = official" or the differences). Both are filled here, in the browser: a
// round trip to the server per mouse move would lag, and a server render per live tick would cost every
// viewer's circuit a render batch and its acknowledgement (the chart module already gets the candle).
// The legend element's data-hovering attribute switches between the two in CSS.

import { formatTime } from './chartTime.js';
import { formatPrice, formatVolume } from './chartScale.js';
import { candleAt } from './chartSeries.js';

/** The hover readout's elements, created once inside the legend's empty slot. */
export function createLegend(gd) {
    return createReadout(gd, 'hover-legend', HOVER_FIELDS, {});
}

/**
 * The forming candle's readout (shown while no candle is hovered), with the test ids and data
 * attributes the server-rendered readout had: tests and tools read its close and source.
 */
export function createFormingReadout(gd) {
    return createReadout(gd, 'forming-legend', FORMING_FIELDS, { close: 'last-close', change: 'last-change', source: 'last-source' });
}

const HOVER_FIELDS = [['', 'time'], ['O', 'open'], ['H', 'high'], ['L', 'low'], ['C', 'close'], ['Vol', 'volume'], ['', 'change'], ['', 'source'], ['', 'delta']];
const FORMING_FIELDS = [['O', 'open'], ['H', 'high'], ['L', 'low'], ['C', 'close'], ['Vol', 'volume'], ['', 'source'], ['', 'change']];

function createReadout(gd, slotId, fields, testIds) {
    const card = gd.closest('.chart-card');
    const legend = card && card.querySelector('[data-testid=chart-legend]');
    const slot = card && card.querySelector(`[data-testid=${slotId}]`);
    if (!legend || !slot) return null;
    slot.replaceChildren();
    const parts = {};
    for (const [text, name] of fields) {
        const wrap = document.createElement('span');
        if (text) wrap.append(`${text} `);
        const b = document.createElement('b');
        b.dataset.field = name;
        if (testIds[name]) b.dataset.testid = testIds[name];
        wrap.append(b);
        slot.append(wrap);
        parts[name] = b;
    }
    return { legend, slot, parts, shown: '' };
}

/** Shows the newest held candle in the forming readout; does nothing when nothing it shows changed. */
export function showNewest(view, state) {
    const n = state.series.t.length;
    // Detached, the newest held candle is in the past: the server sends the forming one (showGiven).
    if (!view || !n || state.detached) return;
    const candle = candleAt(state.series, n - 1);
    const previousClose = n > 1 ? state.series.c[n - 2] : null;
    const key = `${candle.t} ${candle.o} ${candle.h} ${candle.l} ${candle.c} ${candle.v} ${candle.official} ${previousClose} ${state.decimals}`;
    if (key === view.shown) return; // a repeat (an indicator-only update, a replaced older candle)
    view.shown = key;
    showForming(view, state, candle, previousClose);
}

/** Shows a forming candle the chart does not hold (it shows the past): given with its previous close. */
export function showGiven(view, state, candle, previousClose) {
    if (!view) return;
    view.shown = '';
    showForming(view, state, candle, previousClose);
}

function showForming(view, state, candle, previousClose) {
    fill(view, state, candle, previousClose);
    view.parts.close.dataset.value = String(candle.c);
    view.parts.source.dataset.source = candle.official ? 'official' : 'live';
    view.parts.source.title = candle.official
        ? "The exchange's committed kline (final)"
        : "Built live from trades; replaced by the exchange's official kline shortly after it closes";
}

/** Shows held candle i (an index into state.series, not into plotly's window) under the crosshair. */
export function showCandle(view, state, i) {
    if (!view || i < 0 || i >= state.series.t.length) return;
    const candle = candleAt(state.series, i);
    fill(view, state, candle, i > 0 ? state.series.c[i - 1] : null);
    const p = view.parts;
    p.time.textContent = formatTime(state.zone, candle.t, state.intervalMs);
    // How the live-built candle compared with this official one, when this server built it live.
    const delta = candle.official && state.liveDeltas ? state.liveDeltas.get(candle.t) : null;
    p.delta.textContent = delta ? delta.text : '';
    p.delta.className = delta ? `live-delta ${delta.matched ? 'matched' : 'differed'}` : '';
    view.slot.dataset.openTime = String(candle.t);
    view.slot.dataset.source = candle.official ? 'official' : 'live';
    view.legend.dataset.hovering = 'true';
}

// The fields both readouts share: prices in the symbol's decimals, volume, change, source.
function fill(view, state, candle, previousClose) {
    const d = state.decimals;
    const p = view.parts;
    p.open.textContent = formatPrice(candle.o, d);
    p.high.textContent = formatPrice(candle.h, d);
    p.low.textContent = formatPrice(candle.l, d);
    p.close.textContent = formatPrice(candle.c, d);
    p.volume.textContent = formatVolume(candle.v);
    if (previousClose !== null && previousClose !== undefined) {
        const diff = candle.c - previousClose;
        const pct = previousClose ? (diff / previousClose) * 100 : 0;
        const sign = diff > 0 ? '+' : diff < 0 ? '−' : '';
        p.change.textContent = `${sign}${formatPrice(Math.abs(diff), d)} (${sign}${Math.abs(pct).toFixed(2)}%)`;
    } else {
        p.change.textContent = '';
    }
    p.source.textContent = candle.official ? 'official' : 'live-built';
    p.source.className = `candle-source source-${candle.official ? 'official' : 'live'}`;
    const base = view.slot.classList.contains('hover-ohlc') ? 'ohlc hover-ohlc' : 'ohlc forming-ohlc';
    view.slot.className = `${base} ${candle.c >= candle.o ? 'up' : 'down'}`;
}

export function hide(view) {
    if (view) delete view.legend.dataset.hovering;
}
