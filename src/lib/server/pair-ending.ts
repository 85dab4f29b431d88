import { and, eq, isNull } from 'drizzle-orm';
import { toCalendarDate } from '$lib/domain/calendar-date';
import { pairMove, pairStatusOf } from '$lib/domain/pair-lifecycle';
import type { EndReply } from '$lib/protocol/pair-protocol';
import type { Database, Transaction } from './db/open-database';
import { pairChannels, pairLinkOffers, pairs } from './db/schema';
import type { DeviceIdentity } from './devices';
import { memberPair, notInPair, pairEndedAt } from './pair-membership';
import { updatePairProgress } from './pair-progress-update';
import type { Outcome } from './refusals';

/**
 * Ends a pair, whoever asked: the scheme records it ended today (its end date becomes the day
 * it really ended, earlier or later than planned), its channel takes no more operations, any
 * open offer goes, and its figures stop at that day. The caller holds the pair's row locked.
 */
export async function closePair(
	tx: Transaction,
	pair: { id: string; schemeId: string },
	now: Date
): Promise<{ endedAt: Date; endsOn: string }> {
	const endsOn = toCalendarDate(now);
	await tx
		.update(pairs)
		.set({ status: 'ended', updatedAt: now, endsOn })
		.where(eq(pairs.id, pair.id));
	await closeChannel(tx, pair.id, now);
	await updatePairProgress(tx, { pairId: pair.id, schemeId: pair.schemeId, lastDay: endsOn });
	return { endedAt: now, endsOn };
}

/** The channel, if there is one, closes at the pair's end; an open offer goes with it. */
async function closeChannel(tx: Transaction, pairId: string, endedAt: Date): Promise<void> {
	await tx
		.update(pairChannels)
		.set({ endedAt })
		.where(and(eq(pairChannels.pairId, pairId), isNull(pairChannels.endedAt)));
	await tx.delete(pairLinkOffers).where(eq(pairLinkOffers.pairId, pairId));
}

/**
 * Either member ends the pair, no fault: the scheme sees it ended, never why. Ending again, or
 * a pair the coordinator ended, answers with the first end.
 */
export async function endPair(
	db: Database,
	who: DeviceIdentity,
	pairId: string,
	now = new Date()
): Promise<Outcome<EndReply>> {
	return db.transaction(async (tx) => {
		// Locked, so two ends at once agree on one moment.
		const pair = await memberPair(tx, who, pairId, { lock: true });
		if (!pair) return notInPair;
		const status = pairStatusOf(pair.status, pair.channel?.endedAt ?? null);
		if (pairMove(status, 'ended', 'member') === 'move') {
			const ended = await closePair(tx, { id: pairId, schemeId: who.schemeId }, now);
			return { ok: true, value: { endedAt: ended.endedAt.toISOString(), endsOn: ended.endsOn } };
		}
		// Ended already. One the coordinator ended before it closed channels keeps that moment,
		// now on its channel too.
		const endedAt = pairEndedAt(pair, pair.channel?.endedAt)!;
		await closeChannel(tx, pairId, endedAt);
		return {
			ok: true,
			value: { endedAt: endedAt.toISOString(), endsOn: pair.endsOn ?? toCalendarDate(endedAt) }
		};
	});
}
