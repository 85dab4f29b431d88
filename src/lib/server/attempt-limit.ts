import type { RequestEvent } from '@sveltejs/kit';
import { apiProblem } from './api-response';
import { database } from './db';
import { hitRateLimit } from './rate-limit';
import { rateRules } from './rate-rules';

/**
 * Counts a sign-in or sign-up attempt from this client address, before any password is
 * hashed. Returns the whole minutes to wait when the address has had too many.
 */
export async function minutesToWait(
	event: RequestEvent,
	kind: 'signIn' | 'signUp'
): Promise<number | undefined> {
	const { db } = await database();
	const prefix = kind === 'signIn' ? 'sign-in' : 'sign-up';
	const verdict = await hitRateLimit(
		db,
		`${prefix}:${event.getClientAddress()}`,
		rateRules[kind]()
	);
	return verdict.allowed ? undefined : Math.ceil(verdict.retryAfterSeconds / 60);
}

/**
 * Counts an attempt to get a device credential (joining, or recovering with a recovery code)
 * from this client address; answers 429 when the address has had too many.
 */
export async function refusedDeviceAttempt(
	event: RequestEvent,
	kind: 'join' | 'recover'
): Promise<Response | undefined> {
	const { db } = await database();
	const limit = await hitRateLimit(db, `${kind}:${event.getClientAddress()}`, rateRules.join());
	if (limit.allowed) return undefined;
	return apiProblem(
		429,
		{ error: 'rate-limited' },
		{ 'retry-after': String(limit.retryAfterSeconds) }
	);
}
