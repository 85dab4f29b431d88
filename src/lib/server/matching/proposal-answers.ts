import { addDays } from 'date-fns';
import { and, asc, eq, gt, or } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import { toCalendarDate } from '$lib/domain/calendar-date';
import type {
	Needs,
	PenPicture,
	ProposalAnswer,
	ProposalForDevice
} from '$lib/protocol/publication-protocol';
import type { Database, Transaction } from '../db/open-database';
import { matchProposals, menteeNeeds, mentorProfiles, participants } from '../db/schema';
import type { DeviceIdentity } from '../devices';
import { createPair } from '../scheme-pairs';
import { isUuid } from '../schemes';
import { matchingSettingsOf } from './matching-settings';
import type { ProposalStatus } from '$lib/domain/matching/proposal-statuses';

/**
 * What each side sees of the other: the publication, less what was meant for the matching alone.
 * A mentee never sees a mentor's self-described gender (equality data), and a mentor never sees
 * whom the mentee asked not to be matched with, a gender they asked for, or their own gender.
 */
const penPictureForMentee = (p: PenPicture): PenPicture => ({ ...p, gender: null });
const needsForMentor = (n: Needs): Needs => ({
	...n,
	preferences: { ...n.preferences, gender: null },
	avoid: { lineManager: null, people: [], ownGroup: false },
	gender: null
});

/** The proposals waiting on this person's answer, soonest due first. */
export async function proposalsForDevice(
	db: Database,
	participantId: string,
	now: Date
): Promise<ProposalForDevice[]> {
	const mentor = alias(participants, 'mentor');
	const mentee = alias(participants, 'mentee');
	const rows = await db
		.select({
			id: matchProposals.id,
			status: matchProposals.status,
			respondBy: matchProposals.respondBy,
			mentorName: mentor.name,
			penPicture: mentorProfiles.penPicture,
			menteeName: mentee.name,
			needs: menteeNeeds.needs
		})
		.from(matchProposals)
		.innerJoin(mentor, eq(mentor.id, matchProposals.mentorId))
		.innerJoin(mentee, eq(mentee.id, matchProposals.menteeId))
		.leftJoin(mentorProfiles, eq(mentorProfiles.participantId, matchProposals.mentorId))
		.leftJoin(menteeNeeds, eq(menteeNeeds.participantId, matchProposals.menteeId))
		.where(
			and(
				gt(matchProposals.respondBy, now),
				or(
					and(eq(matchProposals.menteeId, participantId), eq(matchProposals.status, 'with-mentee')),
					and(eq(matchProposals.mentorId, participantId), eq(matchProposals.status, 'with-mentor'))
				)
			)
		)
		.orderBy(asc(matchProposals.respondBy), asc(matchProposals.id));
	return rows.map((r) => {
		const stage = r.status === 'with-mentee' ? 'mentee' : 'mentor';
		return {
			id: r.id,
			stage,
			respondBy: r.respondBy!.toISOString(),
			mentor: {
				name: r.mentorName,
				penPicture:
					r.penPicture && (stage === 'mentee' ? penPictureForMentee(r.penPicture) : r.penPicture)
			},
			mentee: {
				name: r.menteeName,
				needs: r.needs && (stage === 'mentor' ? needsForMentor(r.needs) : r.needs)
			}
		};
	});
}

export type AnswerOutcome =
	| { ok: true; status: ProposalStatus; pairId: string | null }
	| { ok: false; error: 'unknown-proposal' | 'not-your-turn' | 'closed' };

type ProposalRow = typeof matchProposals.$inferSelect;

const answered = (p: Pick<ProposalRow, 'status' | 'pairId'>): AnswerOutcome => ({
	ok: true,
	status: p.status,
	pairId: p.pairId
});

/** The same answer arriving twice (a double tap, a retry after a lost reply) changes nothing. */
function repeatedAnswer(p: ProposalRow, side: 'mentee' | 'mentor', answer: ProposalAnswer) {
	if (answer.answer === 'decline') return p.status === 'declined' && p.declinedBy === side;
	if (side === 'mentee') return p.status === 'with-mentor' || p.status === 'accepted';
	return p.status === 'accepted';
}

