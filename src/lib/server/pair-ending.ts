import { and, eq, isNull, sql } from 'drizzle-orm';
import { toCalendarDate } from '$lib/domain/calendar-date';
import type { EndReply } from '$lib/sync/pair-protocol';
import type { Database } from './db/open-database';
import { pairChannels, pairLinkOffers, pairs } from './db/schema';
import type { DeviceIdentity } from './devices';
import { memberPair, notInPair, pairEndedAt } from './pair-membership';
import type { Outcome } from './refusals';

/**
 * Either member ends the pair, no fault: the scheme sees it ended today, the channel takes no
 * more operations and any open offer goes. Ending again answers with the first end.
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
		const endedBefore = pairEndedAt(pair, pair.channel?.endedAt);
		const endedAt = endedBefore ?? now;
		if (!endedBefore) {
			const today = toCalendarDate(now);
			await tx
				.update(pairs)
				.set({
					status: 'ended',
					updatedAt: now,
					endsOn: sql`case when ${pairs.endsOn} is null or ${pairs.endsOn} > ${today} then ${today}::date else ${pairs.endsOn} end`
				})
				.where(eq(pairs.id, pairId));
		}
		// A pair the coordinator ended keeps that moment, now on its channel too.
		await tx
			.update(pairChannels)
			.set({ endedAt })
			.where(and(eq(pairChannels.pairId, pairId), isNull(pairChannels.endedAt)));
		await tx.delete(pairLinkOffers).where(eq(pairLinkOffers.pairId, pairId));
		return { ok: true, value: { endedAt: endedAt.toISOString() } };
	});
}
