import { count, eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import type { OpenDatabase } from '$lib/server/db/open-database';
import { pairReports } from '$lib/server/db/schema';
import { recordMetrics } from '$lib/server/metrics';
import { aSchemeWithPair, identityOf, metricsPayload } from '../support/scheme-factories';
import { dbTimeout, serverDatabaseBackends, useFreshDatabase } from '../support/server-databases';

for (const backend of serverDatabaseBackends) {
	describe(`progress reports on ${backend.name}`, { timeout: dbTimeout }, () => {
		let open: OpenDatabase;
		useFreshDatabase(backend, (opened) => (open = opened));

		it('keep one row per member however many uploads arrive', async () => {
			const { mentee, pairId } = await aSchemeWithPair(open.db);
			const who = await identityOf(open.db, mentee.authorization);
			for (let i = 0; i < 30; i++) {
				const at = new Date(Date.UTC(2026, 5, 1, 10, i)).toISOString();
				await recordMetrics(open.db, who, metricsPayload({ pair: pairId, generatedAt: at }));
			}
			const [row] = await open.db
				.select({ n: count() })
				.from(pairReports)
				.where(eq(pairReports.pairId, pairId));
			expect(row!.n).toBe(1);
		});

		it('let no device clock freeze a pair: a report from the future counts as now', async () => {
			const { mentee, pairId } = await aSchemeWithPair(open.db);
			const who = await identityOf(open.db, mentee.authorization);
			const now = new Date('2026-12-07T12:00:00Z');
			const wrongClock = metricsPayload({
				pair: pairId,
				generatedAt: '2099-12-31T23:59:59Z',
				sessionsHeld: [
					{ on: '2026-12-01', minutes: 60 },
					{ on: '2099-12-31', minutes: 60 }
				],
				lastActivityOn: '2099-12-31'
			});
			expect(await recordMetrics(open.db, who, wrongClock, now)).toBe('applied');
			const [held] = await open.db.select().from(pairReports).where(eq(pairReports.pairId, pairId));
			expect(held!.generatedAt).toEqual(now);
			expect(held!.sessionsHeld).toEqual([{ on: '2026-12-01', minutes: 60 }]);
			expect(held!.lastActivityOn).toBeNull();
			const later = new Date('2026-12-08T09:00:00Z');
			const corrected = metricsPayload({
				pair: pairId,
				generatedAt: later.toISOString(),
				goalsSet: 4
			});
			expect(await recordMetrics(open.db, who, corrected, later)).toBe('applied');
		});
	});
}