/**
 * A mentee's or mentor's answer. The mentee answers first (they have the final say); once they
 * accept, the mentor has the scheme's consent days to answer; when the mentor accepts, the pair
 * starts today. The proposal row is locked, so two taps or two devices cannot make two pairs.
 */
export async function answerProposal(
	db: Database,
	identity: DeviceIdentity,
	proposalId: string,
	answer: ProposalAnswer,
	now: Date
): Promise<AnswerOutcome> {
	if (!isUuid(proposalId)) return { ok: false, error: 'unknown-proposal' };
	return db.transaction(async (tx) => {
		const [p] = await tx
			.select()
			.from(matchProposals)
			.where(
				and(
					eq(matchProposals.id, proposalId),
					eq(matchProposals.schemeId, identity.schemeId),
					or(
						eq(matchProposals.menteeId, identity.participantId),
						eq(matchProposals.mentorId, identity.participantId)
					)
				)
			)
			.for('update');
		// Drafts are the coordinator's: a device never hears of them.
		if (!p || p.status === 'draft' || p.status === 'rejected') {
			return { ok: false, error: 'unknown-proposal' };
		}
		const side = p.menteeId === identity.participantId ? 'mentee' : 'mentor';
		const turn =
			p.status === 'with-mentee' ? 'mentee' : p.status === 'with-mentor' ? 'mentor' : null;
		if (turn !== null && p.respondBy! <= now) {
			await tx
				.update(matchProposals)
				.set({ status: 'timed-out', declinedBy: turn, closedAt: now })
				.where(eq(matchProposals.id, p.id));
			return { ok: false, error: 'closed' };
		}
		if (repeatedAnswer(p, side, answer)) return answered(p);
		if (turn === null) return { ok: false, error: 'closed' };
		if (turn !== side) return { ok: false, error: 'not-your-turn' };
		if (answer.answer === 'decline') {
			await tx
				.update(matchProposals)
				.set({
					status: 'declined',
					declinedBy: side,
					declineReason: answer.reason,
					closedAt: now,
					...(side === 'mentee' ? { menteeAnsweredAt: now } : { mentorAnsweredAt: now })
				})
				.where(eq(matchProposals.id, p.id));
			return answered({ status: 'declined', pairId: null });
		}
		return side === 'mentee' ? passToMentor(tx, p, now) : startPair(tx, p, now);
	});
}

async function passToMentor(tx: Transaction, p: ProposalRow, now: Date): Promise<AnswerOutcome> {
	const { consentDays } = await matchingSettingsOf(tx, p.schemeId);
	await tx
		.update(matchProposals)
		.set({ status: 'with-mentor', menteeAnsweredAt: now, respondBy: addDays(now, consentDays) })
		.where(eq(matchProposals.id, p.id));
	return answered({ status: 'with-mentor', pairId: null });
}

/** Both said yes: the pair exists from today, with no end date until the coordinator sets one. */
async function startPair(tx: Transaction, p: ProposalRow, now: Date): Promise<AnswerOutcome> {
	const created = await createPair(tx, p.schemeId, {
		mentorId: p.mentorId,
		menteeId: p.menteeId,
		startsOn: toCalendarDate(now),
		endsOn: null
	});
	if (!created.ok) {
		// One of the two has been removed from the scheme since the proposal was sent.
		await tx
			.update(matchProposals)
			.set({
				status: 'withdrawn',
				declinedBy: created.field === 'mentorId' ? 'mentor' : 'mentee',
				closedAt: now
			})
			.where(eq(matchProposals.id, p.id));
		return { ok: false, error: 'closed' };
	}
	await tx
		.update(matchProposals)
		.set({ status: 'accepted', mentorAnsweredAt: now, closedAt: now, pairId: created.pairId })
		.where(eq(matchProposals.id, p.id));
	return answered({ status: 'accepted', pairId: created.pairId });
}
