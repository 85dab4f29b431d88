// The browser tests and benchmarks drive: Debian's Chromium (Playwright's own browser download
// does not work on these machines), as root, with no network beyond the test server.
export const executablePath = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
export const chromiumArgs = [
	'--no-sandbox',
	'--disable-gpu',
	'--disable-quic',
	'--no-first-run',
	'--disable-background-networking',
	'--disable-component-update',
	'--disable-sync'
];
