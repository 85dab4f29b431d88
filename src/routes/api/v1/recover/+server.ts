import * as v from 'valibot';
import { apiJson } from '$lib/server/api-response';
import { guardedCodeAttempt, rateLimitedReply } from '$lib/server/attempt-limit';
import { jsonBody, openRoute } from '$lib/server/device-route';
import { recoverDevice } from '$lib/server/recovery';
import { refusalReply } from '$lib/server/refusals';
import { deviceLabelSchema } from '$lib/protocol/device-label';
import { recoverRequest } from '$lib/protocol/pair-protocol';

const request = v.strictObject({
	...recoverRequest.entries,
	label: v.optional(deviceLabelSchema, null)
});

/**
 * A new device for someone who lost every device, from their recovery code: it answers like
 * joining, and wrong codes count against the address like wrong invitation codes.
 */
export const POST = openRoute({
	body: jsonBody(request, 1_024),
	async handle({ db, body, event, now }) {
		const attempt = await guardedCodeAttempt(
			event,
			'recover',
			() => recoverDevice(db, body.auth, body.label, now),
			(recovered) => !recovered.ok && recovered.error === 'recovery'
		);
		if (!attempt.ok) return rateLimitedReply(attempt.retryAfterSeconds);
		const recovered = attempt.value;
		return recovered.ok ? apiJson(recovered.value, 201) : refusalReply(recovered);
	}
});
