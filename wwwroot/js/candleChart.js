// Candlestick + volume chart drawn by plotly.js (global `Plotly`, loaded from lib/plotly by App.razor).
// Blazor calls create once per series, then applyUpdate for every coalesced candle update
// (at most ~10/s), replaceCandles when the exchange's official klines for drawn buckets are
// committed, and dispose when the series changes or the circuit ends. Only the changed candles
// cross the interop boundary: the series itself stays here, in the plot's own arrays.
//
// Official vs live-built: plotly styles a candlestick trace as a whole (no per-point colours), so
// trace 0 draws the live-built candles light (translucent body, full-colour outline) and trace 2
// ("official") draws the official closed ones solid. Each candle's prices sit in exactly one of
// the two; the other holds nulls there, which plotly skips — so a redraw costs what one trace of
// all candles costs (every data change makes plotly recalculate and redraw every trace). Both
// traces keep the same x and length, so a new candle extends them together and the maxCandles
// window trims them alike. Trace 0's customdata has every open time and its `text` says
// "official" / "live" per candle (hover label, and what tests read).

const UP = '#26a69a';
const DOWN = '#ef5350';
const UP_LIVE_FILL = 'rgba(38, 166, 154, 0.28)';
const DOWN_LIVE_FILL = 'rgba(239, 83, 80, 0.28)';
const UP_VOLUME = 'rgba(38, 166, 154, 0.45)';
const DOWN_VOLUME = 'rgba(239, 83, 80, 0.45)';
const UP_LIVE_VOLUME = 'rgba(38, 166, 154, 0.2)';
const DOWN_LIVE_VOLUME = 'rgba(239, 83, 80, 0.2)';
const OFFICIAL = 'official';
const LIVE = 'live';
const GRID = '#1e2533';
const TEXT = '#8b95a7';
const BACKGROUND = '#0d1117';

// handle id -> { element, options, disposed }. A numeric handle keeps the .NET side simple and
// lets a late update for a disposed chart be recognised and dropped.
const charts = new Map();
let nextHandle = 1;
let updatesReceived = 0;
let replacesReceived = 0;

// Plotly 4 no longer reads epoch numbers as dates on a date axis, so x carries UTC date strings
// and the exact open times (epoch ms) ride along in customdata, where updates compare them.
function toPlotlyDate(ms) {
    return new Date(ms).toISOString().replace('T', ' ').replace('Z', '');
}

function candleColor(c) { return c.c >= c.o ? UP : DOWN; }
function volumeColor(c) {
    return c.official ? (c.c >= c.o ? UP_VOLUME : DOWN_VOLUME) : (c.c >= c.o ? UP_LIVE_VOLUME : DOWN_LIVE_VOLUME);
}
function sourceOf(c) { return c.official ? OFFICIAL : LIVE; }
// A candle's value in the official trace (2) and the live trace (0): null where not drawn.
function officialOr(c, value) { return c.official ? value : null; }
function liveOr(c, value) { return c.official ? null : value; }

// Writes candle c at index i of both price traces.
function setPoint(price, official, i, c) {
    price.open[i] = liveOr(c, c.o); price.high[i] = liveOr(c, c.h); price.low[i] = liveOr(c, c.l); price.close[i] = liveOr(c, c.c);
    official.open[i] = officialOr(c, c.o); official.high[i] = officialOr(c, c.h); official.low[i] = officialOr(c, c.l); official.close[i] = officialOr(c, c.c);
    price.text[i] = sourceOf(c);
}

// Exposed on the chart element for people reading the DOM and for browser tests.
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

function priceLineLayout(last, decimals) {
    const color = last ? candleColor(last) : TEXT;
    const y = last ? last.c : 0;
    return {
        shapes: [{
            type: 'line', xref: 'paper', x0: 0, x1: 1, yref: 'y', y0: y, y1: y,
            line: { color, width: 1, dash: 'dot' }, visible: !!last,
        }],
        annotations: [{
            xref: 'paper', x: 1, xanchor: 'left', yref: 'y', y, showarrow: false,
            text: last ? formatPrice(last.c, decimals) : '', font: { color: '#ffffff', size: 11 },
            bgcolor: color, borderpad: 3, visible: !!last,
        }],
    };
}

