import { readdirSync } from 'node:fs';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase, type OpenDatabase } from '$lib/server/db/open-database';
import {
	pairMonths,
	pairs,
	pairSessions,
	pairWinWeeks,
	participants,
	schemes
} from '$lib/server/db/schema';
import { migrationsBefore } from '../support/older-migrations';
import { dbTimeout, migrationsFolder, serverDatabaseBackends } from '../support/server-databases';

const migrationCount = readdirSync(migrationsFolder).filter((f) => f.endsWith('.sql')).length;

for (const backend of serverDatabaseBackends) {
	describe(`the scheme database on ${backend.name}`, () => {
		let open: OpenDatabase;
		let location: string;

		beforeAll(async () => {
			location = await backend.create();
			open = await backend.open(location);
		}, dbTimeout);
		afterAll(async () => {
			await open.close();
			await backend.drop(location);
		});

		it(
			'is migrated on open and stores a scheme',
			async () => {
				const [scheme] = await open.db
					.insert(schemes)
					.values({
						name: 'Member mentoring pilot',
						organisation: 'Example County Council',
						pilotStartsOn: '2026-05-01',
						pilotEndsOn: '2026-10-31'
					})
					.returning();
				expect(scheme).toMatchObject({ stallAfterWeeks: 6, reviewOn: null });
				const rows = await open.db.select().from(schemes);
				expect(rows).toHaveLength(1);
			},
			dbTimeout
		);

		it(
			'keeps its data and migrates again without harm when the server restarts',
			async () => {
				await open.close();
				open = await backend.open(location);
				expect(await open.db.select().from(schemes)).toHaveLength(1);
			},
			dbTimeout
		);

		if (backend.name === 'PostgreSQL') {
			it(
				'lets several servers start and migrate at once',
				async () => {
					await open.close();
					await backend.drop(location);
					location = await backend.create();
					const servers = await Promise.all([1, 2, 3].map(() => backend.open(location)));
					const applied = await servers[0]!.db.execute(
						sql`select count(*)::int as n from drizzle.__drizzle_migrations`
					);
					expect(applied).toMatchObject([{ n: migrationCount }]);
					await Promise.all(servers.slice(1).map((s) => s.close()));
					open = servers[0]!;
				},
				dbTimeout
			);
		}
	});
}

for (const backend of serverDatabaseBackends) {
	describe(`upgrading a ${backend.name} database to the programme (0004)`, () => {
		it(
			'merges the reports already held into sessions, win weeks and months',
			async () => {
				const location = await backend.create();
				const older = await openDatabase({
					location,
					migrationsFolder: migrationsBefore('0004_programme')
				});
				const [scheme] = await older.db
					.insert(schemes)
					.values({
						name: 'Held over',
						organisation: 'Example County Council',
						pilotStartsOn: '2026-05-01',
						pilotEndsOn: '2026-10-31'
					})
					.returning();
				const [mentor, mentee] = await older.db
					.insert(participants)
					.values([
						{ schemeId: scheme!.id, role: 'mentor', name: 'Morgan' },
						{ schemeId: scheme!.id, role: 'mentee', name: 'Megan' }
					])
					.returning();
				const [pair] = await older.db
					.insert(pairs)
					.values({
						schemeId: scheme!.id,
						mentorId: mentor!.id,
						menteeId: mentee!.id,
						startsOn: '2026-05-01'
					})
					.returning();
				// Written as that release wrote them: its table had no upload id yet.
				const report = async (
					who: string,
					sessionsHeld: { on: string; minutes: number }[],
					winsByWeek: { week: string; wins: number }[]
				) =>
					older.db.execute(sql`
						insert into pair_reports (pair_id, participant_id, generated_at, sessions_held,
							sessions_scheduled, agenda_items_raised, agenda_items_discussed, goals_set,
							goals_achieved, goals_dropped, actions_open, actions_done, wins_by_week)
						values (${pair!.id}, ${who}, '2026-08-01T10:00:00Z', ${JSON.stringify(sessionsHeld)},
							0, 0, 0, 0, 0, 0, 0, 0, ${JSON.stringify(winsByWeek)})`);
				await report(
					mentee!.id,
					[
						{ on: '2026-05-10', minutes: 45 },
						{ on: '2026-06-02', minutes: 30 }
					],
					[
						{ week: '2026-W19', wins: 1 },
						{ week: '2026-W23', wins: 2 }
					]
				);
				await report(
					mentor!.id,
					[{ on: '2026-05-10', minutes: 60 }],
					[{ week: '2026-W19', wins: 3 }]
				);
				await older.close();

				const upgraded = await backend.open(location);
				try {
					const { db } = upgraded;
					expect(
						await db
							.select({ on: pairSessions.heldOn, minutes: pairSessions.minutes })
							.from(pairSessions)
							.orderBy(pairSessions.heldOn)
					).toEqual([
						{ on: '2026-05-10', minutes: 60 },
						{ on: '2026-06-02', minutes: 30 }
					]);
					expect(
						await db
							.select({ week: pairWinWeeks.weekOf, wins: pairWinWeeks.wins })
							.from(pairWinWeeks)
							.orderBy(pairWinWeeks.weekOf)
					).toEqual([
						{ week: '2026-05-04', wins: 3 },
						{ week: '2026-06-01', wins: 2 }
					]);
					expect(
						await db
							.select({
								month: pairMonths.month,
								sessions: pairMonths.sessions,
								minutes: pairMonths.minutes,
								wins: pairMonths.wins
							})
							.from(pairMonths)
							.orderBy(pairMonths.month)
					).toEqual([
						{ month: '2026-05-01', sessions: 1, minutes: 60, wins: 3 },
						{ month: '2026-06-01', sessions: 1, minutes: 30, wins: 2 }
					]);
				} finally {
					await upgraded.close();
					await backend.drop(location);
				}
			},
			dbTimeout * 2
		);
	});
}
