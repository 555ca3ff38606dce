// Every candle a chart holds, oldest first, as parallel arrays, and the window of them plotly draws.
// Plotly redraws every point of a trace on any change (tens of microseconds per candle), so a chart
// holding thousands of candles gives plotly only those around the view: the visible ones plus a
// quarter view on either side. Panning within that margin is a relayout; beyond it the window is
// re-sliced (one update with the new arrays). Live updates touch the window only when it holds the
// newest candle.

export const OFFICIAL = 'official';
export const LIVE = 'live';

const UP_VOLUME = 'rgba(38, 166, 154, 0.45)';
const DOWN_VOLUME = 'rgba(239, 83, 80, 0.45)';
const UP_LIVE_VOLUME = 'rgba(38, 166, 154, 0.2)';
const DOWN_LIVE_VOLUME = 'rgba(239, 83, 80, 0.2)';

// Candles drawn beyond each edge of the view, in view widths; the window is re-sliced when the view
// comes closer than EDGE_SLACK view widths to one of its edges, or when it is over MAX_WINDOW views wide.
const MARGIN = 0.25;
const EDGE_SLACK = 0.05;
const MAX_WINDOW = 3;
const MIN_WINDOW_CANDLES = 60;

export function volumeColor(c) {
    return c.official ? (c.c >= c.o ? UP_VOLUME : DOWN_VOLUME) : (c.c >= c.o ? UP_LIVE_VOLUME : DOWN_LIVE_VOLUME);
}

export function toPlotlyDate(ms) {
    return new Date(ms).toISOString().replace('T', ' ').replace('Z', '');
}

/** The series as Plotly.Blazor drew it (three traces, see ChartFigure.cs); the window is all of it. */
export function fromPlot(gd) {
    const live = gd.data[0], volume = gd.data[1], official = gd.data[2];
    const n = live.customdata.length;
    // start/end: the window plotly draws; stale: it must be re-sliced at the next draw.
    const s = { t: live.customdata.slice(), o: [], h: [], l: [], c: [], v: volume.y.slice(), official: [], start: 0, end: n, stale: false };
    for (let i = 0; i < n; i++) {
        const isOfficial = live.text[i] === OFFICIAL;
        const from = isOfficial ? official : live;
        s.o.push(from.open[i]); s.h.push(from.high[i]); s.l.push(from.low[i]); s.c.push(from.close[i]);
        s.official.push(isOfficial);
    }
    return s;
}

export function count(s) { return s.t.length; }

export function candleAt(s, i) {
    return { t: s.t[i], o: s.o[i], h: s.h[i], l: s.l[i], c: s.c[i], v: s.v[i], official: s.official[i] };
}

export function last(s) { return s.t.length ? candleAt(s, s.t.length - 1) : null; }

export function set(s, i, c) {
    s.o[i] = c.o; s.h[i] = c.h; s.l[i] = c.l; s.c[i] = c.c; s.v[i] = c.v; s.official[i] = !!c.official;
}

/** Index of open time t, or -1. */
export function indexOf(s, t) {
    let lo = 0, hi = s.t.length - 1;
    while (lo <= hi) {
        const mid = (lo + hi) >> 1;
        const v = s.t[mid];
        if (v === t) return mid;
        if (v < t) lo = mid + 1; else hi = mid - 1;
    }
    return -1;
}

/** Index of the first open time >= t (count when none). */
export function lowerBound(s, t) {
    let lo = 0, hi = s.t.length;
    while (lo < hi) {
        const mid = (lo + hi) >> 1;
        if (s.t[mid] < t) lo = mid + 1; else hi = mid;
    }
    return lo;
}

/** Inserts candles (ascending, none of them held) at index i; the window's indexes follow. */
export function insert(s, i, candles) {
    const pick = key => candles.map(c => c[key]);
    s.t.splice(i, 0, ...pick('t'));
    s.o.splice(i, 0, ...pick('o')); s.h.splice(i, 0, ...pick('h')); s.l.splice(i, 0, ...pick('l')); s.c.splice(i, 0, ...pick('c'));
    s.v.splice(i, 0, ...pick('v'));
    s.official.splice(i, 0, ...candles.map(c => !!c.official));
    if (i < s.start) { s.start += candles.length; s.end += candles.length; } else if (i < s.end) { s.end += candles.length; }
}

