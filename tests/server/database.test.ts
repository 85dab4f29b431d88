import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sql } from 'drizzle-orm';
import postgres from 'postgres';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase, type OpenDatabase } from '$lib/server/db/open-database';
import { schemes } from '$lib/server/db/schema';

const migrationsFolder = 'drizzle';
// Creating an embedded database runs initdb in WebAssembly: seconds on a busy two-core machine.
const dbTimeout = 60_000;
const postgresUrl = process.env.TEST_DATABASE_URL || process.env.DATABASE_URL;

/** Empties a test PostgreSQL database so every run migrates from nothing. */
async function resetPostgres(url: string): Promise<void> {
	const client = postgres(url, { max: 1, onnotice: () => {} });
	await client`drop schema if exists public cascade`;
	await client`drop schema if exists drizzle cascade`;
	await client`create schema public`;
	await client.end();
}

const backends: { name: string; location: () => string; reset?: () => Promise<void> }[] = [
	{
		name: 'PGlite',
		location: (
			(dir) => () =>
				dir
		)(mkdtempSync(join(tmpdir(), 'tandem-db-')))
	},
	...(postgresUrl
		? [{ name: 'PostgreSQL', location: () => postgresUrl, reset: () => resetPostgres(postgresUrl) }]
		: [])
];

for (const backend of backends) {
	describe(`the scheme database on ${backend.name}`, () => {
		let open: OpenDatabase;

		beforeAll(async () => {
			await backend.reset?.();
			open = await openDatabase({ location: backend.location(), migrationsFolder });
		}, dbTimeout);
		afterAll(() => open.close());

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
				open = await openDatabase({ location: backend.location(), migrationsFolder });
				expect(await open.db.select().from(schemes)).toHaveLength(1);
			},
			dbTimeout
		);

		if (backend.reset) {
			it(
				'lets several servers start and migrate at once',
				async () => {
					await open.close();
					await backend.reset!();
					const servers = await Promise.all(
						[1, 2, 3].map(() => openDatabase({ location: backend.location(), migrationsFolder }))
					);
					const applied = await servers[0]!.db.execute(
						sql`select count(*)::int as n from drizzle.__drizzle_migrations`
					);
					expect(applied).toMatchObject([{ n: 1 }]);
					await Promise.all(servers.slice(1).map((s) => s.close()));
					open = servers[0]!;
				},
				dbTimeout
			);
		}
	});
}
