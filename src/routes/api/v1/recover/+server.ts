import * as v from 'valibot';
import { apiInvalid, apiJson, readJsonBody } from '$lib/server/api-response';
import { guardedCodeAttempt, rateLimitedReply } from '$lib/server/attempt-limit';
import { database } from '$lib/server/db';
import { recoverDevice } from '$lib/server/recovery';
import { refusalReply } from '$lib/server/refusals';
import { deviceLabelSchema } from '$lib/sync/device-label';
import { recoverRequest } from '$lib/sync/pair-protocol';
import { checkWire } from '$lib/sync/wire-check';
import type { RequestHandler } from './$types';

const request = v.strictObject({
	...recoverRequest.entries,
	label: v.optional(deviceLabelSchema, null)
});

/**
 * A new device for someone who lost every device, from their recovery code: it answers like
 * joining, and wrong codes count against the address like wrong invitation codes.
 */
export const POST: RequestHandler = async (event) => {
	const body = await readJsonBody(event.request, 1_024);
	if (!body.ok) return body.response;
	const checked = checkWire(request, body.value);
	if (!checked.ok) return apiInvalid(checked);
	const { db } = await database();
	const attempt = await guardedCodeAttempt(
		event,
		'recover',
		() => recoverDevice(db, checked.value.auth, checked.value.label),
		(recovered) => !recovered.ok && recovered.error === 'recovery'
	);
	if (!attempt.ok) return rateLimitedReply(attempt.retryAfterSeconds);
	const recovered = attempt.value;
	return recovered.ok ? apiJson(recovered.value, 201) : refusalReply(recovered);
};
