import { randomUUID } from 'node:crypto';
import type { Database } from '$lib/server/db/open-database';
import { authUsers } from '$lib/server/db/schema';
import { joinWithCode } from '$lib/server/devices';
import { inviteParticipant } from '$lib/server/invitations';
import { createPair } from '$lib/server/scheme-pairs';
import { createScheme } from '$lib/server/schemes';
import type { MetricsPayload } from '$lib/sync/metrics-payload';

/** A coordinator account as better-auth would store it (no password needed below the UI). */
export async function aCoordinator(db: Database, name = 'Carys Coordinator') {
	const now = new Date();
	const [user] = await db
		.insert(authUsers)
		.values({
			id: randomUUID(),
			name,
			email: `${randomUUID()}@example.gov.uk`,
			createdAt: now,
			updatedAt: now
		})
		.returning();
	return user!;
}

export async function aScheme(db: Database, coordinatorId: string, name = 'Member mentoring') {
	return createScheme(db, coordinatorId, {
		name,
		organisation: 'Example County Council',
		pilotStartsOn: '2026-05-01',
		pilotEndsOn: '2026-10-31',
		reviewOn: '2027-05-01',
		stallAfterWeeks: 6
	});
}

/** Invites someone and joins from their device; returns the header the device would send. */
export async function aJoinedParticipant(
	db: Database,
	schemeId: string,
	coordinatorId: string,
	role: 'mentor' | 'mentee',
	name = role === 'mentor' ? 'Morgan Mentor' : 'Megan Mentee'
) {
	const invited = await inviteParticipant(db, schemeId, coordinatorId, { name, role });
	const joined = await joinWithCode(db, invited.code);
	if (!joined.ok) throw new Error(`join failed: ${joined.reason}`);
	return {
		...joined.value,
		authorization: `Bearer ${joined.value.device.id}.${joined.value.device.secret}`
	};
}

/** A scheme with one coordinator and one pair whose members have both joined. */
export async function aSchemeWithPair(db: Database, name = 'Member mentoring') {
	const coordinator = await aCoordinator(db);
	const scheme = await aScheme(db, coordinator.id, name);
	const mentor = await aJoinedParticipant(db, scheme.id, coordinator.id, 'mentor');
	const mentee = await aJoinedParticipant(db, scheme.id, coordinator.id, 'mentee');
	const created = await createPair(db, scheme.id, {
		mentorId: mentor.participant.id,
		menteeId: mentee.participant.id,
		startsOn: '2026-05-01',
		endsOn: null
	});
	if (!created.ok) throw new Error('pair not created');
	return { coordinator, scheme, mentor, mentee, pairId: created.pairId };
}

export function metricsPayload(overrides: Partial<MetricsPayload> = {}): MetricsPayload {
	return {
		uploadId: randomUUID(),
		version: 1,
		generatedAt: new Date().toISOString(),
		pair: randomUUID(),
		sessionsHeld: [],
		sessionsScheduled: 0,
		agendaItemsRaised: 0,
		agendaItemsDiscussed: 0,
		goalsSet: 0,
		goalsAchieved: 0,
		goalsDropped: 0,
		actionsOpen: 0,
		actionsDone: 0,
		winsByWeek: [],
		agreementOn: null,
		lastActivityOn: null,
		...overrides
	};
}
