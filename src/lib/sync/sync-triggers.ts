import Dexie from 'dexie';
import { local } from '$lib/local';
import { schemeApi } from './scheme-api';
import { SchemeSync } from './scheme-sync';

const everyFewMinutes = 5 * 60_000;
const afterTyping = 3_000;
// Changes to these are the sync's own bookkeeping, not news for the scheme.
const ownTables = /\/(outbox|membership|schemePairs)\//;

let sync: SchemeSync | undefined;
let running: Promise<void> | undefined;
let again = false;

export function schemeSync(): SchemeSync {
	sync ??= new SchemeSync(local().scheme, schemeApi);
	return sync;
}

/** Runs one sync round at a time in this tab, and in one tab at a time where Web Locks exist. */
export function syncNow(): Promise<void> {
	if (running) {
		again = true;
		return running;
	}
	const round = () => schemeSync().run();
	const locked = navigator.locks
		? navigator.locks.request('tandem-scheme-sync', { ifAvailable: true }, (lock) =>
				lock ? round() : undefined
			)
		: round();
	running = Promise.resolve(locked)
		.catch((error: unknown) => console.warn('Scheme sync failed', error))
		.finally(() => {
			running = undefined;
			if (again) {
				again = false;
				void syncNow();
			}
		});
	return running;
}

let started = false;

/**
 * Sends progress on app open, when the network returns, when the app comes back to the
 * foreground, a few seconds after the person changes something, and every few minutes while
 * open. Background Sync (Chromium) replays an upload the service worker could not deliver.
 */
export function startSchemeSync(): void {
	if (started) return;
	started = true;
	void syncNow();
	addEventListener('online', () => void syncNow());
	document.addEventListener('visibilitychange', () => {
		if (document.visibilityState === 'visible') void syncNow();
	});
	setInterval(() => void syncNow(), everyFewMinutes);
	let typing: ReturnType<typeof setTimeout> | undefined;
	Dexie.on('storagemutated', (parts) => {
		if (Object.keys(parts).every((key) => ownTables.test(key))) return;
		clearTimeout(typing);
		typing = setTimeout(() => void syncNow(), afterTyping);
	});
}
