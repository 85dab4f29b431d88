import { and, asc, eq, gt, isNull, lte, max, ne, or, sql } from 'drizzle-orm';
import { pairChannelLimits, type PullReply } from '$lib/protocol/pair-protocol';
import type { WireCheck } from '$lib/protocol/wire-check';
import type { Database } from './db/open-database';
import { pairChannelDevices, pairOps } from './db/schema';
import type { DeviceIdentity } from './devices';
import { linkedChannel } from './pair-membership';
import type { Outcome } from './refusals';

export interface PullQuery {
	after: number;
	limit: number;
}

const wholeNumber = /^\d{1,16}$/;

/** Reads `?after=&limit=` of a pull, naming the parameter that is wrong. */
export function parsePullQuery(params: URLSearchParams): WireCheck<PullQuery> {
	const after = params.get('after') ?? '0';
	const limit = params.get('limit') ?? String(pairChannelLimits.pullPage);
	if (!wholeNumber.test(after) || !Number.isSafeInteger(Number(after))) {
		return { ok: false, field: 'after', problem: 'must be a whole number' };
	}
	if (!wholeNumber.test(limit) || Number(limit) < 1 || Number(limit) > pairChannelLimits.pullPage) {
		return { ok: false, field: 'limit', problem: `must be 1 to ${pairChannelLimits.pullPage}` };
	}
	return { ok: true, value: { after: Number(after), limit: Number(limit) } };
}

/**
 * The operations other devices pushed to the pair's log after the cursor, oldest first; a
 * device never gets its own back. Allowed after the pair ended, so nothing written before the
 * end is lost.
 */
export async function pullOps(
	db: Database,
	who: DeviceIdentity,
	pairId: string,
	{ after, limit }: PullQuery,
	now = new Date()
): Promise<Outcome<PullReply>> {
	// One snapshot for the page and the log's end: an operation committed between the two
	// queries would otherwise lie behind the cursor without ever having been sent.
	const pulled = await db.transaction(
		async (tx): Promise<Outcome<PullReply>> => {
			const channel = await linkedChannel(tx, who, pairId);
			if (!channel.ok) return channel;
			const theirs = and(
				eq(pairOps.pairId, pairId),
				gt(pairOps.seq, after),
				or(isNull(pairOps.deviceId), ne(pairOps.deviceId, who.deviceId))
			);
			// Sizes first, so a page of large operations ends early instead of filling memory.
			const sizes = await tx
				.select({ seq: pairOps.seq, bytes: sql<number>`octet_length(${pairOps.body})` })
				.from(pairOps)
				.where(theirs)
				.orderBy(asc(pairOps.seq))
				.limit(limit + 1);
			const take = pageLength(sizes.slice(0, limit), pairChannelLimits.pullBytes);
			const more = sizes.length > take;
			const page =
				take === 0
					? []
					: await tx
							.select({ seq: pairOps.seq, id: pairOps.opId, body: pairOps.body })
							.from(pairOps)
							.where(and(theirs, lte(pairOps.seq, sizes[take - 1]!.seq)))
							.orderBy(asc(pairOps.seq));
			const ops = page.map((op) => ({ ...op, body: op.body.toString('base64url') }));
			// A full page resumes after its last operation; otherwise the cursor moves to the end of
			// the log, past this device's own operations too.
			const cursor = more ? ops.at(-1)!.seq : await lastSeq(tx, pairId);
			const endedAt = channel.value.endedAt?.toISOString() ?? null;
			return { ok: true, value: { ops, cursor, more, endedAt } };
		},
		{ isolationLevel: 'repeatable read' }
	);
	if (pulled.ok) {
		// Outside the snapshot: a repeatable-read update would fail if the same device's push
		// touched the row meanwhile.
		await db
			.update(pairChannelDevices)
			.set({ lastSyncedAt: now })
			.where(
				and(eq(pairChannelDevices.pairId, pairId), eq(pairChannelDevices.deviceId, who.deviceId))
			);
	}
	return pulled;
}

/** How many operations fit a page of at most `maxBytes`; always at least one, if there is one. */
function pageLength(sizes: { bytes: number }[], maxBytes: number): number {
	let total = 0;
	let take = 0;
	for (const { bytes } of sizes) {
		if (take > 0 && total + Number(bytes) > maxBytes) break;
		total += Number(bytes);
		take++;
	}
	return take;
}

async function lastSeq(db: Database, pairId: string): Promise<number> {
	const [end] = await db
		.select({ seq: max(pairOps.seq) })
		.from(pairOps)
		.where(eq(pairOps.pairId, pairId));
	return end?.seq ?? 0;
}
