// The theme choice of this browser ("dark" or "light"), kept across visits. None stored means
// "follow the system setting", which the layout asks MudBlazor for.
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
        // Not remembered; the choice still applies to this tab.
    }
}
