// Time on the chart's axis and in its legend, in the zone the trader chose. Candles stay on the
// exchange's UTC grid and plotly's date axis is zone-naive, so the axis keeps UTC positions and this
// module computes where the labels go (local midnights, local whole hours) and what they say. That
// keeps labels right across DST changes, where shifting the data would fold or tear an hour.

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

// Sub-day tick steps a trader reads easily; each divides a day evenly in local time.
const CLOCK_STEPS = [MINUTE, 2 * MINUTE, 5 * MINUTE, 10 * MINUTE, 15 * MINUTE, 30 * MINUTE,
    HOUR, 2 * HOUR, 3 * HOUR, 4 * HOUR, 6 * HOUR, 12 * HOUR];
const DAY_STEPS = [1, 2, 7, 14];
const MONTH_STEPS = [1, 3, 6, 12];
const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

const partsFormatters = new Map();
const labelFormatters = new Map();

/** The browser's own zone (an IANA name), e.g. "Europe/Berlin". */
export function browserZone() {
    return Intl.DateTimeFormat().resolvedOptions().timeZone || 'UTC';
}

/** True when the browser knows the zone (an IANA name or "UTC"). */
export function isKnownZone(zone) {
    try {
        new Intl.DateTimeFormat('en-US', { timeZone: zone });
        return true;
    } catch {
        return false;
    }
}

function partsFormatter(zone) {
    let f = partsFormatters.get(zone);
    if (!f) {
        f = new Intl.DateTimeFormat('en-US', {
            timeZone: zone, hourCycle: 'h23', year: 'numeric', month: 'numeric', day: 'numeric',
            hour: 'numeric', minute: 'numeric', second: 'numeric',
        });
        partsFormatters.set(zone, f);
    }
    return f;
}

/** Wall-clock time in `zone` at UTC instant `utcMs`, as if it were UTC (so Date.getUTC* read it). */
export function toWall(zone, utcMs) {
    if (zone === 'UTC') return utcMs;
    const p = {};
    for (const { type, value } of partsFormatter(zone).formatToParts(new Date(utcMs))) p[type] = Number(value);
    const wholeSeconds = Date.UTC(p.year, p.month - 1, p.day, p.hour, p.minute, p.second);
    return wholeSeconds + (((utcMs % 1000) + 1000) % 1000);
}

/** Offset of `zone` from UTC at `utcMs`, in ms (positive east of Greenwich). */
export function offsetAt(zone, utcMs) {
    return toWall(zone, utcMs) - utcMs;
}

/**
 * The UTC instant a wall-clock time in `zone` names: in a DST overlap the earlier of the two, in a
 * DST gap (a wall time that never happens) null. Offsets a day either side bound the answer, since
 * no zone changes its offset twice within two days.
 */
export function fromWall(zone, wallMs) {
    if (zone === 'UTC') return wallMs;
    const before = wallMs - offsetAt(zone, wallMs - DAY);
    const after = wallMs - offsetAt(zone, wallMs + DAY);
    const candidates = [before, after].filter(t => toWall(zone, t) === wallMs);
    return candidates.length ? Math.min(...candidates) : null;
}

function pad(n) { return String(n).padStart(2, '0'); }

function clockLabel(wall, withSeconds) {
    const d = new Date(wall);
    const hm = `${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}`;
    return withSeconds ? `${hm}:${pad(d.getUTCSeconds())}` : hm;
}

function dateLabel(wall) {
    const d = new Date(wall);
    return `${d.getUTCDate()} ${MONTHS[d.getUTCMonth()]}`;
}

function monthLabel(wall) {
    const d = new Date(wall);
    return d.getUTCMonth() === 0 ? String(d.getUTCFullYear()) : MONTHS[d.getUTCMonth()];
}

function isMidnight(wall) { return ((wall % DAY) + DAY) % DAY === 0; }

/**
 * Tick positions (UTC ms) and labels for the visible range [from, to] in `zone`, about one per
 * `minSpacingPx` pixels of `widthPx`. Midnights say the date, first days of a month the month,
 * January the year; other ticks the local clock time (with seconds when `intervalMs` is below a minute).
 */
