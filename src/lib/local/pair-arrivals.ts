import { receive, stampTime } from '$lib/replica/hybrid-clock';
import {
	latestStamp,
	mergeChange,
	replicaKey,
	type Change,
	type ReplicaState
} from '$lib/replica/replica-merge';
import { fromFields, sharedTables } from '$lib/replica/shared-tables';
import type { Clock } from './clock';
import type { TandemDb } from './db';
import type { ArrivedPage } from '$lib/local/rows/pair-channel';
import type { RecordCheck } from '$lib/replica/record-checks';
import { clockOrNew, markAsMerge } from './replica-tracking';

/** Every table merging touches, so one transaction covers a whole page. */
const mergeTables = (db: TandemDb) => [
	...sharedTables.map((t) => db.table(t)),
	db.replicaState,
	db.replicaMeta,
	db.pairChannels,
	db.heldMessages
];

/**
 * Merges a page of the pair's log into this device in one transaction, and moves the channel's
 * cursor past it only if everything commits: a failure leaves the page to be read again, and
 * merging is idempotent, so nothing is lost or applied twice.
 */
export async function applyArrived(
	db: TandemDb,
	clock: Clock,
	channelId: string,
	page: ArrivedPage,
	check: RecordCheck
): Promise<number> {
	return db.transaction('rw', mergeTables(db), async (tx) => {
		markAsMerge(tx.idbtrans);
		const channel = await db.pairChannels.get(channelId);
		if (!channel) return 0;
		const { applied, refused } = await mergeChanges(
			db,
			clock,
			channel.localPairId,
			page.changes,
			check
		);
		await db.heldMessages.bulkPut(page.held);
		await db.pairChannels.put({
			...channel,
			cursor: Math.max(channel.cursor, page.cursor),
			rejected: channel.rejected + page.rejected + refused
		});
		return applied;
	});
}

/** Applies changes kept from a newer version, now that this one can read them. */
export async function applyHeld(
	db: TandemDb,
	clock: Clock,
	channelId: string,
	changes: Change[],
	ids: string[],
	check: RecordCheck
): Promise<void> {
	await db.transaction('rw', mergeTables(db), async (tx) => {
		markAsMerge(tx.idbtrans);
		const channel = await db.pairChannels.get(channelId);
		if (channel) await mergeChanges(db, clock, channel.localPairId, changes, check);
		await db.heldMessages.bulkDelete(ids);
	});
}

async function mergeChanges(
	db: TandemDb,
	clock: Clock,
	localPairId: string,
	changes: readonly Change[],
	check: RecordCheck
): Promise<{ applied: number; refused: number }> {
	const keys = [...new Set(changes.map((c) => replicaKey(c.t, c.r)))];
	const states = new Map<string, ReplicaState>();
	for (const s of await db.replicaState.bulkGet(keys)) if (s) states.set(s.key, s);
	const touched = new Set<string>();
	let refused = 0;
	let clockRow = clockOrNew(await db.replicaMeta.get('clock'));
	const now = clock().getTime();
	for (const change of changes) {
		const key = replicaKey(change.t, change.r);
		const held = states.get(key);
		// Every shared record here has a merge state (the tracking and the upgrade see to it), so
		// an id kept under another pair is caught here: one pair's log never reaches another.
		if (held && held.pairId !== localPairId) {
			refused++;
			continue;
		}
		const merged = mergeChange(held, change, localPairId);
		clockRow = { ...receive(clockRow, change.s, now), key: 'clock' };
		if (merged.applied.length === 0) continue;
		states.set(key, merged.state);
		touched.add(key);
	}
	const records: Record<string, unknown[]> = {};
	for (const key of touched) {
		const state = states.get(key)!;
		const stamp = latestStamp(state);
		const record = fromFields(state.table, state.id, localPairId, state.fields, stampTime(stamp!));
		if (!record) continue;
		if (!check(state.table, record)) {
			refused++;
			continue;
		}
		(records[state.table] ??= []).push(record);
	}
	await db.replicaState.bulkPut([...touched].map((k) => states.get(k)!));
	for (const [table, rows] of Object.entries(records)) await db.table(table).bulkPut(rows);
	await db.replicaMeta.put(clockRow);
	return { applied: touched.size, refused };
}
