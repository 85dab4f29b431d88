import { json } from '@sveltejs/kit';
import * as v from 'valibot';
import { apiProblem, readJsonBody } from '$lib/server/api-response';
import { refusedDeviceAttempt } from '$lib/server/attempt-limit';
import { database } from '$lib/server/db';
import { joinWithCode } from '$lib/server/devices';
import type { RequestHandler } from './$types';

const joinRequest = v.strictObject({ code: v.pipe(v.string(), v.maxLength(40)) });

/** A device joins a scheme with an invitation code and receives its own credential. */
export const POST: RequestHandler = async (event) => {
	const refused = await refusedDeviceAttempt(event, 'join');
	if (refused) return refused;
	const { db } = await database();
	const body = await readJsonBody(event.request, 1_024);
	if (!body.ok) return body.response;
	const parsed = v.safeParse(joinRequest, body.value);
	if (!parsed.success) {
		const field = v.getDotPath(parsed.issues[0]) ?? 'code';
		return apiProblem(400, { error: 'invalid', field, problem: parsed.issues[0].message });
	}
	const joined = await joinWithCode(db, parsed.output.code);
	if (!joined.ok) return apiProblem(404, { error: 'invitation', problem: joined.reason });
	return json(joined.value, { status: 201, headers: { 'cache-control': 'no-store' } });
};
