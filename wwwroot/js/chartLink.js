// What a chart page remembers and shares: the zone and scale in the browser's local storage, and
// the view in the address bar (tz, scale, and from/to while the trader is away from live), so a
// copied link shows what the sender saw.

import { browserZone, isKnownZone } from './chartTime.js';
import { LINEAR, SCALES } from './chartScale.js';

const PREFERENCES_KEY = 'candledashboard.chart';
const URL_DELAY_MS = 300;

function isoSecond(ms) {
    return new Date(Math.round(ms / 1000) * 1000).toISOString().replace(/:00\.000Z$/, 'Z').replace(/\.000Z$/, 'Z');
}

function replaceUrl(edit) {
    const url = new URL(window.location.href);
    edit(url.searchParams);
    if (url.href !== window.location.href) history.replaceState(history.state, '', url);
}

/** Writes the visible range into the URL a moment after the view settles (none while following live). */
export function scheduleRangeInUrl(state, range, following) {
    clearTimeout(state.urlTimer);
    state.urlTimer = setTimeout(() => {
        if (!state.isCurrent() || !state.isOnlyChart()) return; // a page of several charts links no single view
        replaceUrl(params => {
            if (following) {
                params.delete('from');
                params.delete('to');
            } else {
                params.set('from', isoSecond(range[0]));
                params.set('to', isoSecond(range[1]));
            }
        });
    }, URL_DELAY_MS);
}

function readStored() {
    try {
        return JSON.parse(localStorage.getItem(PREFERENCES_KEY) || '{}') || {};
    } catch {
        return {};
    }
}

function store(patch) {
    try {
        localStorage.setItem(PREFERENCES_KEY, JSON.stringify({ ...readStored(), ...patch }));
    } catch {
        // Storage disabled (private mode, quota): the choice still holds for this page and its URL.
    }
}

/** The zone and scale the trader chose: into the URL and the browser's memory. */
export function rememberDisplay(zone, scale) {
    store({ zone, scale });
    replaceUrl(params => {
        params.set('tz', zone);
        if (scale === LINEAR) params.delete('scale'); else params.set('scale', scale);
    });
}

/** Sets (or, for null, removes) query parameters of the address bar without a navigation: the page's layout. */
export function setQuery(parameters) {
    replaceUrl(params => {
        for (const [name, value] of Object.entries(parameters || {})) {
            if (value === null || value === undefined) params.delete(name); else params.set(name, String(value));
        }
    });
}

/** The indicators the trader chose (their link text, e.g. "ema(21);rsi(14)"): into the URL and the browser's memory. */
export function rememberIndicators(text) {
    store({ indicators: text });
    replaceUrl(params => params.set('ind', text));
}

/**
 * The remembered zone, scale and indicators, and the browser's own zone, for a page opened without
 * ?tz=, ?scale= or ?ind= (the server checks every value again: storage is the browser's to edit).
 */
export function preferences() {
    const stored = readStored();
    return {
        zone: typeof stored.zone === 'string' && isKnownZone(stored.zone) ? stored.zone : null,
        scale: SCALES.includes(stored.scale) ? stored.scale : null,
        indicators: typeof stored.indicators === 'string' ? stored.indicators.slice(0, 400) : null,
        browserZone: browserZone(),
    };
}
