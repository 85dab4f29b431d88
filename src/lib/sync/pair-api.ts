import type { PairProblem } from '$lib/protocol/problems';
import type {
	ChannelStatus,
	EndReply,
	LinkReply,
	OfferReply,
	OfferRequest,
	PullReply,
	PushReply,
	SealedOp
} from '$lib/protocol/pair-protocol';
import { exchange, jsonRequest, type DeviceCredential } from './device-http';
import { limitProblemOf } from '$lib/protocol/limit-problem';

export type PairResult<T> = { ok: true; value: T } | { ok: false; problem: PairProblem };

async function problemOf(response: Response): Promise<PairProblem> {
	const body = (await response.json().catch(() => ({}))) as { error?: string; limit?: string };
	if (response.status === 401 || body.error === 'revoked') return { kind: 'revoked' };
	const limit = limitProblemOf(response, body, new Date());
	if (limit) return limit;
	if (body.error === 'not-in-pair') return { kind: 'not-in-pair' };
	if (body.error === 'not-linked') return { kind: 'not-linked' };
	if (body.error === 'key-mismatch') return { kind: 'key-mismatch' };
	if (body.error === 'ended') return { kind: 'ended' };
	return { kind: 'server', status: response.status };
}

const request = <T>(path: string, init: RequestInit): Promise<PairResult<T>> =>
	exchange<T, PairProblem>(path, init, problemOf);

const pairPath = (pairId: string, rest = '') => `/api/v1/pairs/${pairId}${rest}`;

/**
 * The device's side of a pair's channel on the scheme server. Everything it sends is already
 * sealed with the pair key (or, for the link, a proof derived from it).
 */
export const pairApi = {
	link: (c: DeviceCredential, pairId: string, proof: string) =>
		request<LinkReply>(pairPath(pairId, '/link'), jsonRequest(c, 'PUT', { proof })),

	status: (c: DeviceCredential, pairId: string) =>
		request<ChannelStatus>(pairPath(pairId), jsonRequest(c, 'GET')),

	push: (c: DeviceCredential, pairId: string, ops: SealedOp[]) =>
		request<PushReply>(pairPath(pairId, '/ops'), jsonRequest(c, 'POST', { ops })),

	pull: (c: DeviceCredential, pairId: string, after: number) =>
		request<PullReply>(pairPath(pairId, `/ops?after=${after}`), jsonRequest(c, 'GET')),

	offer: (c: DeviceCredential, pairId: string, offer: OfferRequest) =>
		request<OfferReply>(pairPath(pairId, '/offer'), jsonRequest(c, 'POST', offer)),

	takeOffer: (c: DeviceCredential, pairId: string) =>
		request<OfferReply>(pairPath(pairId, '/offer'), jsonRequest(c, 'GET')),

	withdrawOffer: (c: DeviceCredential, pairId: string) =>
		request<void>(pairPath(pairId, '/offer'), jsonRequest(c, 'DELETE')),

	end: (c: DeviceCredential, pairId: string) =>
		request<EndReply>(pairPath(pairId, '/end'), jsonRequest(c, 'POST'))
};

export type PairApi = typeof pairApi;
