// Scroll-back: when the view nears the oldest held candle the server is asked for the page before
// it (CandleChart.LoadOlder: the history service, stores then exchange); beyond maxCandles held,
// the end farther from the view is dropped. Dropping the newest detaches the chart from live
// updates; coming back towards them loads newer pages, and at the live edge the server redraws
// the latest candles (ReloadLatest), keeping the trader's view.

import { count, drop, insert } from './chartSeries.js';
import { storeValues } from './chartIndicators.js';
import { isFollowing, showView, xRange } from './chartView.js';

// Older pages are asked for when the view's left edge is within this many view widths of the oldest held
// candle: a page arrives before the trader reaches the edge.
const LOAD_AHEAD = 1.5;
// A page that failed or came back empty (when more should exist) pauses loading this long, so a
// view parked at the edge does not turn into a request loop.
const LOAD_PAUSE_MS = 3000;

const scrollBackTimes = []; // ms from asking for an older page to it being drawn, for benchmarks

export function scrollBackMs() { return [...scrollBackTimes]; }

// A page that did not come (an empty answer: the server could not read it now; or a failed call) is
// asked for again after the pause, even if the view does not move meanwhile: a trader who stopped at
// the edge still gets it once the server can answer.
function pause(state) {
    state.loadPausedUntil = performance.now() + LOAD_PAUSE_MS;
    clearTimeout(state.loadRetryTimer);
    state.loadRetryTimer = setTimeout(() => { if (state.isCurrent()) maybeLoad(state); }, LOAD_PAUSE_MS + 10);
}

/** After a view change: asks for the page the view is running into, if any. */
export function maybeLoad(state) {
    if (state.loading || !state.dotnet || performance.now() < state.loadPausedUntil) return;
    const times = state.series.t;
    if (!times.length) return;
    const [from, to] = xRange(state);
    const ahead = (to - from) * LOAD_AHEAD;
    if (!state.reachedStart && from - ahead < times[0]) {
        loadOlder(state);
    } else if (state.detached && to + ahead > times[times.length - 1]) {
        loadNewer(state);
    }
}

async function loadOlder(state) {
    state.loading = true;
    const started = performance.now();
    try {
        const oldest = state.series.t[0];
        const page = await state.dotnet.invokeMethodAsync('LoadOlder', oldest);
        if (!state.isCurrent()) return;
        const older = page.candles.filter(c => c.t < oldest);
        state.reachedStart = page.reachedStart;
        storeValues(state, page.indicators); // the indicators' values over the page, drawn with it
        if (older.length) {
            await addCandles(state, older, 'start');
            scrollBackTimes.push(performance.now() - started);
            if (scrollBackTimes.length > 1000) scrollBackTimes.shift();
        } else if (!state.reachedStart) {
            pause(state);
        }
    } catch (e) {
        console.warn('Loading older candles failed', e);
        pause(state);
    } finally {
        state.loading = false;
    }
    if (state.isCurrent()) state.onViewChanged(state, { writeUrl: false });
}

async function loadNewer(state) {
    state.loading = true;
    try {
        const times = state.series.t;
        const newest = times[times.length - 1];
        const page = await state.dotnet.invokeMethodAsync('LoadNewer', newest);
        if (!state.isCurrent()) return;
        if (page.reachedLive) {
            // The rest is the live series itself: the server redraws it, keeping the trader's view.
            const [from, to] = xRange(state);
            state.loading = false;
            await reloadLatest(state, { from, to });
            return;
        }
        const newer = page.candles.filter(c => c.t > newest);
        storeValues(state, page.indicators);
        if (newer.length) await addCandles(state, newer, 'end');
        else pause(state);
    } catch (e) {
        console.warn('Loading newer candles failed', e);
        pause(state);
    } finally {
        state.loading = false;
    }
    if (state.isCurrent()) state.onViewChanged(state, { writeUrl: false });
}

/** Asks the server to draw the latest candles again, showing [from, to] when given (else the live edge). */
export function reloadLatest(state, view) {
    if (!state.dotnet) return Promise.resolve();
    return state.dotnet.invokeMethodAsync('ReloadLatest', view ? Math.round(view.from) : null, view ? Math.round(view.to) : null);
}

// Adds closed candles at one end, drops beyond maxCandles from the end farther from the view, and
// redraws without moving the view; then tells the server what the browser holds.
async function addCandles(state, candles, where) {
    const { series } = state;
    insert(series, where === 'start' ? 0 : count(series), candles);
    const excess = count(series) - state.maxCandles;
    const [from, to] = xRange(state);
    if (excess > 0) {
        const centre = (from + to) / 2;
        const dropNewest = centre - series.t[0] < series.t[count(series) - 1] - centre;
        drop(series, excess, dropNewest);
        if (dropNewest) state.detached = true; else state.reachedStart = false;
    }
    series.stale = true; // plotly's window may have lost candles or miss the new ones: re-slice on this draw
    await showView(state, from, to);
    state.markSources();
    state.following = isFollowing(state);
    const times = series.t;
    await state.dotnet.invokeMethodAsync('WindowChanged', times.length, times[0], times[times.length - 1], state.detached);
}
