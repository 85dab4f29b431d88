import { json } from '@sveltejs/kit';
import { apiProblem, readJsonBody } from '$lib/server/api-response';
import { deviceRequest } from '$lib/server/device-request';
import { recordMetrics } from '$lib/server/metrics';
import { checkMetricsPayload } from '$lib/sync/metrics-payload';
import type { RequestHandler } from './$types';

// The largest valid payload (1,000 sessions, ten years of weeks) is about 60 KB.
const maxBytes = 128 * 1024;

/** A device reports one pair's progress metrics; the shared schema refuses anything else. */
export const POST: RequestHandler = async (event) => {
	const request = await deviceRequest(event);
	if (!request.ok) return request.response;
	const body = await readJsonBody(event.request, maxBytes);
	if (!body.ok) return body.response;
	const checked = checkMetricsPayload(body.value);
	if (!checked.ok) {
		return apiProblem(400, { error: 'invalid', field: checked.field, problem: checked.problem });
	}
	const outcome = await recordMetrics(request.db, request.identity, checked.payload);
	if (outcome === 'not-in-pair') return apiProblem(403, { error: 'not-in-pair', field: 'pair' });
	return json({ outcome }, { headers: { 'cache-control': 'no-store' } });
};
