import { and, eq, inArray } from 'drizzle-orm';
import type { Database, Transaction } from './db/open-database';
import { pairOps } from './db/schema';
import type { LinkedChannel } from './pair-membership';
import { overLimit, type Refusal } from './refusals';
import { schemeBytesUsed } from './scheme-storage';
import { storageLimits } from './storage-limits';

// Summing a scheme's storage on every push would cost more than the push: a minute-old figure
// is close enough for a limit that protects the disk, not one person's allowance.
const schemeUsageMs = 60_000;
const schemeUsage = new Map<string, { bytes: number; at: number }>();

async function schemeBytes(
	db: Database | Transaction,
	schemeId: string,
	now: Date
): Promise<number> {
	const held = schemeUsage.get(schemeId);
	if (held && now.getTime() - held.at < schemeUsageMs) return held.bytes;
	const bytes = await schemeBytesUsed(db, schemeId);
	schemeUsage.set(schemeId, { bytes, at: now.getTime() });
	return bytes;
}

/**
 * Whether these operations would take the pair's log past its operations or bytes, or the
 * scheme past its bytes. Operations the log already holds (a retry) count for nothing, so a
 * push that fitted once is never refused when it is sent again.
 */
export async function pairLogFull(
	db: Database | Transaction,
	schemeId: string,
	channel: LinkedChannel,
	pushed: readonly { pairId: string; opId: string; body: Buffer }[],
	now: Date
): Promise<Refusal | undefined> {
	const limits = storageLimits();
	const held = new Set(
		(
			await db
				.select({ opId: pairOps.opId })
				.from(pairOps)
				.where(
					and(
						eq(pairOps.pairId, pushed[0]!.pairId),
						inArray(
							pairOps.opId,
							pushed.map((row) => row.opId)
						)
					)
				)
		).map((row) => row.opId)
	);
	const rows = pushed.filter((row) => !held.has(row.opId));
	if (rows.length === 0) return undefined;
	const bytes = rows.reduce((n, row) => n + row.body.length, 0);
	if (channel.opCount + rows.length > limits.pairLogOperations)
		return overLimit('pair-log-operations', limits.pairLogOperations);
	if (channel.opBytes + bytes > limits.pairLogBytes)
		return overLimit('pair-log-bytes', limits.pairLogBytes);
	if ((await schemeBytes(db, schemeId, now)) + bytes > limits.schemeBytes)
		return overLimit('scheme-bytes', limits.schemeBytes);
	return undefined;
}
