import type { JoinRefusal, SyncProblem } from '$lib/protocol/problems';
import * as v from 'valibot';
import {
	boardListingSchema,
	type BoardListing,
	type BoardPostInput,
	type BoardReactionInput
} from '$lib/protocol/board-protocol';
import type { MetricsPayload } from '$lib/protocol/metrics-payload';
import { joinReplySchema, participationSchema, type ApiProblem } from '$lib/protocol/participation';
import { authorization, call, jsonRequest, type DeviceCredential } from './device-http';
import { thisDeviceLabel } from '$lib/protocol/device-label';
import { limitProblemOf } from '$lib/protocol/limit-problem';
import type { Needs, PenPicture, ProposalAnswer } from '$lib/protocol/publication-protocol';
import type { SupportRequestInput } from '$lib/protocol/support-protocol';
import type { SurveyAnswerPayload } from '$lib/protocol/survey-protocol';

export type ApiResult<T> = { ok: true; value: T } | { ok: false; problem: SyncProblem };
export type JoinResult =
	| { ok: true; value: v.InferOutput<typeof joinReplySchema> }
	| { ok: false; refusal: JoinRefusal }
	| { ok: false; problem: SyncProblem };
export type UploadOutcome = 'applied' | 'duplicate' | 'stale';

/** 'stale': the scheme already holds a copy written later (from another of the person's devices). */
export type PublishOutcome = 'saved' | 'stale';
/** The scheme refused the publication itself, naming the field; sending it again cannot help. */
export type PublishResult = ApiResult<PublishOutcome> | { ok: false; refusal: PublicationRefusal };
export interface PublicationRefusal {
	field: string;
	problem: string;
}

export type AnswerRefusal = 'unknown-proposal' | 'not-your-turn' | 'closed';
/** The proposal's status after the answer, and the pair when both have said yes. */
export interface AnswerOutcome {
	status: string;
	pairId: string | null;
}
export type AnswerResult = ApiResult<AnswerOutcome> | { ok: false; refusal: AnswerRefusal };

const answerRefusals: readonly string[] = ['unknown-proposal', 'not-your-turn', 'closed'];

type ProblemBody = Partial<ApiProblem>;
const bodyOf = (response: Response): Promise<ProblemBody> =>
	response.json().catch(() => ({})) as Promise<ProblemBody>;

function problemFrom(response: Response, body: ProblemBody): SyncProblem {
	const { status } = response;
	if (status === 401 || body.error === 'revoked') return { kind: 'revoked' };
	const limit = limitProblemOf(response, body, new Date());
	if (limit) return limit;
	if (body.error === 'not-in-pair') return { kind: 'not-in-pair' };
	// Someone else's (a board post's id): sending it again cannot help.
	if (body.error === 'not-yours') return { kind: 'rejected', field: body.field ?? null };
	if (status === 400 || status === 413) return { kind: 'rejected', field: body.field ?? null };
	return { kind: 'server', status };
}

async function problemOf(response: Response): Promise<SyncProblem> {
	return problemFrom(response, await bodyOf(response));
}

async function publish(
	path: string,
	credential: DeviceCredential,
	body: { writtenAt: string } & ({ penPicture: PenPicture } | { needs: Needs })
): Promise<PublishResult> {
	const response = await call(path, jsonRequest(credential, 'PUT', body));
	if (!(response instanceof Response)) return { ok: false, problem: response };
	if (response.ok) {
		const reply = (await response.json().catch(() => ({}))) as { outcome?: PublishOutcome };
		return { ok: true, value: reply.outcome === 'stale' ? 'stale' : 'saved' };
	}
	const problem = await bodyOf(response);
	if (response.status === 400 && problem.field) {
		return { ok: false, refusal: { field: problem.field, problem: problem.problem ?? '' } };
	}
	if (response.status === 403 && problem.error === 'wrong-role') {
		return { ok: false, refusal: { field: 'role', problem: 'wrong-role' } };
	}
	return { ok: false, problem: problemFrom(response, problem) };
}

/** A withdrawal is idempotent: the scheme answers 204 whether or not it held a copy. */
async function withdraw(path: string, credential: DeviceCredential): Promise<ApiResult<null>> {
	const response = await call(path, jsonRequest(credential, 'DELETE'));
	if (!(response instanceof Response)) return { ok: false, problem: response };
	if (!response.ok) return { ok: false, problem: await problemOf(response) };
	return { ok: true, value: null };
}

/** Sends one outbox item; any 2xx is done (the server takes each idempotently). */
async function deliver(
	path: string,
	credential: DeviceCredential,
	method: string,
	body?: unknown
): Promise<ApiResult<null>> {
	const response = await call(path, jsonRequest(credential, method, body));
	if (!(response instanceof Response)) return { ok: false, problem: response };
	if (!response.ok) return { ok: false, problem: await problemOf(response) };
	return { ok: true, value: null };
}

const boardPost = (id: string) => `/api/v1/board/posts/${encodeURIComponent(id)}`;

