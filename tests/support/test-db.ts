import { IDBFactory, IDBKeyRange } from 'fake-indexeddb';
import { TandemDb } from '$lib/local/db';
import { createRepositories } from '$lib/local/repositories';

/** A clock the test moves by hand. */
export function fixedClock(start = '2026-11-23T10:00:00.000Z') {
	let now = new Date(start);
	const clock = () => new Date(now);
	clock.set = (iso: string) => (now = new Date(iso));
	clock.advance = (ms: number) => (now = new Date(now.getTime() + ms));
	return clock;
}

/** A fresh in-memory IndexedDB per test: Dexie caches the global one, so each gets its own factory. */
export function freshIndexedDb() {
	return { indexedDB: new IDBFactory(), IDBKeyRange };
}

export function testRepositories(clock = fixedClock()) {
	const db = new TandemDb('tandem-test', freshIndexedDb());
	return { db, clock, repos: createRepositories(db, clock) };
}
