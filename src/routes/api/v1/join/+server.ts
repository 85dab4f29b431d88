import * as v from 'valibot';
import { apiJson, apiProblem } from '$lib/server/api-response';
import { guardedCodeAttempt, rateLimitedReply } from '$lib/server/attempt-limit';
import { jsonBody, openRoute } from '$lib/server/device-route';
import { joinWithCode } from '$lib/server/devices';
import { overLimit, refusalReply } from '$lib/server/refusals';
import { storageLimits } from '$lib/server/storage-limits';
import { deviceLabelSchema } from '$lib/protocol/device-label';

const joinRequest = v.strictObject({
	code: v.pipe(v.string(), v.maxLength(40)),
	label: v.optional(deviceLabelSchema, null)
});

/**
 * A device joins a scheme with an invitation code and receives its own credential. Only wrong
 * codes count against the address, so a room of people joining at once all get in.
 */
export const POST = openRoute({
	body: jsonBody(joinRequest, 1_024),
	async handle({ db, body, event, now }) {
		const attempt = await guardedCodeAttempt(
			event,
			'join',
			() => joinWithCode(db, body.code, body.label, now),
			// A right code for someone who already has every device they may is not a guess.
			(joined) => !joined.ok && joined.reason !== 'devices'
		);
		if (!attempt.ok) return rateLimitedReply(attempt.retryAfterSeconds);
		const joined = attempt.value;
		if (joined.ok) return apiJson(joined.value, 201);
		if (joined.reason === 'devices')
			return refusalReply(overLimit('devices', storageLimits().devices));
		return apiProblem(404, { error: 'invitation', problem: joined.reason });
	}
});