export function create(element, candles, options) {
    const Plotly = window.Plotly;
    if (!Plotly) {
        throw new Error('plotly.js is not loaded (lib/plotly/plotly-finance.min.js); rebuild the web project.');
    }

    const decimals = options.priceDecimals ?? 2;
    const x = candles.map(c => toPlotlyDate(c.t));
    const times = candles.map(c => c.t);
    const last = candles.length ? candles[candles.length - 1] : null;
    const priceLine = priceLineLayout(last, decimals);

    const text = candles.map(sourceOf);
    const price = {
        type: 'candlestick', name: options.symbol, xaxis: 'x', yaxis: 'y',
        x, customdata: times, open: candles.map(c => liveOr(c, c.o)), high: candles.map(c => liveOr(c, c.h)),
        low: candles.map(c => liveOr(c, c.l)), close: candles.map(c => liveOr(c, c.c)),
        text, hoverinfo: 'x+y+text',
        increasing: { line: { color: UP, width: 1 }, fillcolor: UP_LIVE_FILL },
        decreasing: { line: { color: DOWN, width: 1 }, fillcolor: DOWN_LIVE_FILL },
        whiskerwidth: 0, hoverlabel: { bgcolor: '#161b26', bordercolor: '#2a3142', font: { color: '#e6edf3' } },
    };
    const volume = {
        type: 'bar', name: 'Volume', xaxis: 'x', yaxis: 'y2',
        x: x.slice(), customdata: times.slice(), y: candles.map(c => c.v), marker: { color: candles.map(volumeColor) },
        hovertemplate: 'Vol %{y:,.4s}<extra></extra>',
    };
    const official = {
        type: 'candlestick', name: 'official', xaxis: 'x', yaxis: 'y', hoverinfo: 'x+y+text',
        x: x.slice(), customdata: times.slice(), text: candles.map(() => OFFICIAL), open: candles.map(c => officialOr(c, c.o)), high: candles.map(c => officialOr(c, c.h)),
        low: candles.map(c => officialOr(c, c.l)), close: candles.map(c => officialOr(c, c.c)),
        increasing: { line: { color: UP, width: 1 }, fillcolor: UP },
        decreasing: { line: { color: DOWN, width: 1 }, fillcolor: DOWN },
        whiskerwidth: 0, hoverlabel: { bgcolor: '#161b26', bordercolor: '#2a3142', font: { color: '#e6edf3' } },
    };
    const layout = {
        paper_bgcolor: BACKGROUND, plot_bgcolor: BACKGROUND,
        font: { color: TEXT, family: 'Inter, "Segoe UI", system-ui, sans-serif', size: 11 },
        margin: { l: 8, r: 78, t: 8, b: 40 },
        showlegend: false, dragmode: 'pan', hovermode: 'x', bargap: 0.15,
        xaxis: {
            type: 'date', anchor: 'y2', rangeslider: { visible: false }, gridcolor: GRID, linecolor: GRID, zeroline: false,
            showspikes: true, spikemode: 'across', spikesnap: 'cursor', spikecolor: '#4b5563', spikethickness: 1, spikedash: 'dot',
        },
        yaxis: {
            domain: [0.24, 1], side: 'right', gridcolor: GRID, linecolor: GRID, zeroline: false,
            tickformat: `,.${decimals}f`, hoverformat: `,.${decimals}f`, fixedrange: false,
            showspikes: true, spikemode: 'across', spikesnap: 'cursor', spikecolor: '#4b5563', spikethickness: 1, spikedash: 'dot',
        },
        yaxis2: { domain: [0, 0.2], side: 'right', gridcolor: GRID, zeroline: false, tickformat: '.2s', fixedrange: true },
        ...priceLine,
    };
    const config = { responsive: true, displaylogo: false, scrollZoom: true, modeBarButtonsToRemove: ['lasso2d', 'select2d', 'autoScale2d'] };

    const handle = nextHandle++;
    const state = { element, options, decimals, maxCandles: Math.max(options.maxCandles ?? 1000, candles.length), disposed: false };
    charts.set(handle, state);
    // newPlot is asynchronous; remember the promise so an update never races the first draw.
    markSources(element, text);
    state.ready = Plotly.newPlot(element, [price, volume, official], layout, config);
    return state.ready.then(() => handle);
}

