import type { StorageLimitName } from '$lib/domain/storage-limit';
import { apiProblem } from './api-response';

/** Every reason the device API refuses a request after reading it, with the status it is sent with. */
const statusOf = {
	invalid: 400,
	'not-in-pair': 403,
	'not-linked': 403,
	'not-yours': 403,
	'wrong-role': 403,
	'no-offer': 404,
	'not-found': 404,
	recovery: 404,
	'key-mismatch': 409,
	ended: 409,
	committed: 409,
	'recovery-in-use': 409,
	/** A limit on what is stored: waiting alone will not help, something must change first. */
	'over-limit': 413,
	/** A limit on how often: the same request will be taken after Retry-After. */
	'rate-limited': 429
} as const;

export type RefusalReason = keyof typeof statusOf;

/** What a server module answers instead of a value; routes turn it into an error reply. */
export interface Refusal {
	ok: false;
	error: RefusalReason;
	field?: string;
	problem?: string;
	/** For a limit: which one, its amount, and when to ask again at the earliest. */
	limit?: StorageLimitName;
	max?: number;
	retryAfterSeconds?: number;
}

export type Outcome<T> = { ok: true; value: T } | Refusal;

export function refused(error: RefusalReason, field?: string, problem?: string): Refusal {
	return { ok: false, error, ...(field ? { field } : {}), ...(problem ? { problem } : {}) };
}

// A stored amount rarely frees up within minutes; an hour keeps a device from asking in a loop.
const overLimitRetrySeconds = 3_600;

/** A limit on what is stored has been reached (413). */
export function overLimit(limit: StorageLimitName, max: number): Refusal {
	return {
		ok: false,
		error: 'over-limit',
		limit,
		max,
		problem: `the limit of ${max} is reached`,
		retryAfterSeconds: overLimitRetrySeconds
	};
}

/** A limit on how often has been reached (429): the request will be taken after a wait. */
export function rateLimited(
	limit: StorageLimitName,
	max: number,
	retryAfterSeconds: number
): Refusal {
	return {
		ok: false,
		error: 'rate-limited',
		limit,
		max,
		problem: `at most ${max} in the period`,
		retryAfterSeconds: Math.max(1, Math.ceil(retryAfterSeconds))
	};
}

export function refusalReply(refusal: Refusal): Response {
	const { error, field, problem, limit, max, retryAfterSeconds } = refusal;
	return apiProblem(
		statusOf[error],
		{ error, field, problem, limit, max },
		retryAfterSeconds === undefined ? undefined : { 'retry-after': String(retryAfterSeconds) }
	);
}