/** Drops n candles from the start or the end; the window shrinks or moves with them. */
export function drop(s, n, fromEnd) {
    if (n <= 0) return;
    for (const key of ['t', 'o', 'h', 'l', 'c', 'v', 'official']) {
        if (fromEnd) s[key].length -= n; else s[key].splice(0, n);
    }
    const size = s.t.length;
    // Candles plotly draws were dropped: its window must be re-sliced before the next draw.
    if (fromEnd ? s.end > size : s.start < n) s.stale = true;
    if (fromEnd) { s.end = Math.min(s.end, size); s.start = Math.min(s.start, s.end); } else { s.start = Math.max(0, s.start - n); s.end = Math.max(s.start, s.end - n); }
}

export function officialCount(s) {
    let n = 0;
    for (const o of s.official) if (o) n++;
    return n;
}

/** [first, last] indexes of the candles whose bodies touch [from, to], or null. */
export function visibleIndexes(s, from, to, intervalMs) {
    const first = lowerBound(s, from - intervalMs / 2);
    const end = lowerBound(s, to + intervalMs / 2);
    return end > first ? [first, end - 1] : null;
}

/** Highest high, lowest low, highest volume and the first close over [first, last]. */
export function extremes(s, first, last) {
    let low = Infinity, high = -Infinity, maxVolume = 0;
    for (let i = first; i <= last; i++) {
        if (s.h[i] > high) high = s.h[i];
        if (s.l[i] < low) low = s.l[i];
        if (s.v[i] > maxVolume) maxVolume = s.v[i];
    }
    return high >= low ? { low, high, maxVolume, firstClose: s.c[first] } : null;
}

/** The window plotly should draw for the view [from, to]: the view plus MARGIN on either side. */
export function windowFor(s, from, to, intervalMs) {
    const span = Math.max(to - from, intervalMs);
    const start = lowerBound(s, from - span * MARGIN);
    const end = lowerBound(s, to + span * MARGIN + intervalMs);
    const wanted = Math.max(MIN_WINDOW_CANDLES, end - start);
    const pad = Math.max(0, Math.floor((wanted - (end - start)) / 2));
    return { start: Math.max(0, start - pad), end: Math.min(s.t.length, end + pad) };
}

/** True when the drawn window no longer covers the view comfortably, or is far wider than it. */
export function needsReslice(s, from, to, intervalMs) {
    const span = Math.max(to - from, intervalMs);
    const n = s.t.length;
    if (s.stale) return true;
    if (!n) return false;
    const windowFrom = s.start < n ? s.t[s.start] : Infinity;
    const windowTo = s.end > 0 ? s.t[s.end - 1] : -Infinity;
    const slack = span * EDGE_SLACK;
    const leftShort = s.start > 0 && from - slack < windowFrom;
    const rightShort = s.end < n && to + slack > windowTo;
    const tooWide = (windowTo - windowFrom) > span * (MAX_WINDOW + 2 * MARGIN) && s.end - s.start > MIN_WINDOW_CANDLES * 2;
    return leftShort || rightShort || tooWide;
}

/** Plotly.update data for drawing candles [start, end) in the three traces (see ChartFigure.cs). */
export function tracesFor(s, start, end) {
    const x = [], t = [], text = [], vy = [], colors = [];
    const live = { open: [], high: [], low: [], close: [] };
    const official = { open: [], high: [], low: [], close: [] };
    for (let i = start; i < end; i++) {
        const c = candleAt(s, i);
        x.push(toPlotlyDate(c.t)); t.push(c.t);
        text.push(c.official ? OFFICIAL : LIVE);
        for (const [key, value] of [['open', c.o], ['high', c.h], ['low', c.l], ['close', c.c]]) {
            live[key].push(c.official ? null : value);
            official[key].push(c.official ? value : null);
        }
        vy.push(c.v); colors.push(volumeColor(c));
    }
    return {
        x: [x, x.slice(), x.slice()], customdata: [t, t.slice(), t.slice()],
        open: [live.open, undefined, official.open], high: [live.high, undefined, official.high],
        low: [live.low, undefined, official.low], close: [live.close, undefined, official.close],
        text: [text, undefined, text.map(() => OFFICIAL)], y: [undefined, vy, undefined], 'marker.color': [undefined, colors, undefined],
    };
}
