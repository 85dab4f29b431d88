import type { RequestEvent } from '@sveltejs/kit';
import { apiProblem } from './api-response';
import { addressBucket } from './client-address';
import { database } from './db';
import { hitRateLimit, rateLimitReached, type RateRule, type RateVerdict } from './rate-limit';
import { rateRules } from './rate-rules';

export type CodeKind = 'join' | 'recover' | 'coordinator-invitation';

const firstRefusal = (verdicts: RateVerdict[]) =>
	verdicts.find((v): v is Extract<RateVerdict, { allowed: false }> => !v.allowed);

/**
 * A guess at a code someone was given (an invitation, a recovery code, a colleague's
 * invitation): refused while this address, or the server as a whole, has had too many wrong
 * guesses; otherwise tried, and counted only if `wrong` says so. A right code never counts, so
 * thirty people joining from one council's Wi-Fi all get in.
 */
export async function guardedCodeAttempt<T>(
	event: RequestEvent,
	kind: CodeKind,
	attempt: () => Promise<T>,
	wrong: (result: T) => boolean
): Promise<{ ok: true; value: T } | { ok: false; retryAfterSeconds: number }> {
	const { db } = await database();
	const counters: [string, RateRule][] = [
		[`${kind}:${addressBucket(event)}`, rateRules.wrongCode()],
		['wrong-code:server', rateRules.wrongCodeServerWide()]
	];
	const waiting = firstRefusal(
		await Promise.all(counters.map(([key, rule]) => rateLimitReached(db, key, rule)))
	);
	if (waiting) return { ok: false, retryAfterSeconds: waiting.retryAfterSeconds };
	const value = await attempt();
	if (wrong(value)) for (const [key, rule] of counters) await hitRateLimit(db, key, rule);
	return { ok: true, value };
}

/** The 429 a device gets while its address must wait. */
export function rateLimitedReply(retryAfterSeconds: number): Response {
	return apiProblem(429, { error: 'rate-limited' }, { 'retry-after': String(retryAfterSeconds) });
}

/** Counts a sign-up from this address, successful or not; the whole minutes to wait, if any. */
export async function signUpWait(event: RequestEvent): Promise<number | undefined> {
	const { db } = await database();
	const verdict = await hitRateLimit(db, `sign-up:${addressBucket(event)}`, rateRules.signUp());
	return verdict.allowed ? undefined : Math.ceil(verdict.retryAfterSeconds / 60);
}
