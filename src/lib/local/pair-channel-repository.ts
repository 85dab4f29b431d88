import { receive, stampTime } from '$lib/sync/hybrid-clock';
import type { HeldMessage, PairChannel, PairOutboxMessage } from '$lib/sync/pair-channel';
import { splitIntoMessages } from '$lib/sync/pair-message';
import {
	latestStamp,
	mergeChange,
	replicaKey,
	stateAsChanges,
	type Change,
	type ReplicaState
} from '$lib/sync/replica-merge';
import { fromFields, sharedTables, type SharedTable } from '$lib/sync/shared-tables';
import type { Clock } from './clock';
import type { TandemDb } from './db';
import { newId } from './new-id';
import { clockOrNew, markAsMerge } from './replica-tracking';

/** Decides whether a record rebuilt from merged fields is fit to store (see record-checks). */
export type RecordCheck = (table: SharedTable, record: unknown) => boolean;

/** What arrived in one page of the pair's log, already decrypted and read. */
export interface ArrivedPage {
	changes: Change[];
	/** Operations that failed to decrypt or to read: ignored, and counted for the UI. */
	rejected: number;
	held: HeldMessage[];
	/** The last sequence number the page covered. */
	cursor: number;
}

export type LinkOutcome = 'linked' | 'already-linked' | 'linked-with-another-key';

/** The device's links to its pairs' channels: keys, the outbox, and merging what arrives. */
export class PairChannelRepository {
	constructor(
		private readonly db: TandemDb,
		private readonly clock: Clock
	) {}

	channels(): Promise<PairChannel[]> {
		return this.db.pairChannels.toArray();
	}

	get(id: string): Promise<PairChannel | undefined> {
		return this.db.pairChannels.get(id);
	}

	forLocalPair(localPairId: string): Promise<PairChannel | undefined> {
		return this.db.pairChannels.where('localPairId').equals(localPairId).first();
	}

	/**
	 * Links a pair's records on this device to the pair's channel under a key, and queues
	 * everything already written for the pair so the other devices get it too. A key already
	 * registered with the server is never swapped for another: that would split the pair.
	 */
	async link(channelId: string, localPairId: string, key: string): Promise<LinkOutcome> {
		const { db } = this;
		return db.transaction('rw', [db.pairChannels, db.pairOutbox, db.replicaState], async () => {
			const existing = await db.pairChannels.get(channelId);
			if (existing?.key === key) return 'already-linked';
			if (existing?.registered) return 'linked-with-another-key';
			if (existing) await this.dropOutbox(channelId);
			const now = this.clock().toISOString();
			await db.pairChannels.put({
				id: channelId,
				localPairId,
				key,
				state: 'linked',
				registered: false,
				cursor: 0,
				linkedAt: now,
				lastSyncedAt: null,
				lastProblem: null,
				rejected: 0,
				devices: [],
				endedAt: null
			});
			const states = await db.replicaState.where('pairId').equals(localPairId).toArray();
			const changes = states.flatMap(stateAsChanges);
			await db.pairOutbox.bulkAdd(
				splitIntoMessages(changes).map((batch) => ({
					id: newId(),
					channelId,
					createdAt: now,
					changes: batch
				}))
			);
			return 'linked';
		});
	}

	/** Forgets a key the server never accepted (the pair was started with another one). */
	async forget(channelId: string): Promise<void> {
		const { db } = this;
		await db.transaction('rw', [db.pairChannels, db.pairOutbox, db.heldMessages], async () => {
			const channel = await db.pairChannels.get(channelId);
			if (!channel || channel.registered) return;
			await this.dropOutbox(channelId);
			await db.heldMessages.where('channelId').equals(channelId).delete();
			await db.pairChannels.delete(channelId);
		});
	}

	/**
	 * The pair has ended: nothing more goes out, and changes still waiting are dropped (they
	 * stay in this device's records). What was shared stays readable here.
	 */
	async end(channelId: string, endedAt: string): Promise<void> {
		const { db } = this;
		await db.transaction('rw', [db.pairChannels, db.pairOutbox], async () => {
			await db.pairChannels.update(channelId, { state: 'ended', endedAt });
			await this.dropOutbox(channelId);
		});
	}

