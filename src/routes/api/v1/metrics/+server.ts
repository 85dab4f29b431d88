import { deviceRoute, jsonBody } from '$lib/server/device-route';
import { recordMetrics } from '$lib/server/metrics';
import { refused } from '$lib/server/refusals';
import { metricsPayload } from '$lib/protocol/metrics-payload';

// The largest valid payload (1,000 sessions, ten years of weeks) is about 60 KB.
const maxBytes = 128 * 1024;

/** A device reports one pair's progress metrics; the shared schema refuses anything else. */
export const POST = deviceRoute({
	body: jsonBody(metricsPayload, maxBytes),
	async handle({ db, identity, body, now }) {
		const outcome = await recordMetrics(db, identity, body, now);
		if (outcome === 'not-in-pair') return refused('not-in-pair', 'pair');
		return { ok: true, value: { outcome } };
	}
});
