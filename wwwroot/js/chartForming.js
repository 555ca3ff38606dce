// The forming candle between plotly's redraws.
//
// A plotly redraw of a chart costs about 30 ms on this machine (every trace, axis and pane is drawn
// again), and a page of four charts at 10 live updates a second cannot afford one per update (see
// docs/benchmarks.md, "Layouts"). Within a bucket only the newest candle, its volume bar and the
// indicators' newest points move, and plotly draws each of those as an element of its own: one path
// per candle and per bar, and a line's last vertex. This module edits those elements in place, in the
// coordinates plotly drew them in, so a live update costs a few attribute writes instead of a redraw.
//
// It only ever changes what plotly would draw from the same arrays, and the next plotly draw of any
// kind (a new candle, a relayout, a resize) rebuilds the elements from those arrays, so both ways show
// the same picture. Whatever it cannot express it refuses, and the caller redraws with plotly: the
// newest candle is not the one plotly drew or its source changed (REDRAW), or a value left its axis's
// range (REFIT: the axis must grow first). Coordinates are read from plotly's drawn path text, whose shape is fixed
// by its box, bar and line drawing (checked: a path it cannot read is refused, not guessed).

export const PATCHED = 'patched';
export const REDRAW = 'redraw';
export const REFIT = 'refit';

const NUMBER = /-?\d+(?:\.\d+)?(?:e-?\d+)?/g;

function numbers(d) {
    return d ? (d.match(NUMBER) ?? []).map(Number) : [];
}

function round(v) { return Math.round(v * 100) / 100; }

// The drawn groups of the main subplots, by trace index (the range slider's copies are not drawn here).
function traceGroups(gd) {
    const groups = new Map();
    for (const g of gd.querySelectorAll('.cartesianlayer g.trace')) {
        const cd = g.__data__;
        const trace = cd && cd[0] && cd[0].trace;
        if (trace && !groups.has(trace.index)) groups.set(trace.index, g);
    }
    return groups;
}

function axisOf(gd, traceIndex) {
    const full = gd._fullData[traceIndex];
    const name = full && full.yaxis ? full.yaxis : 'y';
    return gd._fullLayout[name === 'y' ? 'yaxis' : `yaxis${name.slice(1)}`];
}

// Within the axis's current range (a log axis keeps its range in powers of ten).
function inRange(axis, v) {
    const l = axis.c2l(v);
    const [a, b] = axis.range;
    return Number.isFinite(l) && l >= Math.min(a, b) && l <= Math.max(a, b);
}

// A candle drawn by plotly's box drawing, whiskers without caps:
//   M x0,med H x1  M x0,q1 H x1 V q3 H x0 Z  M xc,q1 V low  M xc,q3 V high
// (q1 and q3 the body's ends, med the hidden median line at the close, kept inside the body: medianLine).
function candlePath(path, axis, c) {
    const n = numbers(path.getAttribute('d'));
    if (n.length !== 14) return null;
    const [x0, , x1] = n, xc = n[8];
    const open = axis.c2p(c.o), close = axis.c2p(c.c);
    const bottom = axis.c2p(Math.min(c.o, c.c)), top = axis.c2p(Math.max(c.o, c.c));
    const med = medianLine(close, bottom, top);
    const lo = axis.c2p(c.l), hi = axis.c2p(c.h);
    if (![open, close, lo, hi].every(Number.isFinite)) return null;
    return `M${x0},${round(med)}H${x1}M${x0},${round(bottom)}H${x1}V${round(top)}H${x0}Z`
        + `M${xc},${round(bottom)}V${round(lo)}M${xc},${round(top)}V${round(hi)}`;
}

// plotly keeps a box's (here hidden) median line, at the close, off the body's ends: one pixel inside
// them, and for a body under two pixels high, where those bounds cross, its Lib.constrain with the
// bounds swapped (traces/box/plot.js). Matched exactly, or a small body would be drawn a pixel off.
function medianLine(close, q1, q3) {
    const lo = Math.min(q1, q3) + 1, hi = Math.max(q1, q3) - 1;
    return lo > hi ? Math.max(hi, Math.min(lo, close)) : Math.max(lo, Math.min(hi, close));
}

