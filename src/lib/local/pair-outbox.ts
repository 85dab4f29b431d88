import type { TandemDb } from './db';
/** A channel's outbox, oldest first. */
export function outboxOf(db: TandemDb, channelId: string) {
	return db.pairOutbox
		.where('[channelId+createdAt]')
		.between([channelId, ''], [channelId, '\uffff']);
}
