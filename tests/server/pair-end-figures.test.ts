import { describe, expect, it, vi } from 'vitest';
import { dashboardRows } from '$lib/server/dashboard';
import type { Database } from '$lib/server/db/open-database';
import { recordMetrics } from '$lib/server/metrics';
import { endPair } from '$lib/server/pair-ending';
import { rawReport } from '$lib/server/report/evaluation-report';
import { setPairStatus } from '$lib/server/scheme-pairs';
import type { MetricsPayload } from '$lib/protocol/metrics-payload';
import { POST as uploadMetrics } from '../../src/routes/api/v1/metrics/+server';
import { callRoute } from '../support/route-call';
import { aPairWithDevices, metricsPayload } from '../support/scheme-factories';
import { dbTimeout, serverDatabaseBackends, useFreshDatabase } from '../support/server-databases';

const current = vi.hoisted(() => ({ open: undefined as unknown }));
vi.mock('$lib/server/db', () => ({ database: async () => current.open }));

const at = (iso: string) => new Date(iso);

for (const backend of serverDatabaseBackends) {
	describe(`a pair's figures after its end on ${backend.name}`, { timeout: dbTimeout }, () => {
		let db: Database;
		useFreshDatabase(backend, (opened) => {
			db = opened.db;
			current.open = opened;
		});

		/** What the dashboard and the evaluation report say of the scheme's one pair. */
		async function figures(pair: Awaited<ReturnType<typeof aPairWithDevices>>) {
			const [row] = await dashboardRows(db, pair.scheme, '2027-01-01');
			const report = await rawReport(db, pair.scheme, 'pilot', '2027-01-01');
			const { sessionsHeld, minutesHeld, lastMetOn, goalsSet, goalsAchieved, winsLogged } = row!;
			return {
				dashboard: { sessionsHeld, minutesHeld, lastMetOn, goalsSet, goalsAchieved, winsLogged },
				report: {
					pairs: report.pairs,
					sessions: report.activity.sessions,
					minutes: report.activity.minutes,
					wins: report.activity.winsLogged,
					months: report.activity.months.filter((m) => m.sessions > 0 || m.wins > 0)
				}
			};
		}

		const report = (pairId: string, overrides: Partial<MetricsPayload>) =>
			metricsPayload({ pair: pairId, ...overrides });

		for (const ender of ['mentee', 'coordinator'] as const)
			it(`counts nothing after the day the ${ender} ended it, whenever it arrives`, async () => {
				const pair = await aPairWithDevices(db);
				const { pairId, menteeDevice, mentorDevice } = pair;
				// Before the end, the mentee's device reports a session dated after it (typed ahead).
				expect(
					await recordMetrics(
						db,
						menteeDevice,
						report(pairId, {
							generatedAt: '2026-08-01T10:00:00Z',
							sessionsHeld: [
								{ on: '2026-07-10', minutes: 60 },
								{ on: '2026-08-20', minutes: 45 }
							],
							// W33 holds the last day (10 to 16 August); W35 starts after it.
							winsByWeek: [
								{ week: '2026-W33', wins: 2 },
								{ week: '2026-W35', wins: 5 }
							],
							goalsSet: 2,
							goalsAchieved: 1,
							lastActivityOn: '2026-08-20'
						})
					)
				).toBe('applied');
				const end = at('2026-08-15T12:00:00Z');
				if (ender === 'mentee') await endPair(db, menteeDevice, pairId, end);
				else await setPairStatus(db, pair.scheme.id, pairId, 'ended', end);

				const ended = await figures(pair);
				expect(ended.dashboard).toEqual({
					sessionsHeld: 1,
					minutesHeld: 60,
					lastMetOn: '2026-07-10',
					goalsSet: 2,
					goalsAchieved: 1,
					winsLogged: 2
				});
				expect(ended.report).toMatchObject({
					pairs: { formed: 1, ended: 1, goalsSet: 2, goalsAchieved: 1 },
					sessions: 1,
					minutes: 60,
					wins: 2,
					months: [
						{ month: '2026-07', sessions: 1, minutes: 60, pairsMet: 1, wins: 0 },
						{ month: '2026-08', sessions: 0, minutes: 0, pairsMet: 0, wins: 2 }
					]
				});

				// A report written after the end is taken (200, so the device stops sending it) and
				// changes nothing, whatever it holds, from either member.
				for (const [who, authorization] of [
					[menteeDevice, pair.mentee.authorization],
					[mentorDevice, pair.mentor.authorization]
				] as const) {
					const late = report(pairId, {
						generatedAt: '2026-08-16T09:00:00Z',
						sessionsHeld: [
							{ on: '2026-07-10', minutes: 90 },
							{ on: '2026-08-12', minutes: 30 },
							{ on: '2026-08-18', minutes: 30 }
						],
						winsByWeek: [{ week: '2026-W34', wins: 3 }],
						goalsSet: 6,
						goalsAchieved: 6
					});
					expect(await callRoute(uploadMetrics, 'POST', authorization, late)).toEqual({
						status: 200,
						body: { outcome: 'stale' }
					});
					// Sent again, it is stale again: nothing of it is kept to tell it from new.
					expect(await recordMetrics(db, who, late)).toBe('stale');
				}
				expect(await figures(pair)).toEqual(ended);

				// One written before the end but arriving late counts, up to the last day.
				expect(
					await recordMetrics(
						db,
						mentorDevice,
						report(pairId, {
							generatedAt: '2026-08-15T11:00:00Z',
							sessionsHeld: [
								{ on: '2026-08-14', minutes: 40 },
								{ on: '2026-08-15', minutes: 20 },
								{ on: '2026-08-16', minutes: 50 }
							]
						})
					)
				).toBe('applied');
				const after = await figures(pair);
				expect(after.dashboard).toMatchObject({
					sessionsHeld: 3,
					minutesHeld: 120,
					lastMetOn: '2026-08-15'
				});
				expect(after.report).toMatchObject({ sessions: 3, minutes: 120, wins: 2 });
			});
	});
}
