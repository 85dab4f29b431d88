import { PGlite } from '@electric-sql/pglite';
import { drizzle as drizzlePglite } from 'drizzle-orm/pglite';
import { migrate as migratePglite } from 'drizzle-orm/pglite/migrator';
import type { PgDatabase, PgQueryResultHKT } from 'drizzle-orm/pg-core';
import { drizzle as drizzlePostgres } from 'drizzle-orm/postgres-js';
import { migrate as migratePostgres } from 'drizzle-orm/postgres-js/migrator';
import postgres from 'postgres';
import { openEmbeddedDatabase, type EmbeddedDatabase } from './embedded-database';
import * as schema from './schema';

export type Database = PgDatabase<PgQueryResultHKT, typeof schema>;

export interface OpenDatabase {
	db: Database;
	kind: 'pglite' | 'postgres';
	close(): Promise<void>;
}

export interface DatabaseOptions {
	/** A postgres:// URL, or a PGlite data directory ("memory://" for tests). */
	location: string;
	migrationsFolder: string;
	/** PGlite: how many automatic copies of the closed database to keep (none unless asked). */
	snapshots?: number;
}

// Any constant will do, as long as every Tandem server uses the same one.
const MIGRATION_LOCK = 7_261_746;

function inMemory(location: string): EmbeddedDatabase {
	const client = new PGlite(location);
	return { client, close: () => client.close() };
}

function isPostgresUrl(location: string): boolean {
	return /^postgres(ql)?:\/\//.test(location);
}

/**
 * Opens the scheme server's database and brings its schema up to date. With PostgreSQL the
 * migration holds an advisory lock, so several servers starting at once migrate one at a time.
 */
export async function openDatabase(options: DatabaseOptions): Promise<OpenDatabase> {
	const { location, migrationsFolder } = options;
	if (isPostgresUrl(location)) {
		const client = postgres(location, { max: 10, onnotice: () => {} });
		const db = drizzlePostgres(client, { schema });
		const lock = await client.reserve();
		try {
			await lock`select pg_advisory_lock(${MIGRATION_LOCK})`;
			await migratePostgres(db, { migrationsFolder });
		} finally {
			await lock`select pg_advisory_unlock(${MIGRATION_LOCK})`;
			lock.release();
		}
		return { db, kind: 'postgres', close: () => client.end() };
	}
	const { client, close } = location.startsWith('memory://')
		? inMemory(location)
		: await openEmbeddedDatabase(location, { snapshots: options.snapshots ?? 0 });
	const db = drizzlePglite(client, { schema });
	try {
		await migratePglite(db, { migrationsFolder });
	} catch (error) {
		await close();
		throw error;
	}
	return { db, kind: 'pglite', close };
}

/** A transaction from `db.transaction`, which runs the same queries as the database. */
export type Transaction = Parameters<Parameters<Database['transaction']>[0]>[0];
