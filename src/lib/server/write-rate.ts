import type { StorageLimitName } from '$lib/domain/storage-limit';
import type { Database } from './db/open-database';
import type { DeviceIdentity } from './devices';
import { hitRateLimit, type RateRule } from './rate-limit';
import { rateLimited, type Outcome } from './refusals';
import { storageLimits } from './storage-limits';

const hour = 3_600_000;

/** The writes that replace what they change rather than add to it, limited only in how often. */
const rules = {
	'reactions-per-hour': () => ({ max: storageLimits().reactionsPerHour, windowMs: hour }),
	'publications-per-day': () => ({ max: storageLimits().publicationsPerDay, windowMs: 24 * hour }),
	'check-in-answers-per-day': () => ({
		max: storageLimits().checkInAnswersPerDay,
		windowMs: 24 * hour
	})
} satisfies Partial<Record<StorageLimitName, () => RateRule>>;

/** Counts one write of a person's against its limit; 429 with Retry-After once it is reached. */
export async function withinRate(
	db: Database,
	who: DeviceIdentity,
	limit: keyof typeof rules,
	now: Date
): Promise<Outcome<null>> {
	const rule = rules[limit]();
	const verdict = await hitRateLimit(db, `${limit}:${who.participantId}`, rule, now.getTime());
	return verdict.allowed
		? { ok: true, value: null }
		: rateLimited(limit, rule.max, verdict.retryAfterSeconds);
}
