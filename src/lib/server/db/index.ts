import { resolve } from 'node:path';
import { env } from '$env/dynamic/private';
import { openDatabase, type OpenDatabase } from './open-database';

let opening: Promise<OpenDatabase> | undefined;

/** DATA_SNAPSHOTS: how many copies of the embedded database to keep, one per clean start. */
function snapshotsKept(): number {
	const value = env.DATA_SNAPSHOTS?.trim();
	if (!value) return 3;
	if (!/^\d+$/.test(value)) {
		throw new Error(`DATA_SNAPSHOTS must be a whole number (0 turns the copies off), not ${value}`);
	}
	return Number(value);
}

/**
 * The server's database: PostgreSQL when DATABASE_URL is set (needed to run several app
 * servers), otherwise an embedded PGlite in DATA_DIR (default ./data), created on first start.
 */
export function database(): Promise<OpenDatabase> {
	opening ??= openDatabase({
		location: env.DATABASE_URL || resolve(env.DATA_DIR || 'data', 'pglite'),
		migrationsFolder: resolve(env.MIGRATIONS_DIR || 'drizzle'),
		snapshots: env.DATABASE_URL ? 0 : snapshotsKept()
	});
	return opening;
}

/** Closes the database so PGlite writes everything out before the process exits. */
export async function closeDatabase(): Promise<void> {
	const open = opening;
	opening = undefined;
	// A database that never opened has nothing to close.
	const opened = await open?.catch(() => undefined);
	await opened?.close();
}