export async function applyUpdate(handle, candle) {
    updatesReceived++;
    const state = charts.get(handle);
    if (!state || state.disposed) {
        return false; // the series was switched or the page is closing: a late update is harmless
    }
    await state.ready;
    const Plotly = window.Plotly;
    const gd = state.element;
    if (state.disposed || !gd.data || gd.data.length < 3) {
        return false; // disposed while waiting for the first draw
    }
    const price = gd.data[0];
    const volume = gd.data[1];
    const official = gd.data[2];
    const n = price.customdata.length;
    const lastTime = n ? price.customdata[n - 1] : null;
    const priceLine = priceLineLayout(candle, state.decimals);
    const linePatch = {
        'shapes[0].y0': candle.c, 'shapes[0].y1': candle.c, 'shapes[0].line.color': priceLine.shapes[0].line.color, 'shapes[0].visible': true,
        'annotations[0].y': candle.c, 'annotations[0].text': priceLine.annotations[0].text,
        'annotations[0].bgcolor': priceLine.annotations[0].bgcolor, 'annotations[0].visible': true,
    };

    if (n && candle.t === lastTime) {
        // The forming candle changed (the frequent case): patch the last point in place and
        // restyle the traces plus the price line in a single redraw. The official overlay and the
        // hover text only change when the candle's source does (almost never for this path), so
        // they are sent only then: less to diff and recalculate per update.
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
        return false; // older than what is drawn (the server already filters these; belt and braces)
    }

    // A new candle: extend both traces, dropping the oldest beyond maxCandles.
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
// time in place. Open times outside the drawn window (older than it, or not plotted yet) are
// ignored — this never appends. One inside the window but missing from it is inserted: a chart
// loaded just after a bucket closed gets history up to the previous bucket plus the forming one,
// and the official kline is what fills that hole. The server only sends closed official candles
// that are not the forming bucket, so the live candle never flickers. One redraw for the whole
// batch. Returns how many candles were inserted (the server's candle count follows).
export async function replaceCandles(handle, candles) {
    replacesReceived++;
    const state = charts.get(handle);
    if (!state || state.disposed) {
        return 0;
    }
    await state.ready;
    const gd = state.element;
    if (state.disposed || !gd.data || gd.data.length < 3) {
        return 0;
    }
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
        // Rare (at most a bucket or two right after a load), so a plain splice per candle.
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
    let layoutPatch = {};
    if (lastReplaced) {
        // The newest drawn candle became official (its bucket closed before the next one was
        // drawn): the price line follows its official close.
        const line = priceLineLayout(lastReplaced, state.decimals);
        layoutPatch = {
            'shapes[0].y0': lastReplaced.c, 'shapes[0].y1': lastReplaced.c, 'shapes[0].line.color': line.shapes[0].line.color,
            'annotations[0].y': lastReplaced.c, 'annotations[0].text': line.annotations[0].text, 'annotations[0].bgcolor': line.annotations[0].bgcolor,
        };
    }
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

export function dispose(handle) {
    const state = charts.get(handle);
    if (!state) {
        return;
    }
    state.disposed = true;
    charts.delete(handle);
    window.Plotly?.purge(state.element);
}

// For diagnostics and browser tests: charts held by this page, live updates and official
// replacement batches received so far.
export function stats() { return { charts: charts.size, updates: updatesReceived, replaces: replacesReceived }; }
