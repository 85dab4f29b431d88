import { and, eq, gt, lte, sql } from 'drizzle-orm';
import type { Database } from './db/open-database';
import { rateLimits } from './db/schema';

export interface RateRule {
	max: number;
	windowMs: number;
}

export type RateVerdict = { allowed: true } | { allowed: false; retryAfterSeconds: number };

const refusedUntil = (windowStartedAt: number, rule: RateRule, now: number): RateVerdict => ({
	allowed: false,
	retryAfterSeconds: Math.max(1, Math.ceil((windowStartedAt + rule.windowMs - now) / 1000))
});

/**
 * Counts one hit in a fixed-window counter in the database, so several app servers share one
 * limit, and says whether it was within the limit. One upsert per hit: cheap next to the
 * password hash or code lookup it protects.
 */
export async function hitRateLimit(
	db: Database,
	key: string,
	rule: RateRule,
	now = Date.now()
): Promise<RateVerdict> {
	const windowStart = now - rule.windowMs;
	const fresh = sql`${rateLimits.windowStartedAt} <= ${windowStart}`;
	const [row] = await db
		.insert(rateLimits)
		.values({ key, windowStartedAt: now, hits: 1, expiresAt: now + rule.windowMs })
		.onConflictDoUpdate({
			target: rateLimits.key,
			set: {
				hits: sql`case when ${fresh} then 1 else ${rateLimits.hits} + 1 end`,
				windowStartedAt: sql`case when ${fresh} then ${now} else ${rateLimits.windowStartedAt} end`,
				expiresAt: sql`case when ${fresh} then ${now + rule.windowMs} else ${rateLimits.expiresAt} end`
			}
		})
		.returning();
	if (!row || row.hits <= rule.max) return { allowed: true };
	return refusedUntil(row.windowStartedAt, rule, now);
}

/**
 * Whether a key has already had its limit in the current window, counting nothing: for codes,
 * where only a wrong guess counts (`hitRateLimit` after it), so a room of people typing their
 * own right codes never runs into the limit.
 */
export async function rateLimitReached(
	db: Database,
	key: string,
	rule: RateRule,
	now = Date.now()
): Promise<RateVerdict> {
	const [row] = await db
		.select()
		.from(rateLimits)
		.where(
			and(
				eq(rateLimits.key, key),
				gt(rateLimits.windowStartedAt, now - rule.windowMs),
				sql`${rateLimits.hits} >= ${rule.max}`
			)
		);
	return row ? refusedUntil(row.windowStartedAt, rule, now) : { allowed: true };
}

/** Deletes counters whose window has closed: an address or account is kept no longer. */
export async function purgeRateLimits(db: Database, now = Date.now()): Promise<number> {
	const purged = await db
		.delete(rateLimits)
		.where(lte(rateLimits.expiresAt, now))
		.returning({ key: rateLimits.key });
	return purged.length;
}
