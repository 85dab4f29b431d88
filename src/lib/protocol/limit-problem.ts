import { isStorageLimitName, type StorageLimitName } from '$lib/domain/storage-limit';

/**
 * The scheme's server refused something at one of its limits (413 or 429 naming it). The
 * device keeps what it has, says so in plain words, and asks again no sooner than `retryAt`.
 */
export interface LimitProblem {
	kind: 'limit';
	limit: StorageLimitName;
	max: number | null;
	/** When the server said to ask again; null: only once something else changes. */
	retryAt: string | null;
}

/** The limit a refusal names, if it is one; anything else is left to the caller. */
export function limitProblemOf(
	response: Response,
	body: { limit?: unknown; max?: unknown },
	now: Date
): LimitProblem | undefined {
	if (response.status !== 413 && response.status !== 429) return undefined;
	if (!isStorageLimitName(body.limit)) return undefined;
	const seconds = Number(response.headers.get('retry-after'));
	return {
		kind: 'limit',
		limit: body.limit,
		max: typeof body.max === 'number' ? body.max : null,
		retryAt:
			Number.isFinite(seconds) && seconds > 0
				? new Date(now.getTime() + seconds * 1000).toISOString()
				: null
	};
}

/** Whether a limit met before still stands: its wait is not over yet. */
export function stillLimited(problem: { kind: string } | null | undefined, now: Date): boolean {
	if (problem?.kind !== 'limit') return false;
	const { retryAt } = problem as LimitProblem;
	return retryAt === null || new Date(retryAt) > now;
}
