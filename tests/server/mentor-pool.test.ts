import { eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import type { Database } from '$lib/server/db/open-database';
import { devices } from '$lib/server/db/schema';
import { inviteParticipant } from '$lib/server/invitations';
import { recordMetrics } from '$lib/server/metrics';
import { runMatching } from '$lib/server/matching/run-matching';
import { sendProposals } from '$lib/server/matching/proposal-sending';
import { mentorPoolOf, recordTraining } from '$lib/server/matching/mentor-pool';
import { createPair, setPairStatus } from '$lib/server/scheme-pairs';
import {
	aCoordinator,
	aJoinedParticipant,
	aMenteeWithNeeds,
	aMentorWithPenPicture,
	aScheme,
	metricsPayload
} from '../support/scheme-factories';
import { dbTimeout, serverDatabaseBackends, useFreshDatabase } from '../support/server-databases';

const today = '2026-06-01';
const now = new Date('2026-06-01T09:00:00Z');

for (const backend of serverDatabaseBackends) {
	describe(`the mentor pool on ${backend.name}`, { timeout: dbTimeout }, () => {
		let db: Database;
		useFreshDatabase(backend, (opened) => {
			db = opened.db;
		});

		async function aNewScheme() {
			const coordinator = await aCoordinator(db);
			const scheme = await aScheme(db, coordinator.id);
			return { coordinator, scheme };
		}

		it('shows who is willing, trained, at capacity and active', async () => {
			const { coordinator, scheme } = await aNewScheme();
			const full = await aMentorWithPenPicture(db, scheme.id, coordinator.id, {
				name: 'Full Mentor',
				penPicture: { capacity: 2 }
			});
			const untrained = await aMentorWithPenPicture(db, scheme.id, coordinator.id, {
				name: 'New Mentor',
				trainedOn: null
			});
			await aJoinedParticipant(db, scheme.id, coordinator.id, 'mentor', 'Quiet Mentor');
			await inviteParticipant(db, scheme.id, coordinator.id, {
				name: 'Invited Mentor',
				role: 'mentor'
			});
			// One active pair (which met recently) and one proposal waiting fill Full Mentor's places.
			const paired = await aMenteeWithNeeds(db, scheme.id, coordinator.id, { name: 'Paired' });
			const pair = await createPair(db, scheme.id, {
				mentorId: full.id,
				menteeId: paired.id,
				startsOn: '2026-05-01',
				endsOn: null
			});
			if (!pair.ok) throw new Error('no pair');
			await recordMetrics(
				db,
				paired.identity,
				metricsPayload({ pair: pair.pairId, lastActivityOn: '2026-05-28' })
			);
			await db
				.update(devices)
				.set({ lastSeenAt: new Date('2026-04-01T12:00:00Z') })
				.where(eq(devices.participantId, full.id));
			await aMenteeWithNeeds(db, scheme.id, coordinator.id, { name: 'Asked' });
			await runMatching(db, scheme.id, 'everyone', now);
			await sendProposals(db, scheme.id, now);

			const { mentors } = await mentorPoolOf(db, scheme.id, today);
			expect(mentors.map((m) => m.name)).toEqual([
				'Full Mentor',
				'Invited Mentor',
				'New Mentor',
				'Quiet Mentor'
			]);
			const [fullView, invited, newView, quiet] = mentors;
			expect(fullView).toMatchObject({
				id: full.id,
				joined: true,
				capacity: 2,
				trainedOn: '2026-01-15',
				activeMentees: 1,
				waitingProposals: 1,
				unavailability: 'no-capacity',
				lastActiveOn: '2026-05-28',
				inactive: false
			});
			expect(fullView!.penPicture).toMatchObject({ capacity: 2 });
			expect(Date.parse(fullView!.publishedAt!)).not.toBeNaN();
			expect(newView).toMatchObject({
				id: untrained.id,
				unavailability: 'untrained',
				activeMentees: 0,
				lastActiveOn: null,
				inactive: true
			});
			expect(invited).toMatchObject({
				joined: false,
				penPicture: null,
				publishedAt: null,
				capacity: null,
				unavailability: 'not-published'
			});
			expect(quiet).toMatchObject({ joined: true, unavailability: 'not-published' });

			// A paused pair still holds the place; an ended one frees it.
			await setPairStatus(db, scheme.id, pair.pairId, 'paused');
			expect((await mentorPoolOf(db, scheme.id, today)).mentors[0]).toMatchObject({
				activeMentees: 1,
				unavailability: 'no-capacity'
			});
			await setPairStatus(db, scheme.id, pair.pairId, 'ended');
			expect((await mentorPoolOf(db, scheme.id, today)).mentors[0]).toMatchObject({
				activeMentees: 0,
				unavailability: null
			});
			// Six weeks of silence make a mentor inactive.
			expect((await mentorPoolOf(db, scheme.id, '2026-07-10')).mentors[0]!.inactive).toBe(true);
		});

		it('records training for a mentor of the scheme only', async () => {
			const { coordinator, scheme } = await aNewScheme();
			const other = await aNewScheme();
			const mentor = await aMentorWithPenPicture(db, scheme.id, coordinator.id, {
				trainedOn: null
			});
			const mentee = await aMenteeWithNeeds(db, scheme.id, coordinator.id);
			expect(await recordTraining(db, other.scheme.id, mentor.id, '2026-05-01')).toBe(false);
			expect(await recordTraining(db, scheme.id, mentee.id, '2026-05-01')).toBe(false);
			expect(await recordTraining(db, scheme.id, 'nope', '2026-05-01')).toBe(false);
			expect((await mentorPoolOf(db, scheme.id, today)).mentors[0]).toMatchObject({
				trainedOn: null,
				unavailability: 'untrained'
			});
			expect(await recordTraining(db, scheme.id, mentor.id, '2026-05-01')).toBe(true);
			expect((await mentorPoolOf(db, scheme.id, today)).mentors[0]).toMatchObject({
				trainedOn: '2026-05-01',
				unavailability: null
			});
			expect(await recordTraining(db, scheme.id, mentor.id, null)).toBe(true);
			expect((await mentorPoolOf(db, other.scheme.id, today)).mentors).toEqual([]);
		});

		it('counts gender only in groups of five or more', async () => {
			const { coordinator, scheme } = await aNewScheme();
			const genders = [
				...Array<string>(4).fill('Woman'),
				'woman ',
				...Array<string>(3).fill('Man'),
				'Non-binary'
			];
			for (const [i, gender] of genders.entries()) {
				await aMentorWithPenPicture(db, scheme.id, coordinator.id, {
					name: `Mentor ${i}`,
					penPicture: { gender }
				});
			}
			await aMentorWithPenPicture(db, scheme.id, coordinator.id, { name: 'Not Said' });
			expect((await mentorPoolOf(db, scheme.id, today)).byGender).toEqual([
				{ gender: 'Woman', count: 5 },
				{ gender: 'Man', count: null },
				{ gender: 'Non-binary', count: null }
			]);
		});
	});
}
