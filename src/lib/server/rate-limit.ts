import { sql } from 'drizzle-orm';
import type { Database } from './db/open-database';
import { rateLimits } from './db/schema';

export interface RateRule {
	max: number;
	windowMs: number;
}

export type RateVerdict = { allowed: true } | { allowed: false; retryAfterSeconds: number };

/**
 * A fixed-window counter in the database, so several app servers share one limit. One upsert
 * per attempt: cheap next to the password hash or code lookup it protects.
 */
export async function hitRateLimit(
	db: Database,
	key: string,
	rule: RateRule,
	now = Date.now()
): Promise<RateVerdict> {
	const windowStart = now - rule.windowMs;
	const [row] = await db
		.insert(rateLimits)
		.values({ key, windowStartedAt: now, hits: 1 })
		.onConflictDoUpdate({
			target: rateLimits.key,
			set: {
				hits: sql`case when ${rateLimits.windowStartedAt} <= ${windowStart} then 1 else ${rateLimits.hits} + 1 end`,
				windowStartedAt: sql`case when ${rateLimits.windowStartedAt} <= ${windowStart} then ${now} else ${rateLimits.windowStartedAt} end`
			}
		})
		.returning();
	if (!row || row.hits <= rule.max) return { allowed: true };
	return {
		allowed: false,
		retryAfterSeconds: Math.max(1, Math.ceil((row.windowStartedAt + rule.windowMs - now) / 1000))
	};
}
