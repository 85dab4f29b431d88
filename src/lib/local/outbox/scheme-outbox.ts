import type { SyncProblem } from '$lib/protocol/problems';
import type { Clock } from '../clock';
import type { TandemDb } from '../db';
import { newId } from '../new-id';
import type { OutboxEntry } from '../rows/scheme-membership';
import { outboxTopic, type OutboxItem } from './outbox-item';

/**
 * The item minus what changes on every build (a report's upload id and time), to tell whether
 * anything new is to be said.
 */
function contentKey(item: OutboxItem): string {
	if (item.kind !== 'metrics') return JSON.stringify(item);
	const { uploadId, generatedAt, ...content } = item.payload;
	return JSON.stringify(content);
}

/**
 * What waits to go to the scheme, one item per topic: queued by the repositories in the same
 * transaction as the record it reports on, drained by the scheme sync.
 */
export class SchemeOutbox {
	constructor(
		private readonly db: TandemDb,
		private readonly clock: Clock
	) {}

	/**
	 * Queues an item for the scheme, built by its allowlist. It replaces an item still waiting
	 * on the same topic, and is not queued at all when it says nothing the last one did not.
	 * Returns whether it was queued. Runs inside the caller's transaction when there is one.
	 */
	async queue(item: OutboxItem): Promise<boolean> {
		const { db } = this;
		const topic = outboxTopic(item);
		const key = contentKey(item);
		return db.transaction('rw', db.outbox, async () => {
			const entries = await db.outbox
				.where('[topic+state]')
				.anyOf([topic, 'pending'], [topic, 'sent'])
				.toArray();
			const waiting = entries.filter((e) => e.state === 'pending');
			if (waiting.some((e) => e.contentKey === key)) return false;
			await db.outbox.bulkDelete(waiting.map((e) => e.uploadId));
			// Back to what the scheme already holds (a reaction tapped twice): nothing to send.
			if (entries.some((e) => e.state === 'sent' && e.contentKey === key)) return false;
			await db.outbox.add({
				...item,
				// A report is known to the server by its upload id; other items by their own ids.
				uploadId: item.kind === 'metrics' ? item.payload.uploadId : newId(),
				topic,
				state: 'pending',
				contentKey: key,
				queuedAt: this.clock().toISOString(),
				attempts: 0,
				nextAttemptAt: 0,
				lastProblem: null,
				sentAt: null
			});
			return true;
		});
	}

	/** Items whose next attempt is due, oldest first. */
	async due(nowMs: number): Promise<OutboxEntry[]> {
		const pending = await this.db.outbox.where('state').equals('pending').toArray();
		return pending
			.filter((e) => e.nextAttemptAt <= nowMs)
			.sort((a, b) => a.queuedAt.localeCompare(b.queuedAt));
	}

	pending(): Promise<OutboxEntry[]> {
		return this.db.outbox.where('state').equals('pending').toArray();
	}

	/** On each topic, the item the scheme last received and the one waiting to go. */
	all(): Promise<OutboxEntry[]> {
		return this.db.outbox.toArray();
	}

	/** Keeps only the latest sent item per topic: what the scheme now holds. */
	async markSent(entry: OutboxEntry): Promise<void> {
		const { db } = this;
		await db.transaction('rw', db.outbox, async () => {
			const current = await db.outbox.get(entry.uploadId);
			if (!current) return;
			const older = await db.outbox
				.where('[topic+state]')
				.equals([entry.topic, 'sent'])
				.primaryKeys();
			await db.outbox.bulkDelete(older);
			await db.outbox.put({
				...current,
				state: 'sent',
				sentAt: this.clock().toISOString(),
				lastProblem: null
			});
		});
	}

	async markFailed(entry: OutboxEntry, problem: SyncProblem, nextAttemptAt: number): Promise<void> {
		await this.db.outbox.update(entry.uploadId, {
			attempts: entry.attempts + 1,
			nextAttemptAt,
			lastProblem: problem
		});
	}
}
