import type { RequestEvent } from '@sveltejs/kit';
import { apiProblem } from './api-response';
import { database } from './db';
import type { Database } from './db/open-database';
import { authenticateDevice, type DeviceIdentity } from './devices';

export type DeviceRequest =
	{ ok: true; db: Database; identity: DeviceIdentity } | { ok: false; response: Response };

/** Authorises an /api/v1 call to exactly one participant of one scheme, or answers 401/403. */
export async function deviceRequest(event: RequestEvent): Promise<DeviceRequest> {
	const { db } = await database();
	const check = await authenticateDevice(db, event.request.headers.get('authorization'));
	if (check.ok) return { ok: true, db, identity: check.identity };
	return {
		ok: false,
		response: apiProblem(
			check.status,
			{ error: check.reason },
			check.status === 401 ? { 'www-authenticate': 'Bearer' } : undefined
		)
	};
}
