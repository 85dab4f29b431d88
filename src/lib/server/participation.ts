import { eq } from 'drizzle-orm';
import type { Participation } from '$lib/protocol/participation';
import { schemePhotoInfo } from './board/scheme-photo';
import type { Database } from './db/open-database';
import { devices, participants, schemes } from './db/schema';
import type { DeviceIdentity } from './devices';
import { expireProposals } from './matching/proposal-sending';
import { matchingInfoOf, matchingSettingsOf } from './matching/matching-settings';
import { proposalsForDevice } from './matching/proposal-answers';
import { publishedStateOf } from './matching/publications';
import { devicesOf } from './participant-devices';
import { pairsOfParticipant } from './scheme-pairs';
import { supportRequestsOf } from './support/support-requests';
import { surveyDefinitionsOf } from './surveys/survey-settings';

/**
 * Who a device's owner is in the scheme: their pairs, the scheme's lists for writing a pen
 * picture or needs, what the scheme holds of theirs, proposals waiting on their answer, the
 * scheme's milestones, photo and check-ins, and their requests for support.
 * Asking counts as the device being seen.
 */
export async function participationOf(
	db: Database,
	identity: DeviceIdentity,
	now: Date
): Promise<Participation> {
	await expireProposals(db, now);
	// Seen first, so this device's own row says it is here now.
	await db.update(devices).set({ lastSeenAt: now }).where(eq(devices.id, identity.deviceId));
	const [[row], pairs, settings, published, proposals, photo, surveys, supportRequests, own] =
		await Promise.all([
			db
				.select({ participant: participants, scheme: schemes })
				.from(participants)
				.innerJoin(schemes, eq(schemes.id, participants.schemeId))
				.where(eq(participants.id, identity.participantId)),
			pairsOfParticipant(db, identity.participantId),
			matchingSettingsOf(db, identity.schemeId),
			publishedStateOf(db, identity.participantId),
			proposalsForDevice(db, identity.participantId, now),
			schemePhotoInfo(db, identity.schemeId),
			surveyDefinitionsOf(db, identity.schemeId),
			supportRequestsOf(db, identity.participantId),
			devicesOf(db, identity.participantId, identity.deviceId)
		]);
	const { participant, scheme } = row!;
	return {
		participant: { id: participant.id, role: participant.role, name: participant.name },
		scheme: { id: scheme.id, name: scheme.name, organisation: scheme.organisation },
		pairs,
		matching: matchingInfoOf(settings),
		published,
		proposals,
		milestones: {
			startsOn: scheme.pilotStartsOn,
			pilotEndsOn: scheme.pilotEndsOn,
			reviewOn: scheme.reviewOn
		},
		photo,
		surveys,
		supportRequests,
		devices: own
	};
}