export function timeTicks(zone, from, to, widthPx, intervalMs, minSpacingPx = 90) {
    const span = Math.max(1, to - from);
    const wanted = Math.max(2, Math.floor(widthPx / minSpacingPx));
    const rough = span / wanted;
    const values = [];
    const labels = [];
    const push = (utc, label) => {
        if (utc === null || utc < from || utc > to) return;
        if (values.length && utc <= values[values.length - 1]) return; // a DST overlap or gap repeated a wall time
        values.push(utc);
        labels.push(label);
    };

    const clockStep = CLOCK_STEPS.find(s => s >= rough && s >= Math.min(intervalMs, HOUR));
    if (clockStep !== undefined || rough < MINUTE) {
        const step = clockStep ?? (rough <= 15_000 ? 15_000 : 30_000);
        const withSeconds = step < MINUTE;
        // Walk local wall time in whole steps; each wall time maps back to its UTC instant.
        let wall = Math.ceil(toWall(zone, from) / step) * step;
        const wallEnd = toWall(zone, to) + step;
        for (let guard = 0; wall <= wallEnd && guard < 1000; wall += step, guard++) {
            push(fromWall(zone, wall), isMidnight(wall) ? dateLabel(wall) : clockLabel(wall, withSeconds));
        }
        return { values, labels };
    }

    const days = rough / DAY;
    const dayStep = DAY_STEPS.find(s => s >= days);
    if (dayStep !== undefined) {
        const startWall = Math.floor(toWall(zone, from) / DAY) * DAY;
        const endWall = toWall(zone, to) + DAY;
        for (let wall = startWall, guard = 0; wall <= endWall && guard < 1000; wall += DAY, guard++) {
            const d = new Date(wall);
            const dayNumber = Math.round(wall / DAY);
            // Weekly ticks on Mondays; others on days of the epoch divisible by the step (stable while panning).
            const keep = dayStep === 1 || (dayStep >= 7 ? d.getUTCDay() === 1 && (dayStep === 7 || Math.floor(dayNumber / 7) % 2 === 0) : dayNumber % dayStep === 0);
            if (!keep) continue;
            push(fromWall(zone, wall), d.getUTCDate() === 1 ? monthLabel(wall) : dateLabel(wall));
        }
        return { values, labels };
    }

    const months = rough / (30 * DAY);
    const monthStep = MONTH_STEPS.find(s => s >= months) ?? Math.ceil(months / 12) * 12;
    const start = new Date(toWall(zone, from));
    const endWall = toWall(zone, to);
    for (let m = start.getUTCFullYear() * 12 + start.getUTCMonth(), guard = 0; guard < 1000; m++, guard++) {
        const wall = Date.UTC(Math.floor(m / 12), m % 12, 1);
        if (wall > endWall) break;
        if (m % monthStep !== 0) continue;
        push(fromWall(zone, wall), monthLabel(wall));
    }
    return { values, labels };
}

function labelFormatter(zone, withSeconds) {
    const key = `${zone}|${withSeconds}`;
    let f = labelFormatters.get(key);
    if (!f) {
        f = new Intl.DateTimeFormat('en-GB', {
            timeZone: zone, hourCycle: 'h23', weekday: 'short', year: 'numeric', month: 'short', day: 'numeric',
            hour: '2-digit', minute: '2-digit', ...(withSeconds ? { second: '2-digit' } : {}), timeZoneName: 'short',
        });
        labelFormatters.set(key, f);
    }
    return f;
}

/** A candle's open time for the legend, e.g. "Sun, 25 Oct 2026, 01:00 GMT". */
export function formatTime(zone, utcMs, intervalMs) {
    return labelFormatter(zone, intervalMs < MINUTE).format(new Date(utcMs));
}

/** When a bucket starts in `zone`, for intervals of 4h and more (the grid is the exchange's UTC one). */
export function bucketStartNote(zone, intervalMs, sampleOpenTime) {
    if (intervalMs < 4 * HOUR || zone === 'UTC') return '';
    const local = new Date(toWall(zone, sampleOpenTime));
    return `buckets start at 00:00 UTC (${pad(local.getUTCHours())}:${pad(local.getUTCMinutes())} ${zoneName(zone, sampleOpenTime)})`;
}

function zoneName(zone, utcMs) {
    const part = labelFormatter(zone, false).formatToParts(new Date(utcMs)).find(p => p.type === 'timeZoneName');
    return part ? part.value : zone;
}
