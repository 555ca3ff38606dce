// Remembers the theme a trader chose ("dark" or "light") in a cookie, so the server renders the
// next page in it from the first render (ThemePreference.cs). No cookie means "follow the system
// setting". A cookie rather than local storage because the server must read it with the request.
const KEY = 'candledashboard.theme';

export function store(mode) {
    document.cookie = `${KEY}=${mode}; path=/; max-age=31536000; samesite=lax`;
}

// The system setting, for a browser that sent no client hint with the page request.
export function prefersDark() {
    return window.matchMedia('(prefers-color-scheme: dark)').matches;
}
