// Time left in the forming bucket, shown under the last price. It runs on the server's clock: the
// server sends its time with each draw, and the browser keeps only the difference to its own clock
// (a browser clock minutes off would otherwise count down to the wrong close).

const SECOND = 1000;
const MINUTE = 60 * SECOND;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

function pad(n) { return String(n).padStart(2, '0'); }

/**
 * mm:ss while under an hour is left in an interval of an hour or less; h:mm:ss for longer intervals;
 * "2d 4h" while a day or more is left (1w buckets; a 1d bucket's last day ticks as h:mm:ss, because a
 * countdown that reads "0d 14h" for a whole hour looks stopped).
 */
export function formatRemaining(ms, intervalMs) {
    const left = Math.max(0, ms);
    const totalSeconds = Math.ceil(left / SECOND);
    if (left >= DAY) {
        const days = Math.floor(left / DAY);
        const hours = Math.floor((left % DAY) / HOUR);
        return `${days}d ${hours}h`;
    }
    const h = Math.floor(totalSeconds / 3600);
    const m = Math.floor((totalSeconds % 3600) / 60);
    const s = totalSeconds % 60;
    return intervalMs > HOUR || h > 0 ? `${h}:${pad(m)}:${pad(s)}` : `${pad(m)}:${pad(s)}`;
}

/**
 * When the bucket the server's clock is in closes: the forming candle's open time plus intervals
 * until past now (the last drawn candle may be older when no trade has come in this bucket yet).
 */
export function bucketEnd(lastOpenTime, intervalMs, serverNow) {
    if (lastOpenTime == null) return Math.floor(serverNow / intervalMs) * intervalMs + intervalMs;
    const behind = Math.max(0, Math.floor((serverNow - lastOpenTime) / intervalMs));
    return lastOpenTime + (behind + 1) * intervalMs;
}

/** Calls `tick` on each whole second of the server's clock until stopped. */
export function everySecond(clockOffset, tick) {
    let timer = 0;
    let stopped = false;
    const schedule = () => {
        if (stopped) return;
        const now = Date.now() + clockOffset;
        timer = setTimeout(() => { tick(Date.now() + clockOffset); schedule(); }, SECOND - (now % SECOND) + 5);
    };
    schedule();
    return () => { stopped = true; clearTimeout(timer); };
}