/** The device's side of the scheme's /api/v1: typed results, never a thrown network error. */
export const schemeApi = {
	async join(code: string): Promise<JoinResult> {
		const response = await call('/api/v1/join', {
			method: 'POST',
			headers: { 'content-type': 'application/json' },
			body: JSON.stringify({ code, label: thisDeviceLabel() })
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
		if (response.status === 413 && body.limit === 'devices')
			return { ok: false, refusal: 'devices' };
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
	},

	publishPenPicture(
		credential: DeviceCredential,
		writtenAt: string,
		penPicture: PenPicture
	): Promise<PublishResult> {
		return publish('/api/v1/pen-picture', credential, { writtenAt, penPicture });
	},

	withdrawPenPicture(credential: DeviceCredential): Promise<ApiResult<null>> {
		return withdraw('/api/v1/pen-picture', credential);
	},

	publishNeeds(
		credential: DeviceCredential,
		writtenAt: string,
		needs: Needs
	): Promise<PublishResult> {
		return publish('/api/v1/needs', credential, { writtenAt, needs });
	},

	withdrawNeeds(credential: DeviceCredential): Promise<ApiResult<null>> {
		return withdraw('/api/v1/needs', credential);
	},

	sendSurveyAnswer(
		credential: DeviceCredential,
		payload: SurveyAnswerPayload
	): Promise<ApiResult<null>> {
		return deliver('/api/v1/surveys/answers', credential, 'POST', payload);
	},

	postToBoard(credential: DeviceCredential, post: BoardPostInput): Promise<ApiResult<null>> {
		return deliver('/api/v1/board/posts', credential, 'POST', post);
	},

	/** Idempotent: 204 whether or not the scheme still held the post. */
	withdrawBoardPost(credential: DeviceCredential, postId: string): Promise<ApiResult<null>> {
		return deliver(boardPost(postId), credential, 'DELETE');
	},

	reactOnBoard(
		credential: DeviceCredential,
		postId: string,
		reaction: BoardReactionInput
	): Promise<ApiResult<null>> {
		return deliver(`${boardPost(postId)}/reactions`, credential, 'PUT', reaction);
	},

	/** The scheme's board as this person may read it; `before` pages back to older posts. */
	async boardListing(
		credential: DeviceCredential,
		before: string | null = null
	): Promise<ApiResult<BoardListing>> {
		const query = before ? `?before=${encodeURIComponent(before)}` : '';
		const response = await call(`/api/v1/board${query}`, jsonRequest(credential, 'GET'));
		if (!(response instanceof Response)) return { ok: false, problem: response };
		if (!response.ok) return { ok: false, problem: await problemOf(response) };
		const reply = v.safeParse(boardListingSchema, await response.json().catch(() => null));
		return reply.success
			? { ok: true, value: reply.output }
			: { ok: false, problem: { kind: 'server', status: 502 } };
	},

	/** The scheme photo's bytes; null when the scheme has none. */
	async schemePhoto(credential: DeviceCredential): Promise<ApiResult<Blob | null>> {
		const response = await call('/api/v1/board/photo', jsonRequest(credential, 'GET'));
		if (!(response instanceof Response)) return { ok: false, problem: response };
		if (response.status === 404) return { ok: true, value: null };
		if (!response.ok) return { ok: false, problem: await problemOf(response) };
		try {
			return { ok: true, value: await response.blob() };
		} catch {
			return { ok: false, problem: { kind: 'offline' } };
		}
	},

	requestSupport(
		credential: DeviceCredential,
		request: SupportRequestInput
	): Promise<ApiResult<null>> {
		return deliver('/api/v1/support', credential, 'POST', request);
	},

	/** Another of the person's devices stops syncing at once (a lost phone, say). */
	removeDevice(credential: DeviceCredential, deviceId: string): Promise<ApiResult<null>> {
		return deliver(`/api/v1/devices/${encodeURIComponent(deviceId)}`, credential, 'DELETE');
	},

	cancelSupport(credential: DeviceCredential, requestId: string): Promise<ApiResult<null>> {
		return deliver(`/api/v1/support/${encodeURIComponent(requestId)}`, credential, 'DELETE');
	},

	async answerProposal(
		credential: DeviceCredential,
		proposalId: string,
		answer: ProposalAnswer
	): Promise<AnswerResult> {
		const path = `/api/v1/proposals/${encodeURIComponent(proposalId)}/answer`;
		const response = await call(path, jsonRequest(credential, 'POST', answer));
		if (!(response instanceof Response)) return { ok: false, problem: response };
		if (response.ok) {
			const reply = (await response.json().catch(() => ({}))) as Partial<AnswerOutcome>;
			return {
				ok: true,
				value: { status: String(reply.status ?? ''), pairId: reply.pairId ?? null }
			};
		}
		const problem = await bodyOf(response);
		if ((response.status === 404 || response.status === 409) && problem.error) {
			if (answerRefusals.includes(problem.error)) {
				return { ok: false, refusal: problem.error as AnswerRefusal };
			}
		}
		return { ok: false, problem: problemFrom(response, problem) };
	}
};

export type SchemeApi = typeof schemeApi;
