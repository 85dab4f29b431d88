// The personal app is a static shell: prerendered so the service worker can answer any
// navigation offline, rendered in the browser from the device's own database.
export const prerender = true;
export const ssr = false;
