import { access, readdir } from 'node:fs/promises';
import { dirname, join, resolve } from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { acquireDataDirLock, lockFileOf } from './data-dir-lock.js';
import { ensurePrivateParents, makePrivateDir, makeTreePrivate } from './private-files.js';
import { beginSnapshot, snapshotsDirOf } from './snapshots.js';
import { UnopenableDatabaseError } from './unopenable-database';

export interface EmbeddedDatabase {
	client: PGlite;
	/** Writes everything out (a checkpoint), closes PGlite, then lets the next process in. */
	close(): Promise<void>;
}

export interface EmbeddedOptions {
	/** How many automatic copies to keep; 0 takes none. */
	snapshots: number;
}

const exists = (path: string) =>
	access(path).then(
		() => true,
		() => false
	);

async function isEmpty(dir: string): Promise<boolean> {
	return (await readdir(dir)).length === 0;
}

/**
 * Opens PGlite in a directory no other process is using (PGlite has no locking of its own, and
 * two processes on one directory lose writes or corrupt it: electric-sql/pglite#884, #1106).
 * When the last stop was clean, the closed directory is first copied aside.
 */
export async function openEmbeddedDatabase(
	location: string,
	options: EmbeddedOptions
): Promise<EmbeddedDatabase> {
	const databaseDir = resolve(location);
	// DATA_DIR itself may be shared (it is the operator's choice), so it is only created, never changed.
	await ensurePrivateParents(dirname(databaseDir));
	const lock = await acquireDataDirLock(lockFileOf(databaseDir), databaseDir);
	try {
		if (lock.takenOver) {
			console.log(
				`The last server on ${databaseDir} (process ${lock.takenOver.pid}) did not stop cleanly; PGlite will recover from its write-ahead log.`
			);
		}
		await makePrivateDir(databaseDir);
		await makeTreePrivate(databaseDir);
		await makeTreePrivate(snapshotsDirOf(databaseDir));
		const empty = await isEmpty(databaseDir);
		if (!empty && !(await exists(join(databaseDir, 'PG_VERSION')))) {
			// PGlite would run initdb over whatever this is.
			throw await UnopenableDatabaseError.describe(
				databaseDir,
				new Error('the directory is not empty but holds no PostgreSQL database (no PG_VERSION)')
			);
		}
		// PGlite removes postmaster.pid when it closes cleanly.
		const cleanlyClosed = !lock.takenOver && !(await exists(join(databaseDir, 'postmaster.pid')));
		const snapshot =
			!empty && cleanlyClosed && options.snapshots > 0
				? await beginSnapshot(databaseDir)
				: undefined;
		let client: PGlite;
		try {
			client = new PGlite(databaseDir);
			await client.waitReady;
			await client.query('select 1');
		} catch (error) {
			await snapshot?.discard();
			throw await UnopenableDatabaseError.describe(databaseDir, error);
		}
		// A new database's files come from initdb with mode 0666.
		await makeTreePrivate(databaseDir);
		await snapshot?.keep(options.snapshots);
		let closing: Promise<void> | undefined;
		return {
			client,
			close: () =>
				(closing ??= (async () => {
					await client.query('checkpoint');
					await client.close();
					await lock.release();
				})())
		};
	} catch (error) {
		await lock.release();
		throw error;
	}
}
