import { json } from '@sveltejs/kit';
import { eq } from 'drizzle-orm';
import { devices, participants, schemes } from '$lib/server/db/schema';
import { deviceRequest } from '$lib/server/device-request';
import { pairsOfParticipant } from '$lib/server/scheme-pairs';
import type { Participation } from '$lib/sync/participation';
import type { RequestHandler } from './$types';

/** Who this device's owner is in the scheme, and their pairs. */
export const GET: RequestHandler = async (event) => {
	const request = await deviceRequest(event);
	if (!request.ok) return request.response;
	const { db, identity } = request;
	const [[row], pairs] = await Promise.all([
		db
			.select({ participant: participants, scheme: schemes })
			.from(participants)
			.innerJoin(schemes, eq(schemes.id, participants.schemeId))
			.where(eq(participants.id, identity.participantId)),
		pairsOfParticipant(db, identity.participantId),
		db.update(devices).set({ lastSeenAt: new Date() }).where(eq(devices.id, identity.deviceId))
	]);
	const body: Participation = {
		participant: {
			id: row!.participant.id,
			role: row!.participant.role,
			name: row!.participant.name
		},
		scheme: { id: row!.scheme.id, name: row!.scheme.name, organisation: row!.scheme.organisation },
		pairs
	};
	return json(body, { headers: { 'cache-control': 'no-store' } });
};
