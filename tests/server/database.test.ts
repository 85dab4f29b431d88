import { readdirSync } from 'node:fs';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { OpenDatabase } from '$lib/server/db/open-database';
import { schemes } from '$lib/server/db/schema';
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