// A bar: M x0,base V top H x1 V base Z.
function barPath(path, axis, value) {
    const n = numbers(path.getAttribute('d'));
    if (n.length !== 5) return null;
    const [x0, base, , x1] = n;
    const top = axis.c2p(value);
    return Number.isFinite(top) ? `M${x0},${base}V${round(top)}H${x1}V${base}Z` : null;
}

function lastVertex(d) {
    const at = d ? Math.max(d.lastIndexOf('L'), d.lastIndexOf('M')) : -1;
    return at < 0 ? null : { at, x: numbers(d.slice(at))[0] };
}

function endsAt(path, x) {
    const v = lastVertex(path.getAttribute('d'));
    return !!v && Math.abs(v.x - x) < 0.5;
}

// A line whose last vertex is at x: that vertex moved to y (indicator lines are drawn unsimplified,
// so the vertex before it is the previous candle's value).
function linePath(path, x, y) {
    const d = path.getAttribute('d');
    const v = lastVertex(d);
    return v && Math.abs(v.x - x) < 0.5 ? `${d.slice(0, v.at + 1)}${v.x},${round(y)}` : null;
}

function paint(path, fill, stroke) {
    path.style.fill = fill;
    path.style.fillOpacity = '1';
    if (stroke) {
        path.style.stroke = stroke;
        path.style.strokeOpacity = '1';
    }
}

/**
 * Shows live candle `c` (the newest, at index `w` of plotly's window, drawn live-built) and the
 * indicators' values for it by editing plotly's drawn elements. `lines` lists the indicator traces as
 * { trace, value } (value null: that output has none yet). Returns PATCHED, or (having changed
 * nothing) REFIT or REDRAW when plotly must draw instead.
 */
export function patchForming(gd, w, c, volumeFill, lines) {
    if (!gd._fullLayout || !gd._fullData || c.official) return REDRAW;
    const priceAxis = axisOf(gd, 0), volumeAxis = axisOf(gd, 1);
    if (!inRange(priceAxis, c.h) || !inRange(priceAxis, c.l) || !inRange(volumeAxis, c.v)) return REFIT;
    for (const { trace, value } of lines) {
        const axis = axisOf(gd, trace);
        if (!axis) return REDRAW;
        if (value !== null && value !== undefined && !inRange(axis, value)) return REFIT;
    }
    return editElements(gd, w, c, volumeFill, lines) ? PATCHED : REDRAW;
}

function editElements(gd, w, c, volumeFill, lines) {
    const groups = traceGroups(gd);
    const edits = [];

    const priceAxis = axisOf(gd, 0);
    const candle = groups.get(0) && groups.get(0).querySelectorAll('path.box')[w];
    if (!candle || !candle.__data__ || candle.__data__.i !== w) return false;
    const candleD = candlePath(candle, priceAxis, c);
    if (!candleD) return false;
    const style = gd._fullData[0][c.c >= c.o ? 'increasing' : 'decreasing'];
    edits.push(() => { candle.setAttribute('d', candleD); paint(candle, style.fillcolor, style.line.color); });
    const xc = numbers(candleD)[8];

    const volumeAxis = axisOf(gd, 1);
    const bar = groups.get(1) && groups.get(1).querySelectorAll('g.point > path')[w];
    if (!bar) return false;
    const barD = barPath(bar, volumeAxis, c.v);
    if (!barD) return false;
    edits.push(() => { bar.setAttribute('d', barD); paint(bar, volumeFill); });

    for (const { trace, value } of lines) {
        const axis = axisOf(gd, trace);
        const group = groups.get(trace);
        if (!group) return false;
        const none = value === null || value === undefined;
        if (gd._fullData[trace].type === 'bar') {
            const path = group.querySelectorAll('g.point > path')[w];
            if (!path) return false;
            if (none) {
                if (numbers(path.getAttribute('d')).length === 5) return false; // drawn with a value it lost
                continue;
            }
            const d = barPath(path, axis, value);
            if (!d) return false;
            edits.push(() => path.setAttribute('d', d));
        } else {
            const path = group.querySelector('path.js-line');
            if (none) {
                if (path && endsAt(path, xc)) return false;
                continue; // no value yet: plotly draws nothing there either
            }
            const d = path && linePath(path, xc, axis.c2p(value));
            if (!d) return false;
            edits.push(() => path.setAttribute('d', d));
        }
    }
    for (const edit of edits) edit();
    return true;
}

