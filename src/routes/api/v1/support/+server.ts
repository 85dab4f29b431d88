import { deviceRoute, jsonBody } from '$lib/server/device-route';
import { requestSupport } from '$lib/server/support/support-requests';
import { supportRequestSchema } from '$lib/protocol/support-protocol';

/** A mentor asks the coordinator for support or supervision: no words, only kind and urgency. */
export const POST = deviceRoute({
	role: 'mentor',
	body: jsonBody(supportRequestSchema, 1024),
	async handle({ db, identity, body, now }) {
		const stored = await requestSupport(db, identity, body, now);
		return stored.ok ? { ok: true, value: { outcome: stored.value } } : stored;
	}
});
