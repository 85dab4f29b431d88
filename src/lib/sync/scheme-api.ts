import * as v from 'valibot';
import type { MetricsPayload } from './metrics-payload';
import { joinReplySchema, participationSchema, type ApiProblem } from './participation';
import { authorization, call, type DeviceCredential } from './device-http';
import type { SyncProblem } from './scheme-membership';

export type ApiResult<T> = { ok: true; value: T } | { ok: false; problem: SyncProblem };
export type JoinRefusal = 'unknown' | 'expired' | 'used' | 'rate-limited' | 'invalid';
export type JoinResult =
	| { ok: true; value: v.InferOutput<typeof joinReplySchema> }
	| { ok: false; refusal: JoinRefusal }
	| { ok: false; problem: SyncProblem };
export type UploadOutcome = 'applied' | 'duplicate' | 'stale';

async function problemOf(response: Response): Promise<SyncProblem> {
	const body = (await response.json().catch(() => ({}))) as Partial<ApiProblem>;
	if (response.status === 401 || body.error === 'revoked') return { kind: 'revoked' };
	if (body.error === 'not-in-pair') return { kind: 'not-in-pair' };
	if (response.status === 400 || response.status === 413) {
		return { kind: 'rejected', field: body.field ?? null };
	}
	return { kind: 'server', status: response.status };
}

/** The device's side of the scheme's /api/v1: typed results, never a thrown network error. */
export const schemeApi = {
	async join(code: string): Promise<JoinResult> {
		const response = await call('/api/v1/join', {
			method: 'POST',
			headers: { 'content-type': 'application/json' },
			body: JSON.stringify({ code })
		});
		if (!(response instanceof Response)) return { ok: false, problem: response };
		if (response.status === 201) {
			const reply = v.safeParse(joinReplySchema, await response.json());
			return reply.success
				? { ok: true, value: reply.output }
				: { ok: false, problem: { kind: 'server', status: 502 } };
		}
		const body = (await response.json().catch(() => ({}))) as Partial<ApiProblem>;
		if (response.status === 429) return { ok: false, refusal: 'rate-limited' };
		if (response.status === 404 && body.problem) {
			return { ok: false, refusal: body.problem as JoinRefusal };
		}
		if (response.status === 400) return { ok: false, refusal: 'invalid' };
		return { ok: false, problem: { kind: 'server', status: response.status } };
	},

	async participation(credential: DeviceCredential) {
		const response = await call('/api/v1/participation', {
			headers: { authorization: authorization(credential) }
		});
		if (!(response instanceof Response)) return { ok: false, problem: response } as const;
		if (!response.ok) return { ok: false, problem: await problemOf(response) } as const;
		const reply = v.safeParse(participationSchema, await response.json());
		return reply.success
			? ({ ok: true, value: reply.output } as const)
			: ({ ok: false, problem: { kind: 'server', status: 502 } } as const);
	},

	async uploadMetrics(
		credential: DeviceCredential,
		payload: MetricsPayload
	): Promise<ApiResult<UploadOutcome>> {
		const response = await call('/api/v1/metrics', {
			method: 'POST',
			headers: {
				authorization: authorization(credential),
				'content-type': 'application/json'
			},
			body: JSON.stringify(payload)
		});
		if (!(response instanceof Response)) return { ok: false, problem: response };
		if (!response.ok) return { ok: false, problem: await problemOf(response) };
		const body = (await response.json().catch(() => ({}))) as { outcome?: UploadOutcome };
		return { ok: true, value: body.outcome ?? 'applied' };
	}
};

export type SchemeApi = typeof schemeApi;
