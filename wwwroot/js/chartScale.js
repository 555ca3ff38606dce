// The price and volume axes: what range fits the candles in view, and what the labels say.
// Plotly autoranges over all data, not the visible part, and its SI format writes 0.5 as "500m";
// a trader expects the price axis to hug the candles on screen and volumes in plain units.

export const LINEAR = 'linear';
export const LOG = 'log';
export const PERCENT = 'percent';
export const SCALES = [LINEAR, LOG, PERCENT];

// Fraction of the visible high-low span left free above and below the candles.
const PRICE_MARGIN = 0.08;
const VOLUME_HEADROOM = 1.15;

/** The y range (in the axis' own units) that shows [low, high] with a margin. */
export function priceRange(low, high, scale) {
    if (scale === LOG && low > 0) {
        const lo = Math.log10(low), hi = Math.log10(high);
        const pad = Math.max((hi - lo) * PRICE_MARGIN, 1e-5);
        return [lo - pad, hi + pad];
    }
    const pad = Math.max((high - low) * PRICE_MARGIN, Math.abs(high) * 1e-4, 1e-12);
    return [low - pad, high + pad];
}

/** A "nice" step (1, 2, 2.5 or 5 times a power of ten) near span / count. */
export function niceStep(span, count) {
    const raw = span / Math.max(1, count);
    const power = Math.pow(10, Math.floor(Math.log10(raw)));
    const fraction = raw / power;
    const nice = fraction <= 1 ? 1 : fraction <= 2 ? 2 : fraction <= 2.5 ? 2.5 : fraction <= 5 ? 5 : 10;
    return nice * power;
}

/**
 * Percent-scale labels: the axis stays in prices (so candles, the price line and hover stay exact)
 * and its ticks are placed at round percentages from `base` (the first visible candle's close).
 */
export function percentTicks(base, range, heightPx) {
    const [lo, hi] = range;
    const loPct = (lo / base - 1) * 100, hiPct = (hi / base - 1) * 100;
    const step = niceStep(hiPct - loPct, Math.max(2, Math.floor(heightPx / 50)));
    const values = [], labels = [];
    for (let p = Math.ceil(loPct / step) * step; p <= hiPct; p += step) {
        const rounded = Math.round(p * 1e6) / 1e6;
        values.push(base * (1 + rounded / 100));
        labels.push(`${rounded > 0 ? '+' : ''}${formatNumber(rounded, step < 1 ? 2 : 0)}%`);
    }
    return { values, labels };
}

function formatNumber(value, decimals) {
    return value.toLocaleString('en-US', { minimumFractionDigits: decimals, maximumFractionDigits: decimals });
}

/** Volume in plain units: 0.5, 12.3, 1.2K, 3.4M, 5.6B (never SI's "500m" for half a coin). */
export function formatVolume(v) {
    const a = Math.abs(v);
    const trim = (x, d) => String(Number(x.toFixed(d)));
    if (a >= 1e9) return trim(v / 1e9, 2) + 'B';
    if (a >= 1e6) return trim(v / 1e6, 2) + 'M';
    if (a >= 1e3) return trim(v / 1e3, 2) + 'K';
    if (a >= 1) return trim(v, 2);
    return a === 0 ? '0' : trim(v, 4);
}

/** Two or three volume ticks from 0 to `max`, labelled in plain units. */
export function volumeTicks(max) {
    if (!(max > 0)) return { values: [0], labels: ['0'] };
    const step = niceStep(max, 2);
    const values = [], labels = [];
    for (let v = step; v <= max * 1.0001; v += step) {
        values.push(v);
        labels.push(formatVolume(v));
    }
    return { values, labels };
}

export function volumeRange(maxVolume) {
    return [0, maxVolume > 0 ? maxVolume * VOLUME_HEADROOM : 1];
}

export function formatPrice(value, decimals) {
    return Number(value).toLocaleString('en-US', { minimumFractionDigits: decimals, maximumFractionDigits: decimals });
}
