import { apiProblem } from './api-response';

/** Every reason the device API refuses a request after reading it, with the status it is sent with. */
const statusOf = {
	invalid: 400,
	'not-in-pair': 403,
	'not-linked': 403,
	'not-yours': 403,
	'no-offer': 404,
	'not-found': 404,
	recovery: 404,
	'key-mismatch': 409,
	ended: 409,
	committed: 409,
	'recovery-in-use': 409
} as const;

export type RefusalReason = keyof typeof statusOf;

/** What a server module answers instead of a value; routes turn it into an error reply. */
export interface Refusal {
	ok: false;
	error: RefusalReason;
	field?: string;
	problem?: string;
}

export type Outcome<T> = { ok: true; value: T } | Refusal;

export function refused(error: RefusalReason, field?: string, problem?: string): Refusal {
	return { ok: false, error, ...(field ? { field } : {}), ...(problem ? { problem } : {}) };
}

export function refusalReply({ error, field, problem }: Refusal): Response {
	return apiProblem(statusOf[error], { error, field, problem });
}
