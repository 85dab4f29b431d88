import { resolve } from 'node:path';
import { env } from '$env/dynamic/private';
import { openDatabase, type OpenDatabase } from './open-database';

let opening: Promise<OpenDatabase> | undefined;

/**
 * The server's database: PostgreSQL when DATABASE_URL is set (needed to run several app
 * servers), otherwise an embedded PGlite in DATA_DIR (default ./data), created on first start.
 */
export function database(): Promise<OpenDatabase> {
	opening ??= openDatabase({
		location: env.DATABASE_URL || resolve(env.DATA_DIR || 'data', 'pglite'),
		migrationsFolder: resolve(env.MIGRATIONS_DIR || 'drizzle')
	});
	return opening;
}

/** Closes the database so PGlite writes everything out before the process exits. */
export async function closeDatabase(): Promise<void> {
	const open = opening;
	opening = undefined;
	if (open) await (await open).close();
}
