import { describe, expect, it } from 'vitest';
import type { Database } from '$lib/server/db/open-database';
import { inviteParticipant, revokeParticipant } from '$lib/server/invitations';
import { matchingRoundOf } from '$lib/server/matching/matching-round';
import { type ProposalView } from '$lib/server/matching/proposal-view';
import {
	mentorChoicesForDrafts,
	rejectProposal,
	setProposalLocked,
	swapMentor
} from '$lib/server/matching/draft-adjustments';
import { runMatching } from '$lib/server/matching/run-matching';
import { sendProposals } from '$lib/server/matching/proposal-sending';
import {
	defaultMatchingSettings,
	saveMatchingSettings
} from '$lib/server/matching/matching-settings';
import { createPair } from '$lib/server/scheme-pairs';
import {
	aCoordinator,
	aMenteeWithNeeds,
	aMentorWithPenPicture,
	aScheme
} from '../support/scheme-factories';
import { dbTimeout, serverDatabaseBackends, useFreshDatabase } from '../support/server-databases';

const now = new Date('2026-06-01T09:00:00Z');
const pairsOf = (drafts: { menteeName: string; mentorName: string }[]) =>
	drafts.map((d) => `${d.menteeName} → ${d.mentorName}`);

for (const backend of serverDatabaseBackends) {
	describe(`a matching round on ${backend.name}`, { timeout: dbTimeout }, () => {
		let db: Database;
		useFreshDatabase(backend, (opened) => {
			db = opened.db;
		});

		async function aSchemeToMatch() {
			const coordinator = await aCoordinator(db);
			const scheme = await aScheme(db, coordinator.id);
			type MentorOptions = Parameters<typeof aMentorWithPenPicture>[3];
			type MenteeOptions = Parameters<typeof aMenteeWithNeeds>[3];
			return {
				coordinator,
				scheme,
				mentor: (name: string, options: MentorOptions = {}) =>
					aMentorWithPenPicture(db, scheme.id, coordinator.id, { name, ...options }),
				mentee: (name: string, options: MenteeOptions = {}) =>
					aMenteeWithNeeds(db, scheme.id, coordinator.id, { name, ...options }),
				round: () => matchingRoundOf(db, scheme.id, now)
			};
		}

		/**
		 * Two mentors with one place each. Greedy, Aled (first by name) would take Siân, the best
		 * fit for both mentees, and leave Bethan with no one she fits.
		 */
		async function aContestedCohort() {
			const s = await aSchemeToMatch();
			const sian = await s.mentor('Siân Jones', {
				penPicture: { capacity: 1, areas: ['learning-the-ropes', 'leadership'] }
			});
			const tom = await s.mentor('Tom Price', {
				penPicture: { capacity: 1, areas: ['learning-the-ropes', 'media-relations'] }
			});
			const aled = await s.mentee('Aled Hughes', {
				needs: { areas: ['learning-the-ropes', 'media-relations'] }
			});
			const bethan = await s.mentee('Bethan Rees', {
				needs: { areas: ['leadership'] }
			});
			return { ...s, sian, tom, aled, bethan };
		}

		it('proposes the best assignment for the whole cohort and explains each score', async () => {
			const s = await aContestedCohort();
			const carys = await s.mentee('Carys Left Over');
			await inviteParticipant(db, s.scheme.id, s.coordinator.id, {
				name: 'Dewi Invited',
				role: 'mentee'
			});
			await runMatching(db, s.scheme.id, 'best-fit', now);
			const round = await s.round();
			expect(pairsOf(round.drafts)).toEqual([
				'Aled Hughes → Tom Price',
				'Bethan Rees → Siân Jones'
			]);
			expect(round.drafts[0]).toMatchObject({
				status: 'draft',
				locked: false,
				score: 100,
				sentAt: null,
				criteria: [
					{ kind: 'areas', shared: 2, of: 2 },
					{ kind: 'load', after: 1, capacity: 1 }
				]
			});
			expect(round.lastRun).toEqual({
				mode: 'best-fit',
				ranAt: now.toISOString(),
				totalScore: round.drafts[0]!.score + round.drafts[1]!.score
			});
			expect(round.unmatched).toEqual([
				{ menteeId: carys.id, name: 'Carys Left Over', reason: 'left-for-better-fit' }
			]);
			expect(round.menteesWithoutNeeds.map((e) => e.name)).toEqual(['Dewi Invited']);
		});

		it('gives the same proposals for the same people, every time', async () => {
			const s = await aContestedCohort();
			await s.mentee('Ffion Evans', { needs: { areas: ['learning-the-ropes'] } });
			await s.mentor('Gwen Morgan', { penPicture: { capacity: 2 } });
			await runMatching(db, s.scheme.id, 'everyone', now);
			const first = await s.round();
			await runMatching(db, s.scheme.id, 'everyone', now);
			const second = await s.round();
			expect(pairsOf(second.drafts)).toEqual(pairsOf(first.drafts));
			expect(second.drafts.map((d) => d.criteria)).toEqual(first.drafts.map((d) => d.criteria));
			expect(second.lastRun).toEqual(first.lastRun);
		});

		it('never proposes a mentor the mentee named, however they typed the name', async () => {
			const s = await aSchemeToMatch();
			await s.mentor('Siân Jones');
			await s.mentor('Tom Price', { penPicture: { areas: ['career-change'] } });
			await s.mentee('Aled Hughes', {
				needs: { avoid: { lineManager: '  SIAN jones', people: [], ownGroup: false } }
			});
			await runMatching(db, s.scheme.id, 'everyone', now);
			expect(pairsOf((await s.round()).drafts)).toEqual(['Aled Hughes → Tom Price']);
		});

		it('leaves out mentors without training or places, and mentees already matched or asked', async () => {
			const s = await aSchemeToMatch();
			const busy = await s.mentor('Busy Mentor', { penPicture: { capacity: 1 } });
			await s.mentor('Untrained Mentor', { trainedOn: null });
			await s.mentor('Trained Later', { trainedOn: '2026-07-01' });
			const paired = await s.mentee('Paired Mentee');
			await createPair(db, s.scheme.id, {
				mentorId: busy.id,
				menteeId: paired.id,
				startsOn: '2026-05-01',
				endsOn: null
			});
			const free = await s.mentee('Free Mentee');
			const removed = await s.mentee('Removed Mentee');
			await revokeParticipant(db, s.scheme.id, removed.id);
			await runMatching(db, s.scheme.id, 'everyone', now);
			const round = await s.round();
			expect(round.drafts).toEqual([]);
			expect(round.unmatched).toEqual([
				{ menteeId: free.id, name: 'Free Mentee', reason: 'no-allowed-mentor' }
			]);

			const ready = await s.mentor('Ready Mentor', { penPicture: { capacity: 1 } });
			await s.mentor('Spare Mentor', { penPicture: { capacity: 1, areas: ['career-change'] } });
			const leaving = await s.mentee('Leaving Mentee', { needs: { areas: ['career-change'] } });
			await runMatching(db, s.scheme.id, 'everyone', now);
			expect(pairsOf((await s.round()).drafts)).toEqual([
				'Free Mentee → Ready Mentor',
				'Leaving Mentee → Spare Mentor'
			]);
			// Removed after the run: their draft is dropped, not sent.
			await revokeParticipant(db, s.scheme.id, leaving.id);
			expect(await sendProposals(db, s.scheme.id, now)).toBe(1);
			const waiting = (await s.round()).waiting;
			expect(waiting).toEqual([
				expect.objectContaining({
					status: 'with-mentee',
					mentorId: ready.id,
					sentAt: now.toISOString(),
					respondBy: '2026-06-15T09:00:00.000Z'
				})
			]);
			// Free Mentee, asked and waiting, is not matched again and holds Ready Mentor's place.
			await s.mentee('Late Mentee');
			await runMatching(db, s.scheme.id, 'everyone', now);
			const again = await s.round();
			expect(pairsOf(again.drafts)).toEqual(['Late Mentee → Spare Mentor']);
			expect(again.unmatched).toEqual([]);
		});

		it('keeps locked drafts through a re-run and never proposes a rejected pair again', async () => {
			// Aled's lock holds Tom's one place; Bethan's rejected pair with Siân is not tried again.
			const s = await aContestedCohort();
			await runMatching(db, s.scheme.id, 'everyone', now);
			const [aled, bethan] = (await s.round()).drafts;
			expect(await setProposalLocked(db, s.scheme.id, aled!.id, true)).toBe(true);
			expect(await rejectProposal(db, s.scheme.id, bethan!.id)).toBe(true);
			expect(await rejectProposal(db, s.scheme.id, bethan!.id)).toBe(false);

			await runMatching(db, s.scheme.id, 'everyone', now);
			const round = await s.round();
			expect(round.drafts).toEqual([
				expect.objectContaining({ id: aled!.id, locked: true, mentorName: 'Tom Price' })
			]);
			expect(round.unmatched).toEqual([
				{ menteeId: s.bethan.id, name: 'Bethan Rees', reason: 'no-capacity' }
			]);

			expect(await setProposalLocked(db, s.scheme.id, aled!.id, false)).toBe(true);
			await runMatching(db, s.scheme.id, 'everyone', now);
			// Unlocked, Aled moves so that everyone gets a mentor; Bethan still never gets Siân.
			const unlocked = await s.round();
			expect(pairsOf(unlocked.drafts)).toEqual([
				'Aled Hughes → Siân Jones',
				'Bethan Rees → Tom Price'
			]);
			expect(unlocked.drafts[0]).toMatchObject({ locked: false });
			expect(unlocked.drafts.map((d) => d.id)).not.toContain(aled!.id);
		});

		it('lets the coordinator swap in an allowed mentor with a place, and no other', async () => {
			const s = await aContestedCohort();
			const gwen = await s.mentor('Gwen Morgan', {
				penPicture: { capacity: 2, areas: ['time-and-workload', 'career-change'] }
			});
			const named = await s.mentor('Named Person', { penPicture: { areas: ['career-change'] } });
			await s.mentee('Osian Avoids', {
				needs: { avoid: { lineManager: null, people: ['named person'], ownGroup: false } }
			});
			await runMatching(db, s.scheme.id, 'best-fit', now);
			const before = await s.round();
			expect(pairsOf(before.drafts)).toEqual([
				'Aled Hughes → Tom Price',
				'Bethan Rees → Siân Jones',
				'Osian Avoids → Gwen Morgan'
			]);
			const [aled, , osian] = before.drafts as [ProposalView, ProposalView, ProposalView];

			const everyChoice = await mentorChoicesForDrafts(db, s.scheme.id, now);
			expect([...everyChoice.keys()].sort()).toEqual(before.drafts.map((d) => d.id).sort());
			const choices = everyChoice.get(aled.id);
			expect(choices).toEqual([
				{ mentorId: s.tom.id, name: 'Tom Price', score: 100, spare: 1 },
				{ mentorId: gwen.id, name: 'Gwen Morgan', score: 0, spare: 1 },
				{ mentorId: named.id, name: 'Named Person', score: 0, spare: 3 }
			]);
			expect(everyChoice.get(osian.id)!.map((c) => c.mentorId)).not.toContain(named.id);

			expect(await swapMentor(db, s.scheme.id, osian.id, named.id, now)).toEqual({
				ok: false,
				problem: 'not-allowed'
			});
			expect(await swapMentor(db, s.scheme.id, aled.id, s.sian.id, now)).toEqual({
				ok: false,
				problem: 'no-capacity'
			});
			expect(await swapMentor(db, s.scheme.id, aled.id, gwen.id, now)).toEqual({ ok: true });
			const after = (await s.round()).drafts.find((d) => d.id === aled.id)!;
			expect(after).toMatchObject({
				mentorId: gwen.id,
				mentorName: 'Gwen Morgan',
				locked: true,
				score: 0
			});
			expect(after.criteria.at(-1)).toEqual({ kind: 'load', after: 2, capacity: 2 });

			// The re-run keeps the swap; Tom, free again, goes to whoever fits him best.
			await runMatching(db, s.scheme.id, 'best-fit', now);
			const rerun = await s.round();
			expect(rerun.drafts.find((d) => d.id === aled.id)).toMatchObject({
				mentorId: gwen.id,
				locked: true
			});
			expect(pairsOf(rerun.drafts)).toEqual([
				'Aled Hughes → Gwen Morgan',
				'Bethan Rees → Siân Jones',
				'Osian Avoids → Tom Price'
			]);
		});

		it("keeps each scheme's round to its own coordinator", async () => {
			const s = await aContestedCohort();
			const other = await aSchemeToMatch();
			await saveMatchingSettings(db, other.scheme.id, { ...defaultMatchingSettings() });
			await runMatching(db, s.scheme.id, 'best-fit', now);
			const [draft] = (await s.round()).drafts;
			const id = draft!.id;
			expect(await setProposalLocked(db, other.scheme.id, id, true)).toBe(false);
			expect(await rejectProposal(db, other.scheme.id, id)).toBe(false);
			expect((await mentorChoicesForDrafts(db, other.scheme.id, now)).has(id)).toBe(false);
			expect(await swapMentor(db, other.scheme.id, id, draft!.mentorId, now)).toEqual({
				ok: false,
				problem: 'unknown'
			});
			expect(await sendProposals(db, other.scheme.id, now)).toBe(0);
			const theirs = await other.round();
			expect([...theirs.drafts, ...theirs.waiting, ...theirs.returned]).toEqual([]);
			expect(theirs.lastRun).toBeNull();
			expect(await setProposalLocked(db, s.scheme.id, 'not-a-uuid', true)).toBe(false);
			expect(await swapMentor(db, s.scheme.id, id, 'not-a-uuid', now)).toEqual({
				ok: false,
				problem: 'not-allowed'
			});
			expect((await s.round()).drafts[0]).toMatchObject({ id, locked: false, status: 'draft' });
		});
	});
}
