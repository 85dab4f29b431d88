import { addDays } from 'date-fns';
import { count, eq, or } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import type { Database } from '$lib/server/db/open-database';
import { pairs } from '$lib/server/db/schema';
import { expireProposals, sendProposals } from '$lib/server/matching/proposal-sending';
import { matchingRoundOf } from '$lib/server/matching/matching-round';
import { runMatching } from '$lib/server/matching/run-matching';
import { answerProposal, proposalsForDevice } from '$lib/server/matching/proposal-answers';
import { participationOf } from '$lib/server/participation';
import { pairsOfParticipant } from '$lib/server/scheme-pairs';
import {
	aCoordinator,
	aMenteeWithNeeds,
	aMentorWithPenPicture,
	aScheme,
	aSecondDevice,
	samplePenPicture
} from '../support/scheme-factories';
import { dbTimeout, serverDatabaseBackends, useFreshDatabase } from '../support/server-databases';

const sent = new Date('2026-06-01T09:00:00Z');
const later = (days: number) => addDays(sent, days);
const accept = { answer: 'accept' } as const;
const decline = (reason: 'not-right-fit' | 'timing' | 'know-each-other' | 'other') =>
	({ answer: 'decline', reason }) as const;

for (const backend of serverDatabaseBackends) {
	describe(`answering a proposal on ${backend.name}`, { timeout: dbTimeout }, () => {
		let db: Database;
		useFreshDatabase(backend, (opened) => {
			db = opened.db;
		});

		/** One mentee and one mentor (a second on request), matched and asked. */
		async function aSentProposal(options: { secondMentor?: boolean } = {}) {
			const coordinator = await aCoordinator(db);
			const scheme = await aScheme(db, coordinator.id);
			const mentor = await aMentorWithPenPicture(db, scheme.id, coordinator.id, {
				name: 'Siân Jones',
				penPicture: { gender: 'Woman' }
			});
			const second = options.secondMentor
				? await aMentorWithPenPicture(db, scheme.id, coordinator.id, {
						name: 'Tom Price',
						penPicture: { areas: ['career-change'] }
					})
				: undefined;
			const mentee = await aMenteeWithNeeds(db, scheme.id, coordinator.id, {
				name: 'Aled Hughes',
				needs: {
					preferences: {
						gender: { value: 'woman', strength: 'nice' },
						role: null,
						experience: null
					},
					avoid: { lineManager: 'Gareth Boss', people: ['Nia Other'], ownGroup: false }
				}
			});
			await runMatching(db, scheme.id, 'everyone', sent);
			expect(await sendProposals(db, scheme.id, sent)).toBe(1);
			const [asked] = (await matchingRoundOf(db, scheme.id, sent)).waiting;
			expect(asked!.mentorId).toBe(mentor.id);
			const round = (at = sent) => matchingRoundOf(db, scheme.id, at);
			return { coordinator, scheme, mentor, second, mentee, proposalId: asked!.id, round };
		}

		const pairCount = async (menteeId: string) =>
			(await db.select({ n: count() }).from(pairs).where(eq(pairs.menteeId, menteeId)))[0]!.n;

		it('creates the pair once the mentee and then the mentor accept', async () => {
			const { scheme, mentor, mentee, proposalId, round } = await aSentProposal();
			const [forMentee] = await proposalsForDevice(db, mentee.id, later(1));
			expect(forMentee).toEqual({
				id: proposalId,
				stage: 'mentee',
				respondBy: later(14).toISOString(),
				// Equality data stays with the scheme: the mentee does not see the mentor's gender.
				mentor: { name: 'Siân Jones', penPicture: samplePenPicture({ gender: null }) },
				mentee: {
					name: 'Aled Hughes',
					needs: expect.objectContaining({ summary: expect.any(String) })
				}
			});
			expect(await proposalsForDevice(db, mentor.id, later(1))).toEqual([]);

			expect(await answerProposal(db, mentee.identity, proposalId, accept, later(2))).toEqual({
				ok: true,
				status: 'with-mentor',
				pairId: null
			});
			expect(await proposalsForDevice(db, mentee.id, later(2))).toEqual([]);
			const [forMentor] = await proposalsForDevice(db, mentor.id, later(2));
			expect(forMentor).toMatchObject({
				id: proposalId,
				stage: 'mentor',
				respondBy: later(16).toISOString(),
				mentee: { name: 'Aled Hughes' }
			});
			// Whom the mentee asked not to be matched with, or a gender they asked for, is never
			// shown to the mentor.
			expect(forMentor!.mentee.needs!.avoid).toEqual({
				lineManager: null,
				people: [],
				ownGroup: false
			});
			expect(forMentor!.mentee.needs!.preferences.gender).toBeNull();
			expect(forMentor!.mentor.penPicture!.gender).toBe('Woman');
			expect((await round(later(2))).waiting).toEqual([
				expect.objectContaining({ status: 'with-mentor', answeredAt: later(2).toISOString() })
			]);

			const accepted = await answerProposal(db, mentor.identity, proposalId, accept, later(3));
			expect(accepted).toEqual({ ok: true, status: 'accepted', pairId: expect.any(String) });
			const pairId = accepted.ok ? accepted.pairId : null;
			expect(await pairCount(mentee.id)).toBe(1);
			expect(await pairsOfParticipant(db, mentee.id)).toEqual([
				{
					id: pairId,
					role: 'mentee',
					partnerName: 'Siân Jones',
					startsOn: '2026-06-04',
					endsOn: null,
					status: 'active'
				}
			]);
			expect(await pairsOfParticipant(db, mentor.id)).toEqual([
				expect.objectContaining({ id: pairId, role: 'mentor', partnerName: 'Aled Hughes' })
			]);
			const participation = await participationOf(db, mentor.identity, later(3));
			expect(participation.pairs.map((p) => p.id)).toEqual([pairId]);
			expect(participation.proposals).toEqual([]);

			// The same answers again change nothing and say the same.
			expect(await answerProposal(db, mentor.identity, proposalId, accept, later(4))).toEqual(
				accepted
			);
			expect(await answerProposal(db, mentee.identity, proposalId, accept, later(4))).toEqual(
				accepted
			);
			expect(await pairCount(mentee.id)).toBe(1);
			const after = await round(later(4));
			expect([...after.drafts, ...after.waiting, ...after.returned]).toEqual([]);
			await runMatching(db, scheme.id, 'everyone', later(5));
			expect((await round(later(5))).drafts).toEqual([]);
		});

		it('creates one pair when the mentor accepts on two devices at once', async () => {
			const s = await aSentProposal();
			await answerProposal(db, s.mentee.identity, s.proposalId, accept, later(1));
			const phone = s.mentor.identity;
			const laptop = await aSecondDevice(db, s.scheme.id, s.coordinator.id, s.mentor.id);
			const answers = await Promise.all([
				answerProposal(db, phone, s.proposalId, accept, later(2)),
				answerProposal(db, laptop, s.proposalId, accept, later(2)),
				answerProposal(db, phone, s.proposalId, accept, later(2))
			]);
			expect(answers[0]).toMatchObject({ ok: true, status: 'accepted' });
			expect(answers[1]).toEqual(answers[0]);
			expect(answers[2]).toEqual(answers[0]);
			expect(await pairCount(s.mentee.id)).toBe(1);
		});

		it('lets only the person whose turn it is answer', async () => {
			const s = await aSentProposal();
			expect(await answerProposal(db, s.mentor.identity, s.proposalId, accept, later(1))).toEqual({
				ok: false,
				error: 'not-your-turn'
			});
			await answerProposal(db, s.mentee.identity, s.proposalId, accept, later(1));
			expect(
				await answerProposal(db, s.mentee.identity, s.proposalId, decline('timing'), later(1))
			).toEqual({ ok: false, error: 'not-your-turn' });

			const stranger = await aSentProposal();
			for (const id of [stranger.proposalId, '1b4e28ba-2fa1-11d2-883f-0016d3cca427', 'nope']) {
				expect(await answerProposal(db, s.mentee.identity, id, accept, later(1))).toEqual({
					ok: false,
					error: 'unknown-proposal'
				});
			}
			expect(await proposalsForDevice(db, s.mentee.id, later(1))).toEqual([]);
		});

		it('puts a mentee who declines back in the pool, never with the same mentor', async () => {
			const s = await aSentProposal({ secondMentor: true });
			const declined = await answerProposal(
				db,
				s.mentee.identity,
				s.proposalId,
				decline('know-each-other'),
				later(1)
			);
			expect(declined).toEqual({ ok: true, status: 'declined', pairId: null });
			expect(
				await answerProposal(db, s.mentee.identity, s.proposalId, decline('timing'), later(1))
			).toEqual(declined);
			expect(await answerProposal(db, s.mentee.identity, s.proposalId, accept, later(1))).toEqual({
				ok: false,
				error: 'closed'
			});
			const round = await s.round(later(1));
			expect(round.returned).toEqual([
				expect.objectContaining({
					id: s.proposalId,
					status: 'declined',
					declinedBy: 'mentee',
					declineReason: 'know-each-other',
					answeredAt: later(1).toISOString()
				})
			]);

			await runMatching(db, s.scheme.id, 'everyone', later(2));
			const again = await s.round(later(2));
			expect(again.drafts).toEqual([
				expect.objectContaining({ menteeId: s.mentee.id, mentorId: s.second!.id })
			]);
			expect(again.returned).toHaveLength(1);
			await sendProposals(db, s.scheme.id, later(2));
			expect((await s.round(later(2))).returned).toEqual([]);
		});

		it('brings back a proposal the mentor declines, with their reason', async () => {
			const s = await aSentProposal();
			await answerProposal(db, s.mentee.identity, s.proposalId, accept, later(1));
			expect(
				await answerProposal(db, s.mentor.identity, s.proposalId, decline('timing'), later(2))
			).toEqual({ ok: true, status: 'declined', pairId: null });
			expect(await pairCount(s.mentee.id)).toBe(0);
			expect((await s.round(later(2))).returned).toEqual([
				expect.objectContaining({ declinedBy: 'mentor', declineReason: 'timing' })
			]);
			await runMatching(db, s.scheme.id, 'everyone', later(3));
			expect((await s.round(later(3))).unmatched).toEqual([
				{ menteeId: s.mentee.id, name: 'Aled Hughes', reason: 'no-allowed-mentor' }
			]);
		});

		it('times out a question nobody answered, naming whose answer was missing', async () => {
			const s = await aSentProposal();
			expect(await expireProposals(db, later(13))).toBe(0);
			const round = await s.round(later(15));
			expect(round.waiting).toEqual([]);
			expect(round.returned).toEqual([
				expect.objectContaining({ status: 'timed-out', declinedBy: 'mentee', declineReason: null })
			]);
			expect(await answerProposal(db, s.mentee.identity, s.proposalId, accept, later(15))).toEqual({
				ok: false,
				error: 'closed'
			});

			const m = await aSentProposal();
			await answerProposal(db, m.mentee.identity, m.proposalId, accept, later(10));
			// Answering late closes it, even before anything else has expired it.
			expect(await answerProposal(db, m.mentor.identity, m.proposalId, accept, later(25))).toEqual({
				ok: false,
				error: 'closed'
			});
			expect((await m.round(later(25))).returned).toEqual([
				expect.objectContaining({ status: 'timed-out', declinedBy: 'mentor' })
			]);
			const p = await participationOf(db, m.mentee.identity, later(25));
			expect(p.proposals).toEqual([]);
			expect(
				await db
					.select({ n: count() })
					.from(pairs)
					.where(or(eq(pairs.menteeId, m.mentee.id), eq(pairs.mentorId, m.mentor.id)))
			).toEqual([{ n: 0 }]);
		});
	});
}
