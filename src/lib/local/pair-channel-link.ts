import { splitIntoMessages } from '$lib/replica/message-batches';
import { stateAsChanges } from '$lib/replica/replica-merge';
import type { Clock } from './clock';
import type { TandemDb } from './db';
import { newId } from './new-id';
import { outboxOf } from '$lib/local/pair-outbox';
import { type LinkOutcome } from '$lib/local/rows/pair-channel';

/**
 * Links a pair's records on this device to the pair's channel under a key, and queues
 * everything already written for the pair so the other devices get it too. A key already
 * registered with the server is never swapped for another: that would split the pair.
 */
export async function linkChannel(
	db: TandemDb,
	clock: Clock,
	channelId: string,
	localPairId: string,
	key: string
): Promise<LinkOutcome> {
	return db.transaction('rw', [db.pairChannels, db.pairOutbox, db.replicaState], async () => {
		const existing = await db.pairChannels.get(channelId);
		if (existing?.key === key) return 'already-linked';
		if (existing?.registered) return 'linked-with-another-key';
		if (existing) await outboxOf(db, channelId).delete();
		const now = clock().toISOString();
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
		await db.pairOutbox.bulkAdd(
			splitIntoMessages(states.flatMap(stateAsChanges)).map((batch) => ({
				id: newId(),
				channelId,
				createdAt: now,
				changes: batch
			}))
		);
		return 'linked';
	});
}