// --- The last-price line and its label (layout shape 0 and annotation 0), edited the same way. ---
//
// plotly redraws the whole figure for any change of a shape's or an annotation's position or text
// (measured with plotly 4.1: about 20 ms each), and the label's countdown changes every second. The line
// is one path in paper coordinates; the label a group holding a background rectangle and one text line
// per row (price, countdown), placed by a translate. The layout objects are changed with them, so
// plotly's next draw (which reads them) draws the same.

const LAYOUT_KEYS = new Set([
    'shapes[0].y0', 'shapes[0].y1', 'shapes[0].line.color', 'shapes[0].visible',
    'annotations[0].y', 'annotations[0].text', 'annotations[0].bgcolor', 'annotations[0].visible',
]);

function translateOf(el) {
    const m = /translate\(\s*(-?[\d.]+)[ ,]+(-?[\d.]+)\s*\)/.exec(el.getAttribute('transform') ?? '');
    return m ? [Number(m[1]), Number(m[2])] : null;
}

/**
 * Applies a relayout `patch` of the price line and its label in place; false (nothing changed) when
 * the patch holds other keys or the drawn elements cannot take it (hidden, or a label whose text
 * changes length: its box would have to be measured again).
 */
export function patchPriceLine(gd, patch) {
    const layout = gd.layout, full = gd._fullLayout;
    if (!full || !layout.shapes || !layout.annotations || !full.shapes || !full.annotations) return false;
    if (Object.keys(patch).some(k => !LAYOUT_KEYS.has(k))) return false;
    if (patch['shapes[0].visible'] === false || patch['annotations[0].visible'] === false || !full.shapes[0].visible || !full.annotations[0].visible) return false;
    const shapes = gd.querySelectorAll('.shapelayer path[data-index="0"]');
    const label = gd.querySelector('g.annotation[data-index="0"]');
    const rotated = label && label.querySelector('.annotation-text-g');
    const box = label && label.querySelector('g.cursor-pointer');
    const rect = box && box.querySelector('rect.bg');
    const text = box && box.querySelector('text.annotation-text');
    if (shapes.length !== 1 || !rotated || !box || !rect || !text) return false;
    const rows = [...text.querySelectorAll('tspan.line')];

    const edits = [];
    if ('shapes[0].y0' in patch) {
        const axis = full.yaxis;
        const y = round(axis._offset + axis.c2p(patch['shapes[0].y0']));
        const line = numbers(shapes[0].getAttribute('d'));
        const at = numbers(rotated.getAttribute('transform'));
        const placed = translateOf(box);
        if (!Number.isFinite(y) || line.length !== 4 || at.length !== 3 || !placed) return false;
        edits.push(() => {
            shapes[0].setAttribute('d', `M${line[0]},${y}L${line[2]},${y}`);
            rotated.setAttribute('transform', `rotate(${at[0]},${at[1]},${y})`);
            box.setAttribute('transform', `translate(${placed[0]},${round(placed[1] + y - at[2])})`);
        });
    }
    if ('annotations[0].text' in patch) {
        const parts = String(patch['annotations[0].text']).split('<br>');
        if (parts.length !== rows.length || parts.some((p, i) => p.length !== rows[i].textContent.length)) return false;
        edits.push(() => {
            parts.forEach((p, i) => { rows[i].textContent = p; });
            text.setAttribute('data-unformatted', patch['annotations[0].text']);
        });
    }
    if ('shapes[0].line.color' in patch) edits.push(() => { shapes[0].style.stroke = patch['shapes[0].line.color']; });
    if ('annotations[0].bgcolor' in patch) edits.push(() => { rect.style.fill = patch['annotations[0].bgcolor']; });

    for (const edit of edits) edit();
    for (const target of [layout, full]) {
        const shape = target.shapes[0], note = target.annotations[0];
        if ('shapes[0].y0' in patch) { shape.y0 = patch['shapes[0].y0']; shape.y1 = patch['shapes[0].y1'] ?? shape.y1; }
        if ('shapes[0].line.color' in patch) (shape.line ??= {}).color = patch['shapes[0].line.color'];
        if ('annotations[0].y' in patch) note.y = patch['annotations[0].y'];
        if ('annotations[0].text' in patch) note.text = patch['annotations[0].text'];
        if ('annotations[0].bgcolor' in patch) note.bgcolor = patch['annotations[0].bgcolor'];
    }
    return true;
}
