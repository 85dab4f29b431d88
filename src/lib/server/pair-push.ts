import { and, eq, sql } from 'drizzle-orm';
import type { PushReply, PushRequest } from '$lib/protocol/pair-protocol';
import { fromBase64url } from './base64url';
import type { Database } from './db/open-database';
import { pairChannelDevices, pairChannels, pairOps } from './db/schema';
import { pairLogFull } from './pair-log-limits';
import type { DeviceIdentity } from './devices';
import { linkedChannel } from './pair-membership';
import { refused, type Outcome } from './refusals';

/**
 * Appends a linked device's encrypted operations to its pair's log, in the order sent.
 * Idempotent by operation id: a retried push stores nothing twice and says how many it
 * already had. A log holds only so many operations and bytes (`storage-limits`); at the limit
 * the push is refused whole and the devices keep their changes (README, "Limits").
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
		const full = await pairLogFull(tx, who.schemeId, channel.value, rows, now);
		if (full) return full;
		const stored = await tx
			.insert(pairOps)
			.values(rows)
			.onConflictDoNothing({ target: [pairOps.pairId, pairOps.opId] })
			.returning({ bytes: sql<number>`octet_length(${pairOps.body})` });
		if (stored.length > 0) {
			await tx
				.update(pairChannels)
				.set({
					opCount: sql`${pairChannels.opCount} + ${stored.length}`,
					opBytes: sql`${pairChannels.opBytes} + ${stored.reduce((n, r) => n + Number(r.bytes), 0)}`
				})
				.where(eq(pairChannels.pairId, pairId));
		}
		await tx
			.update(pairChannelDevices)
			.set({ lastSyncedAt: now })
			.where(
				and(eq(pairChannelDevices.pairId, pairId), eq(pairChannelDevices.deviceId, who.deviceId))
			);
		return { ok: true, value: { stored: stored.length, duplicates: rows.length - stored.length } };
	});
}
