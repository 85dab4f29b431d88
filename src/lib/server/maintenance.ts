import { lte } from 'drizzle-orm';
import { purgeStaleUploads } from './backup-limits';
import { database } from './db';
import type { Database } from './db/open-database';
import { pairLinkOffers } from './db/schema';
import { purgeRateLimits } from './rate-limit';

/**
 * Deletes what has outlived its purpose: counters whose window closed (they hold addresses
 * and hashed accounts), backup uploads never finished within their day, and short-code offers
 * that expired. Safe to run on every app server at once: each is a plain delete.
 */
export async function sweep(db: Database, now = new Date()) {
	return {
		rateLimits: await purgeRateLimits(db, now.getTime()),
		uploads: await purgeStaleUploads(db, now),
		offers: (
			await db
				.delete(pairLinkOffers)
				.where(lte(pairLinkOffers.expiresAt, now))
				.returning({ pairId: pairLinkOffers.pairId })
		).length
	};
}

const everyMs = 15 * 60_000;

/** Sweeps at start and every quarter of an hour, without keeping the process alive. */
export function startSweeping(): void {
	const run = async () => {
		try {
			await sweep((await database()).db);
		} catch (e) {
			console.error('Sweep failed:', e instanceof Error ? e.name : 'error');
		}
	};
	void run();
	setInterval(() => void run(), everyMs).unref();
}
