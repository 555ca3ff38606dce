// The theme choice of this browser ("dark" or "light"), kept across visits: in local storage, and
// in a cookie so the server renders the next page in it from the start (ThemePreference.cs). None
// stored means "follow the system setting".
const KEY = 'candledashboard.theme';

export function stored() {
    try {
        const value = localStorage.getItem(KEY);
        return value === 'dark' || value === 'light' ? value : null;
    } catch {
        return null; // storage blocked (private mode, policy): follow the system
    }
}

export function store(mode) {
    try {
        localStorage.setItem(KEY, mode);
    } catch {
        // Not remembered here; the cookie below still carries it.
    }
    document.cookie = `${KEY}=${mode}; path=/; max-age=31536000; samesite=lax`;
}
