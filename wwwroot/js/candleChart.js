// The chart's hot path. Plotly.Blazor draws each series once (PlotlyChart.React with the figure
// built in ChartFigure.cs); after that, every coalesced live update (at most ~10/s) is one small
// call here that patches the candle in the plot's own arrays, and official klines replace drawn
// candles in place. Going through the library for these would send every candle of every trace on
// each update (see docs/benchmarks.md for the measured cost), because plotly's update takes whole
// arrays from the caller.
//
// The figure (see ChartFigure.cs): trace 0 holds live-built candles (light), trace 2 official ones
// (solid); each candle's prices sit in exactly one of them, nulls in the other. Trace 1 is volume.
// Trace 0's customdata has every open time (epoch ms) and its text says "official" or "live" per
// candle. Shape 0 is the last-price line and annotation 0 its label.

const UP = '#26a69a';
const DOWN = '#ef5350';
const UP_VOLUME = 'rgba(38, 166, 154, 0.45)';
const DOWN_VOLUME = 'rgba(239, 83, 80, 0.45)';
const UP_LIVE_VOLUME = 'rgba(38, 166, 154, 0.2)';
const DOWN_LIVE_VOLUME = 'rgba(239, 83, 80, 0.2)';
const OFFICIAL = 'official';
const LIVE = 'live';

// Plot element id -> { decimals, maxCandles }: set once a series is drawn, dropped on forget().
const charts = new Map();
let updatesReceived = 0;
let replacesReceived = 0;

function toPlotlyDate(ms) {
    return new Date(ms).toISOString().replace('T', ' ').replace('Z', '');
}

function candleColor(c) { return c.c >= c.o ? UP : DOWN; }
function volumeColor(c) {
    return c.official ? (c.c >= c.o ? UP_VOLUME : DOWN_VOLUME) : (c.c >= c.o ? UP_LIVE_VOLUME : DOWN_LIVE_VOLUME);
}
function sourceOf(c) { return c.official ? OFFICIAL : LIVE; }
function officialOr(c, value) { return c.official ? value : null; }
function liveOr(c, value) { return c.official ? null : value; }

// Writes candle c at index i of both price traces.
function setPoint(price, official, i, c) {
    price.open[i] = liveOr(c, c.o); price.high[i] = liveOr(c, c.h); price.low[i] = liveOr(c, c.l); price.close[i] = liveOr(c, c.c);
    official.open[i] = officialOr(c, c.o); official.high[i] = officialOr(c, c.h); official.low[i] = officialOr(c, c.l); official.close[i] = officialOr(c, c.c);
    price.text[i] = sourceOf(c);
}

// Exposed on the plot element for people reading the DOM and for browser tests.
function markSources(element, text) {
    let official = 0;
    for (const t of text) { if (t === OFFICIAL) official++; }
    element.dataset.officialCount = String(official);
    element.dataset.lastSource = text.length ? text[text.length - 1] : '';
}

// Index of open time t in the ascending times array, or -1.
function indexOf(times, t) {
    let lo = 0, hi = times.length - 1;
    while (lo <= hi) {
        const mid = (lo + hi) >> 1;
        const v = times[mid];
        if (v === t) return mid;
        if (v < t) lo = mid + 1; else hi = mid - 1;
    }
    return -1;
}

function formatPrice(value, decimals) {
    return Number(value).toLocaleString('en-US', { minimumFractionDigits: decimals, maximumFractionDigits: decimals });
}

function priceLinePatch(candle, decimals) {
    const color = candleColor(candle);
    return {
        'shapes[0].y0': candle.c, 'shapes[0].y1': candle.c, 'shapes[0].line.color': color, 'shapes[0].visible': true,
        'annotations[0].y': candle.c, 'annotations[0].text': formatPrice(candle.c, decimals),
        'annotations[0].bgcolor': color, 'annotations[0].visible': true,
    };
}

// The drawn plot of a tracked chart, or null when it is gone, not drawn, or not ours.
function plotOf(id) {
    const state = charts.get(id);
    const gd = state ? document.getElementById(id) : null;
    return gd && gd.data && gd.data.length >= 3 && gd._fullLayout ? { state, gd } : null;
}

function isDrawn(gd, expected) {
    if (!gd || !gd.data || gd.data.length < 3 || !gd._fullLayout) return false;
    const p = gd.data[0];
    const n = p.customdata ? p.customdata.length : 0;
    return p.name === expected.symbol && n === expected.count && (n === 0 || p.customdata[n - 1] === expected.lastOpenTime);
}

// Resolves true once Plotly.Blazor has drawn the expected series into element `id` (the library
// draws asynchronously: it first loads plotly, then draws, and reports neither), and starts
// tracking it for the hot-path calls below; false after the timeout.
export function whenDrawn(id, expected, options, timeoutMs) {
    const deadline = performance.now() + (timeoutMs ?? 20000);
    return new Promise(resolve => {
        const check = () => {
            const gd = document.getElementById(id);
            if (isDrawn(gd, expected)) {
                charts.set(id, { decimals: options.priceDecimals ?? 2, maxCandles: Math.max(options.maxCandles ?? 1000, expected.count) });
                markSources(gd, gd.data[0].text);
                resolve(true);
            } else if (performance.now() >= deadline) {
                resolve(false);
            } else {
                setTimeout(check, 10); // a timer, not requestAnimationFrame: a background tab must still settle
            }
        };
        check();
    });
}

