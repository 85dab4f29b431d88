import { addDays, formatISO, parseISO } from 'date-fns';
import { eq } from 'drizzle-orm';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { isStalling } from '$lib/domain/stalling';
import { dashboardRows } from '$lib/server/dashboard';
import type { Database } from '$lib/server/db/open-database';
import { pairs, schemes } from '$lib/server/db/schema';
import { recordMetrics } from '$lib/server/metrics';
import { rawReport } from '$lib/server/report/evaluation-report';
import {
	aCoordinator,
	aPairIn,
	aScheme,
	identityOf,
	metricsPayload
} from '../support/scheme-factories';
import { dbTimeout, serverDatabaseBackends, useFreshDatabase } from '../support/server-databases';

const today = '2026-10-15';
const day = (from: string, days: number) =>
	formatISO(addDays(parseISO(from), days), { representation: 'date' });

/** Pairs of every kind a scheme has: started at any time in the pilot, met never or often. */
const generatedPairs = fc
	.sample(
		fc.record({
			status: fc.constantFrom('active' as const, 'paused' as const),
			startsAfter: fc.integer({ min: 0, max: 180 }),
			metAfter: fc.array(fc.integer({ min: 0, max: 180 }), { maxLength: 3 })
		}),
		{ numRuns: 24, seed: 14 }
	)
	.map(({ status, startsAfter, metAfter }) => {
		const startsOn = day('2026-05-01', startsAfter);
		const met = metAfter.map((d) => day(startsOn, d)).filter((d) => d <= today);
		return { status, startsOn, met, lastMetOn: met.length > 0 ? met.sort().at(-1)! : null };
	});

for (const backend of serverDatabaseBackends) {
	// The dashboard applies domain/stalling.ts to each row; the evaluation report counts stalled
	// pairs in SQL. Both must say what the domain rule says, on the same generated pairs.
	describe(`the stalling rule on ${backend.name}`, { timeout: dbTimeout }, () => {
		let db: Database;
		useFreshDatabase(backend, (opened) => (db = opened.db));

		it('is the same in the dashboard, the report and the domain rule, for any window', async () => {
			const coordinator = await aCoordinator(db);
			const scheme = await aScheme(db, coordinator.id);
			for (const generated of generatedPairs) {
				const { pairId, mentee } = await aPairIn(db, scheme.id, coordinator.id);
				await db
					.update(pairs)
					.set({ status: generated.status, startsOn: generated.startsOn })
					.where(eq(pairs.id, pairId));
				const payload = metricsPayload({
					pair: pairId,
					generatedAt: `${today}T09:00:00.000Z`,
					sessionsHeld: generated.met.map((on) => ({ on, minutes: 60 }))
				});
				expect(await recordMetrics(db, await identityOf(db, mentee.authorization), payload)).toBe(
					'applied'
				);
			}
			const counted = [];
			for (const stallAfterWeeks of [1, 4, 6, 12]) {
				const [windowed] = await db
					.update(schemes)
					.set({ stallAfterWeeks })
					.where(eq(schemes.id, scheme.id))
					.returning();
				const expected = generatedPairs.filter((p) => isStalling(p, stallAfterWeeks, today)).length;
				const dashboard = (await dashboardRows(db, windowed!, today)).filter((r) => r.stalling);
				const report = await rawReport(db, windowed!, 'pilot', today);
				expect({ dashboard: dashboard.length, report: report.pairs.stalled }).toEqual({
					dashboard: expected,
					report: expected
				});
				counted.push(expected);
			}
			// The generated pairs reach both sides of the rule.
			expect(Math.max(...counted)).toBeGreaterThan(Math.min(...counted));
			expect(Math.min(...counted)).toBeLessThan(generatedPairs.length);
		});
	});
}
