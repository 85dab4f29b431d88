import type {
	ArrivedPage,
	LinkOutcome,
	HeldMessage,
	PairChannel,
	PairOutboxMessage
} from './rows/pair-channel';
import type { RecordCheck } from '$lib/replica/record-checks';
import { outboxOf } from './pair-outbox';
import type { Change } from '$lib/replica/replica-merge';

import type { Clock } from './clock';
import type { TandemDb } from './db';

/**
 * The device's links to its pairs' channels: keys, the outbox, and merging what arrives. The
 * screens read it from the first screen on; linking and merging load with the sync.
 */
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
	 * Links the pair's records on this device to its channel under a key, queuing what was
	 * written before (see pair-channel-link, loaded when a pair is first linked).
	 */
	async link(channelId: string, localPairId: string, key: string): Promise<LinkOutcome> {
		const { linkChannel } = await import('./pair-channel-link');
		return linkChannel(this.db, this.clock, channelId, localPairId, key);
	}

	/** Forgets a key the server never accepted (the pair was started with another one). */
	async forget(channelId: string): Promise<void> {
		const { db } = this;
		await db.transaction('rw', [db.pairChannels, db.pairOutbox, db.heldMessages], async () => {
			const channel = await db.pairChannels.get(channelId);
			if (!channel || channel.registered) return;
			await outboxOf(db, channelId).delete();
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
			await outboxOf(db, channelId).delete();
		});
	}

	async update(channelId: string, changes: Partial<Omit<PairChannel, 'id'>>): Promise<void> {
		await this.db.pairChannels.update(channelId, changes);
	}

	/** The oldest messages waiting to go to the pair's other devices. */
	waiting(channelId: string, limit: number): Promise<PairOutboxMessage[]> {
		return outboxOf(this.db, channelId).limit(limit).toArray();
	}

	waitingCount(channelId: string): Promise<number> {
		return outboxOf(this.db, channelId).count();
	}

	async sent(ids: readonly string[]): Promise<void> {
		await this.db.pairOutbox.bulkDelete([...ids]);
	}

	held(channelId: string): Promise<HeldMessage[]> {
		return this.db.heldMessages.where('channelId').equals(channelId).toArray();
	}

	/** Merges a page of the pair's log (see pair-arrivals, loaded with the sync). */
	async applyArrived(channelId: string, page: ArrivedPage, check: RecordCheck): Promise<number> {
		const { applyArrived } = await import('./pair-arrivals');
		return applyArrived(this.db, this.clock, channelId, page, check);
	}

	/** Applies changes kept from a newer version, now that this one can read them. */
	async applyHeld(channelId: string, changes: Change[], ids: string[], check: RecordCheck) {
		const { applyHeld } = await import('./pair-arrivals');
		await applyHeld(this.db, this.clock, channelId, changes, ids, check);
	}
}
