// The legend line under the crosshair: time (in the chosen zone), O H L C, volume, change against
// the previous close, whether the candle is the exchange's official kline or built live, and for an
// official one this server also built live, how the two compared ("live = official" or the differences).
// It is filled here, on the browser's hover events, because a round trip to the server per mouse
// move would lag. Without a crosshair the server-rendered readout of the forming candle shows
// (the legend element's data-hovering attribute switches between the two in CSS).

import { formatTime } from './chartTime.js';
import { formatPrice, formatVolume } from './chartScale.js';
import { candleAt } from './chartSeries.js';

/** The hover readout's elements, created once inside the legend's empty slot. */
export function createLegend(gd) {
    const card = gd.closest('.chart-card');
    const legend = card && card.querySelector('[data-testid=chart-legend]');
    const slot = card && card.querySelector('[data-testid=hover-legend]');
    if (!legend || !slot) return null;
    slot.replaceChildren();
    const parts = {};
    const label = (text, name) => {
        const wrap = document.createElement('span');
        if (text) wrap.append(`${text} `);
        const b = document.createElement('b');
        b.dataset.field = name;
        wrap.append(b);
        slot.append(wrap);
        parts[name] = b;
    };
    label('', 'time');
    label('O', 'open'); label('H', 'high'); label('L', 'low'); label('C', 'close');
    label('Vol', 'volume'); label('', 'change'); label('', 'source'); label('', 'delta');
    return { legend, slot, parts };
}

/** Shows held candle i (an index into state.series, not into plotly's window). */
export function showCandle(view, state, i) {
    if (!view || i < 0 || i >= state.series.t.length) return;
    const candle = candleAt(state.series, i);
    const previous = i > 0 ? candleAt(state.series, i - 1) : null;
    const d = state.decimals;
    const p = view.parts;
    p.time.textContent = formatTime(state.zone, candle.t, state.intervalMs);
    p.open.textContent = formatPrice(candle.o, d);
    p.high.textContent = formatPrice(candle.h, d);
    p.low.textContent = formatPrice(candle.l, d);
    p.close.textContent = formatPrice(candle.c, d);
    p.volume.textContent = formatVolume(candle.v);
    if (previous) {
        const diff = candle.c - previous.c;
        const pct = previous.c ? (diff / previous.c) * 100 : 0;
        const sign = diff > 0 ? '+' : diff < 0 ? '−' : '';
        p.change.textContent = `${sign}${formatPrice(Math.abs(diff), d)} (${sign}${Math.abs(pct).toFixed(2)}%)`;
    } else {
        p.change.textContent = '';
    }
    p.source.textContent = candle.official ? 'official' : 'live-built';
    p.source.className = `candle-source source-${candle.official ? 'official' : 'live'}`;
    // How the live-built candle compared with this official one, when this server built it live.
    const delta = candle.official && state.liveDeltas ? state.liveDeltas.get(candle.t) : null;
    p.delta.textContent = delta ? delta.text : '';
    p.delta.className = delta ? `live-delta ${delta.matched ? 'matched' : 'differed'}` : '';
    view.slot.className = `ohlc hover-ohlc ${candle.c >= candle.o ? 'up' : 'down'}`;
    view.slot.dataset.openTime = String(candle.t);
    view.slot.dataset.source = candle.official ? 'official' : 'live';
    view.legend.dataset.hovering = 'true';
}

export function hide(view) {
    if (view) delete view.legend.dataset.hovering;
}
