// Sending the drafts to mentees and mentors, and letting unanswered ones time out.
import { addDays } from 'date-fns';
import { and, eq, inArray, isNotNull, lte, or, sql } from 'drizzle-orm';

import type { Database } from '../db/open-database';
import { matchProposals, participants } from '../db/schema';

import { matchingSettingsOf } from './matching-settings';
import { openStatuses } from '$lib/domain/matching/proposal-statuses';

import { lockScheme } from './run-matching';

/**
 * Sends every draft to its mentee, who has the scheme's consent days to answer. A draft naming
 * someone removed from the scheme since the run is dropped, not sent.
 */
export async function sendProposals(db: Database, schemeId: string, now: Date): Promise<number> {
	return db.transaction(async (tx) => {
		if (!(await lockScheme(tx, schemeId))) return 0;
		const removed = tx
			.select({ id: participants.id })
			.from(participants)
			.where(and(eq(participants.schemeId, schemeId), isNotNull(participants.revokedAt)));
		await tx
			.delete(matchProposals)
			.where(
				and(
					eq(matchProposals.schemeId, schemeId),
					eq(matchProposals.status, 'draft'),
					or(inArray(matchProposals.menteeId, removed), inArray(matchProposals.mentorId, removed))
				)
			);
		const { consentDays } = await matchingSettingsOf(tx, schemeId);
		const sent = await tx
			.update(matchProposals)
			.set({ status: 'with-mentee', sentAt: now, respondBy: addDays(now, consentDays) })
			.where(and(eq(matchProposals.schemeId, schemeId), eq(matchProposals.status, 'draft')))
			.returning({ id: matchProposals.id });
		return sent.length;
	});
}

/**
 * Questions past their answer-by time come back as timed out, naming whose answer was missing.
 * Every scheme at once: it is cheap (an index on the due time of open questions) and idempotent.
 */
export async function expireProposals(db: Database, now: Date): Promise<number> {
	const expired = await db
		.update(matchProposals)
		.set({
			status: 'timed-out',
			declinedBy: sql`case when ${matchProposals.status} = 'with-mentee' then 'mentee' else 'mentor' end`,
			closedAt: now
		})
		.where(and(inArray(matchProposals.status, openStatuses), lte(matchProposals.respondBy, now)))
		.returning({ id: matchProposals.id });
	return expired.length;
}