	private async dropOutbox(channelId: string): Promise<void> {
		await this.db.pairOutbox
			.where('[channelId+createdAt]')
			.between([channelId, ''], [channelId, '\uffff'])
			.delete();
	}

	async update(channelId: string, changes: Partial<Omit<PairChannel, 'id'>>): Promise<void> {
		await this.db.pairChannels.update(channelId, changes);
	}

	/** The oldest messages waiting to go to the pair's other devices. */
	waiting(channelId: string, limit: number): Promise<PairOutboxMessage[]> {
		return this.db.pairOutbox
			.where('[channelId+createdAt]')
			.between([channelId, ''], [channelId, '\uffff'])
			.limit(limit)
			.toArray();
	}

	waitingCount(channelId: string): Promise<number> {
		return this.db.pairOutbox
			.where('[channelId+createdAt]')
			.between([channelId, ''], [channelId, '\uffff'])
			.count();
	}

	async sent(ids: readonly string[]): Promise<void> {
		await this.db.pairOutbox.bulkDelete([...ids]);
	}

	held(channelId: string): Promise<HeldMessage[]> {
		return this.db.heldMessages.where('channelId').equals(channelId).toArray();
	}

	/**
	 * Merges a page of the pair's log into this device in one transaction, and moves the
	 * channel's cursor past it only if everything commits: a failure leaves the page to be
	 * read again, and merging is idempotent, so nothing is lost or applied twice.
	 */
	async applyArrived(channelId: string, page: ArrivedPage, check: RecordCheck): Promise<number> {
		const { db } = this;
		return db.transaction(
			'rw',
			[
				...sharedTables.map((t) => db.table(t)),
				db.replicaState,
				db.replicaMeta,
				db.pairChannels,
				db.heldMessages
			],
			async (tx) => {
				markAsMerge(tx.idbtrans);
				const channel = await db.pairChannels.get(channelId);
				if (!channel) return 0;
				const { applied, refused } = await this.mergeChanges(
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
			}
		);
	}

	/** Applies changes kept from a newer version, now that this one can read them. */
	async applyHeld(channelId: string, changes: Change[], ids: string[], check: RecordCheck) {
		const { db } = this;
		await db.transaction(
			'rw',
			[...sharedTables.map((t) => db.table(t)), db.replicaState, db.replicaMeta, db.heldMessages],
			async (tx) => {
				markAsMerge(tx.idbtrans);
				const channel = await db.pairChannels.get(channelId);
				if (channel) await this.mergeChanges(channel.localPairId, changes, check);
				await db.heldMessages.bulkDelete(ids);
			}
		);
	}

	private async mergeChanges(
		localPairId: string,
		changes: readonly Change[],
		check: RecordCheck
	): Promise<{ applied: number; refused: number }> {
		const { db } = this;
		const keys = [...new Set(changes.map((c) => replicaKey(c.t, c.r)))];
		const states = new Map<string, ReplicaState>();
		for (const s of await db.replicaState.bulkGet(keys)) if (s) states.set(s.key, s);
		const touched = new Set<string>();
		let refused = 0;
		let clock = clockOrNew(await db.replicaMeta.get('clock'));
		const now = this.clock().getTime();
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
			clock = { ...receive(clock, change.s, now), key: 'clock' };
			if (merged.applied.length === 0) continue;
			states.set(key, merged.state);
			touched.add(key);
		}
		const records: Record<string, unknown[]> = {};
		for (const key of touched) {
			const state = states.get(key)!;
			const stamp = latestStamp(state);
			const record = fromFields(
				state.table,
				state.id,
				localPairId,
				state.fields,
				stampTime(stamp!)
			);
			if (!record) continue;
			if (!check(state.table, record)) {
				refused++;
				continue;
			}
			(records[state.table] ??= []).push(record);
		}
		await db.replicaState.bulkPut([...touched].map((k) => states.get(k)!));
		for (const [table, rows] of Object.entries(records)) await db.table(table).bulkPut(rows);
		await db.replicaMeta.put(clock);
		return { applied: touched.size, refused };
	}
}
