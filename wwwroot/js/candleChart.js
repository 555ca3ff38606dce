// Candlestick + volume chart drawn by plotly.js (global `Plotly`, loaded from lib/plotly by App.razor).
// Blazor calls create once per series, then applyUpdate for every coalesced candle update
// (at most ~10/s), and dispose when the series changes or the circuit ends. Only the changed
// candle crosses the interop boundary: the series itself stays here, in the plot's own arrays.

const UP = '#26a69a';
const DOWN = '#ef5350';
const UP_VOLUME = 'rgba(38, 166, 154, 0.45)';
const DOWN_VOLUME = 'rgba(239, 83, 80, 0.45)';
const GRID = '#1e2533';
const TEXT = '#8b95a7';
const BACKGROUND = '#0d1117';

// handle id -> { element, options, disposed }. A numeric handle keeps the .NET side simple and
// lets a late update for a disposed chart be recognised and dropped.
const charts = new Map();
let nextHandle = 1;
let updatesReceived = 0;

// Plotly 4 no longer reads epoch numbers as dates on a date axis, so x carries UTC date strings
// and the exact open times (epoch ms) ride along in customdata, where updates compare them.
function toPlotlyDate(ms) {
    return new Date(ms).toISOString().replace('T', ' ').replace('Z', '');
}

function candleColor(c) { return c.c >= c.o ? UP : DOWN; }
function volumeColor(c) { return c.c >= c.o ? UP_VOLUME : DOWN_VOLUME; }
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

    const price = {
        type: 'candlestick', name: options.symbol, xaxis: 'x', yaxis: 'y',
        x, customdata: times, open: candles.map(c => c.o), high: candles.map(c => c.h), low: candles.map(c => c.l), close: candles.map(c => c.c),
        increasing: { line: { color: UP, width: 1 }, fillcolor: UP },
        decreasing: { line: { color: DOWN, width: 1 }, fillcolor: DOWN },
        whiskerwidth: 0, hoverlabel: { bgcolor: '#161b26', bordercolor: '#2a3142', font: { color: '#e6edf3' } },
    };
    const volume = {
        type: 'bar', name: 'Volume', xaxis: 'x', yaxis: 'y2',
        x: x.slice(), customdata: times.slice(), y: candles.map(c => c.v), marker: { color: candles.map(volumeColor) },
        hovertemplate: 'Vol %{y:,.4s}<extra></extra>',
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
    state.ready = Plotly.newPlot(element, [price, volume], layout, config);
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
    if (state.disposed || !gd.data || gd.data.length < 2) {
        return false; // disposed while waiting for the first draw
    }
    const price = gd.data[0];
    const volume = gd.data[1];
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
        // restyle both traces plus the price line in a single redraw.
        price.open[n - 1] = candle.o; price.high[n - 1] = candle.h; price.low[n - 1] = candle.l; price.close[n - 1] = candle.c;
        volume.y[n - 1] = candle.v; volume.marker.color[n - 1] = volumeColor(candle);
        await Plotly.update(gd, {
            open: [price.open, undefined], high: [price.high, undefined], low: [price.low, undefined], close: [price.close, undefined],
            y: [undefined, volume.y], 'marker.color': [undefined, volume.marker.color],
        }, linePatch, [0, 1]);
        return true;
    }

    if (n && candle.t < lastTime) {
        return false; // older than what is drawn (the server already filters these; belt and braces)
    }

    // A new candle: extend both traces, dropping the oldest beyond maxCandles.
    const x = toPlotlyDate(candle.t);
    await Plotly.extendTraces(gd, { x: [[x]], customdata: [[candle.t]], open: [[candle.o]], high: [[candle.h]], low: [[candle.l]], close: [[candle.c]] }, [0], state.maxCandles);
    await Plotly.extendTraces(gd, { x: [[x]], customdata: [[candle.t]], y: [[candle.v]], 'marker.color': [[volumeColor(candle)]] }, [1], state.maxCandles);
    await Plotly.relayout(gd, linePatch);
    return true;
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

// For diagnostics and browser tests: charts held by this page and live updates received so far.
export function stats() { return { charts: charts.size, updates: updatesReceived }; }
