import Dexie from 'dexie';
import { local } from '$lib/local';
import { backupApi } from './backup-api';
import { BackupSync } from './backup-sync';
import { BoardSync } from './board-sync';
import { DeviceLinking } from './device-linking';
import { DeviceRestore } from './device-restore';
import { pairApi } from './pair-api';
import { PairSync } from './pair-sync';
import { recordFits } from '$lib/replica/record-checks';
import { schemeApi } from './scheme-api';
import { SchemeSync } from './scheme-sync';

const everyFewMinutes = 5 * 60_000;
/** A linked pair looks for the partner's changes this often while the app is on screen. */
const whileLooking = 30_000;
const afterTyping = 3_000;
// Changes to these are the sync's own bookkeeping (the board as last pulled included), or
// drafts that go only when the person presses Publish (which starts a round itself): not news
// for the scheme or the partner.
const ownTables =
	/\/(outbox|membership|schemePairs|pairChannels|pairOutbox|replicaState|replicaMeta|heldMessages|backup|publications|proposals|boardPosts|boardMeta)\//;

let scheme: SchemeSync | undefined;
let pairs: PairSync | undefined;
let backups: BackupSync | undefined;
let board: Promise<BoardSync> | undefined;

export function schemeSync(): SchemeSync {
	scheme ??= new SchemeSync(local().scheme, local().publications, schemeApi);
	return scheme;
}

export function pairSync(): PairSync {
	pairs ??= new PairSync(local().pairChannels, pairApi, recordFits);
	return pairs;
}

export function backupSync(): BackupSync {
	backups ??= new BackupSync(local().backup, backupApi, recordFits);
	return backups;
}

export function boardSync(): Promise<BoardSync> {
	board ??= local()
		.board()
		.then((repository) => new BoardSync(repository, schemeApi));
	return board;
}

export function deviceLinking(): DeviceLinking {
	return new DeviceLinking(local().scheme, local().pairChannels, pairApi, location.origin);
}

export function deviceRestore(): DeviceRestore {
	return new DeviceRestore(schemeSync(), backupSync(), backupApi);
}

/**
 * One round: progress and everything queued to the scheme, then the board as the scheme now
 * holds it (the person's own posts and reactions included), shared records with the partner,
 * then the backup.
 */
async function round(scope: 'all' | 'pairs'): Promise<void> {
	if (scope === 'all') await schemeSync().run();
	const membership = await local().scheme.membership();
	if (!membership || membership.revokedAt) return;
	if (scope === 'all') await (await boardSync()).run(membership);
	await pairSync().run(membership);
	if (scope === 'all') await backupSync().backUp(membership, membership.participantId);
}

let running: Promise<void> | undefined;
let again = false;

/**
 * Runs one round at a time in this tab, and in one tab at a time where Web Locks exist. A
 * request while a round runs asks for a full round after it.
 */
export function syncNow(scope: 'all' | 'pairs' = 'all'): Promise<void> {
	if (running) {
		if (scope === 'all') again = true;
		return running;
	}
	const locked = navigator.locks
		? navigator.locks.request('tandem-scheme-sync', { ifAvailable: true }, (lock) =>
				lock ? round(scope) : undefined
			)
		: round(scope);
	running = Promise.resolve(locked)
		.catch((error: unknown) => console.warn('Sync failed', error))
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
 * Syncs on app open, when the network returns, when the app comes back to the foreground, a
 * few seconds after the person changes something, and every few minutes while open; a linked
 * pair also looks for the partner's changes every half minute while the app is on screen.
 * Background Sync (Chromium) replays a progress report the service worker could not deliver.
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
	setInterval(() => {
		if (document.visibilityState === 'visible') void syncNow('pairs');
	}, whileLooking);
	let typing: ReturnType<typeof setTimeout> | undefined;
	Dexie.on('storagemutated', (parts) => {
		if (Object.keys(parts).every((key) => ownTables.test(key))) return;
		clearTimeout(typing);
		typing = setTimeout(() => void syncNow(), afterTyping);
	});
}
