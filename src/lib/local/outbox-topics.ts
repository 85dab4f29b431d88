import type { Transaction } from 'dexie';

/** Schema 5: each progress report already queued becomes a 'metrics' item on its pair's topic. */
export async function topicOutbox(tx: Transaction): Promise<void> {
	await tx
		.table('outbox')
		.toCollection()
		.modify((entry: { kind?: string; topic?: string; pairId: string }) => {
			entry.kind = 'metrics';
			entry.topic = `metrics:${entry.pairId}`;
		});
}
