import { and, eq } from 'drizzle-orm';
import type { PushReply, PushRequest } from '$lib/sync/pair-protocol';
import { fromBase64url } from './base64url';
import type { Database } from './db/open-database';
import { pairChannelDevices, pairOps } from './db/schema';
import type { DeviceIdentity } from './devices';
import { linkedChannel } from './pair-membership';
import { refused, type Outcome } from './refusals';

/**
 * Appends a linked device's encrypted operations to its pair's log, in the order sent.
 * Idempotent by operation id: a retried push stores nothing twice and says how many it
 * already had.
 */
export async function pushOps(
	db: Database,
	who: DeviceIdentity,
	pairId: string,
	push: PushRequest,
	now = new Date()
): Promise<Outcome<PushReply>> {
	const rows: (typeof pairOps.$inferInsert)[] = [];
	for (const [i, op] of push.ops.entries()) {
		const body = fromBase64url(op.body);
		if (!body) return refused('invalid', `ops.${i}.body`, 'must be base64url');
		rows.push({ pairId, opId: op.id, deviceId: who.deviceId, body, receivedAt: now });
	}
	return db.transaction(async (tx) => {
		const channel = await linkedChannel(tx, who, pairId, { lock: true });
		if (!channel.ok) return channel;
		if (channel.value.endedAt) return refused('ended');
		const stored = await tx
			.insert(pairOps)
			.values(rows)
			.onConflictDoNothing({ target: [pairOps.pairId, pairOps.opId] })
			.returning({ seq: pairOps.seq });
		await tx
			.update(pairChannelDevices)
			.set({ lastSyncedAt: now })
			.where(
				and(eq(pairChannelDevices.pairId, pairId), eq(pairChannelDevices.deviceId, who.deviceId))
			);
		return { ok: true, value: { stored: stored.length, duplicates: rows.length - stored.length } };
	});
}
