import { randomUUID } from 'node:crypto';
import type { Database } from '$lib/server/db/open-database';
import { authUsers } from '$lib/server/db/schema';
import { authenticateDevice, joinWithCode, type DeviceIdentity } from '$lib/server/devices';
import { inviteParticipant, reinviteParticipant } from '$lib/server/invitations';
import { recordTraining } from '$lib/server/matching/mentor-pool';
import { saveNeeds, savePenPicture } from '$lib/server/matching/publications';
import { createPair } from '$lib/server/scheme-pairs';
import { createScheme } from '$lib/server/schemes';
import type { MetricsPayload } from '$lib/protocol/metrics-payload';
import type { Needs, PenPicture } from '$lib/protocol/publication-protocol';

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

type JoinedParticipant = Awaited<ReturnType<typeof aJoinedParticipant>>;

/** A pair in an existing scheme, with a new mentee and a new mentor unless one is given. */
export async function aPairIn(
	db: Database,
	schemeId: string,
	coordinatorId: string,
	mentor?: JoinedParticipant
) {
	mentor ??= await aJoinedParticipant(db, schemeId, coordinatorId, 'mentor');
	const mentee = await aJoinedParticipant(db, schemeId, coordinatorId, 'mentee');
	const created = await createPair(db, schemeId, {
		mentorId: mentor.participant.id,
		menteeId: mentee.participant.id,
		startsOn: '2026-05-01',
		endsOn: null
	});
	if (!created.ok) throw new Error('pair not created');
	return { mentor, mentee, pairId: created.pairId };
}

/** A scheme with one coordinator and one pair whose members have both joined. */
export async function aSchemeWithPair(db: Database, name = 'Member mentoring') {
	const coordinator = await aCoordinator(db);
	const scheme = await aScheme(db, coordinator.id, name);
	return { coordinator, scheme, ...(await aPairIn(db, scheme.id, coordinator.id)) };
}

/** Who a device credential belongs to, as the device API sees it after authenticating. */
export async function identityOf(db: Database, authorization: string): Promise<DeviceIdentity> {
	const check = await authenticateDevice(db, authorization);
	if (!check.ok) throw new Error(check.reason);
	return check.identity;
}

/** Another device of someone already joined: a new phone, joined with a fresh code. */
export async function aSecondDevice(
	db: Database,
	schemeId: string,
	coordinatorId: string,
	participantId: string
) {
	const invitation = await reinviteParticipant(db, schemeId, participantId, coordinatorId);
	if (!invitation) throw new Error('participant not found');
	const joined = await joinWithCode(db, invitation.code);
	if (!joined.ok) throw new Error(`join failed: ${joined.reason}`);
	return identityOf(db, `Bearer ${joined.value.device.id}.${joined.value.device.secret}`);
}

/** A scheme with one pair, as each member's device is identified to the device API. */
export async function aPairWithDevices(db: Database, name = 'Member mentoring') {
	const pair = await aSchemeWithPair(db, name);
	return {
		...pair,
		mentorDevice: await identityOf(db, pair.mentor.authorization),
		menteeDevice: await identityOf(db, pair.mentee.authorization),
		/** A further device of the mentor or the mentee. */
		anotherDevice: (role: 'mentor' | 'mentee') =>
			aSecondDevice(db, pair.scheme.id, pair.coordinator.id, pair[role].participant.id)
	};
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

/** A member scheme's mentor pen picture: leadership and media, three places. */
export function samplePenPicture(overrides: Partial<PenPicture> = {}): PenPicture {
	return {
		text: 'Twelve years on the council, four in cabinet. Happy to talk about anything.',
		roles: ['cabinet', 'ward-member'],
		level: null,
		serviceArea: null,
		group: null,
		areas: ['leadership', 'media-relations', 'learning-the-ropes'],
		yearsExperience: 12,
		capacity: 3,
		gender: null,
		formerMemberSince: null,
		...overrides
	};
}

/** A new councillor's needs: learning the ropes first, no preferences, no one to avoid. */
export function sampleNeeds(overrides: Partial<Needs> = {}): Needs {
	return {
		summary: 'Newly elected; finding my feet.',
		areas: ['learning-the-ropes', 'time-and-workload'],
		level: null,
		serviceArea: null,
		group: null,
		preferences: { gender: null, role: null, experience: null },
		avoid: { lineManager: null, people: [], ownGroup: false },
		gender: null,
		...overrides
	};
}

const publishedAt = new Date('2026-05-01T09:00:00Z');

/** A joined mentor whose pen picture the scheme holds and whose training is recorded. */
export async function aMentorWithPenPicture(
	db: Database,
	schemeId: string,
	coordinatorId: string,
	options: { name?: string; penPicture?: Partial<PenPicture>; trainedOn?: string | null } = {}
) {
	const joined = await aJoinedParticipant(db, schemeId, coordinatorId, 'mentor', options.name);
	const identity = await identityOf(db, joined.authorization);
	const saved = await savePenPicture(
		db,
		identity,
		publishedAt,
		samplePenPicture(options.penPicture)
	);
	if (!saved.ok) throw new Error(`pen picture refused: ${saved.field} ${saved.problem}`);
	const trainedOn = options.trainedOn === undefined ? '2026-01-15' : options.trainedOn;
	await recordTraining(db, schemeId, identity.participantId, trainedOn);
	return { ...joined, identity, id: identity.participantId };
}

/** A joined mentee whose needs the scheme holds. */
export async function aMenteeWithNeeds(
	db: Database,
	schemeId: string,
	coordinatorId: string,
	options: { name?: string; needs?: Partial<Needs> } = {}
) {
	const joined = await aJoinedParticipant(db, schemeId, coordinatorId, 'mentee', options.name);
	const identity = await identityOf(db, joined.authorization);
	const saved = await saveNeeds(db, identity, publishedAt, sampleNeeds(options.needs));
	if (!saved.ok) throw new Error(`needs refused: ${saved.field} ${saved.problem}`);
	return { ...joined, identity, id: identity.participantId };
}