export async function applyUpdate(id, candle) {
    updatesReceived++;
    const plot = plotOf(id);
    if (!plot) {
        return false; // switched or closing: a late update is harmless
    }
    const { state, gd } = plot;
    const Plotly = window.Plotly;
    const price = gd.data[0];
    const volume = gd.data[1];
    const official = gd.data[2];
    const n = price.customdata.length;
    const lastTime = n ? price.customdata[n - 1] : null;
    const linePatch = priceLinePatch(candle, state.decimals);

    if (n && candle.t === lastTime) {
        // The forming candle changed (the frequent case): patch the last point in place and
        // restyle the traces plus the price line in a single redraw. The official trace and the
        // hover text only change when the candle's source does (almost never here), so they are
        // sent only then: less to diff and recalculate per update.
        const sourceChanged = price.text[n - 1] !== sourceOf(candle);
        setPoint(price, official, n - 1, candle);
        volume.y[n - 1] = candle.v; volume.marker.color[n - 1] = volumeColor(candle);
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
            markSources(gd, price.text);
        }
        await Plotly.update(gd, update, linePatch, traces);
        return true;
    }

    if (n && candle.t < lastTime) {
        return false; // older than what is drawn (the server already filters these)
    }

    // A new candle: extend every trace, dropping the oldest beyond maxCandles.
    const x = toPlotlyDate(candle.t);
    await Plotly.extendTraces(gd, {
        x: [[x], [x]], customdata: [[candle.t], [candle.t]], text: [[sourceOf(candle)], [OFFICIAL]],
        open: [[liveOr(candle, candle.o)], [officialOr(candle, candle.o)]], high: [[liveOr(candle, candle.h)], [officialOr(candle, candle.h)]],
        low: [[liveOr(candle, candle.l)], [officialOr(candle, candle.l)]], close: [[liveOr(candle, candle.c)], [officialOr(candle, candle.c)]],
    }, [0, 2], state.maxCandles);
    await Plotly.extendTraces(gd, { x: [[x]], customdata: [[candle.t]], y: [[candle.v]], 'marker.color': [[volumeColor(candle)]] }, [1], state.maxCandles);
    markSources(gd, gd.data[0].text);
    await Plotly.relayout(gd, linePatch);
    return true;
}

// The exchange's official klines for drawn buckets: each replaces the candle with the same open
// time in place. Open times outside the drawn window are ignored: this never appends. One inside
// the window but missing from it is inserted (a chart loaded just after a bucket closed has a hole
// there until the official kline fills it). The server never sends the forming bucket, so the
// live candle never flickers. One redraw for the whole batch; returns how many were inserted.
export async function replaceCandles(id, candles) {
    replacesReceived++;
    const plot = plotOf(id);
    if (!plot) {
        return 0;
    }
    const { state, gd } = plot;
    const price = gd.data[0];
    const volume = gd.data[1];
    const official = gd.data[2];
    const times = price.customdata;
    let replaced = 0;
    let lastReplaced = null;
    const missing = [];
    for (const c of candles) {
        const i = indexOf(times, c.t);
        if (i < 0) {
            if (times.length && c.t > times[0] && c.t < times[times.length - 1]) {
                missing.push(c);
            }
            continue;
        }
        setPoint(price, official, i, c);
        volume.y[i] = c.v; volume.marker.color[i] = volumeColor(c);
        replaced++;
        if (i === times.length - 1) {
            lastReplaced = c;
        }
    }
    for (const c of missing) {
        // Rare (a bucket or two right after a load), so a plain splice per candle.
        let i = 0;
        while (times[i] < c.t) i++;
        const x = toPlotlyDate(c.t);
        for (const trace of [price, volume, official]) {
            trace.x.splice(i, 0, x);
            trace.customdata.splice(i, 0, c.t);
        }
        for (const key of ['open', 'high', 'low', 'close']) {
            price[key].splice(i, 0, null);
            official[key].splice(i, 0, null);
        }
        price.text.splice(i, 0, '');
        official.text.splice(i, 0, OFFICIAL);
        volume.y.splice(i, 0, c.v);
        volume.marker.color.splice(i, 0, volumeColor(c));
        setPoint(price, official, i, c);
    }
    if (!replaced && !missing.length) {
        return 0;
    }
    markSources(gd, price.text);
    // The newest drawn candle became official (its bucket closed before the next one was drawn):
    // the price line follows its official close.
    const layoutPatch = lastReplaced ? priceLinePatch(lastReplaced, state.decimals) : {};
    await window.Plotly.update(gd, {
        open: [price.open, undefined, official.open], high: [price.high, undefined, official.high],
        low: [price.low, undefined, official.low], close: [price.close, undefined, official.close],
        text: [price.text, undefined, missing.length ? official.text : undefined],
        y: [undefined, volume.y, undefined], 'marker.color': [undefined, volume.marker.color, undefined],
        ...(missing.length ? {
            x: [price.x, volume.x, official.x],
            customdata: [price.customdata, volume.customdata, official.customdata],
        } : {}),
    }, layoutPatch, [0, 1, 2]);
    return missing.length;
}

// Stops tracking a chart (its series was switched away from, or its component is going).
export function forget(id) {
    charts.delete(id);
}

// For diagnostics and browser tests: charts tracked by this page, live updates and official
// replacement batches received so far.
export function stats() { return { charts: charts.size, updates: updatesReceived, replaces: replacesReceived }; }
