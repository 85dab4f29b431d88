// Plain JavaScript (with JSDoc types) so scripts/restore-database.js can use it without a build.
import { readdir, rename, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { copyTreePrivately, makePrivateDir } from './private-files.js';

/**
 * Automatic copies of an embedded database, taken while it is closed (before a server opens
 * it), named by the time they were taken: `<database>.snapshots/2026-12-07T10-00-00-000Z`.
 */

const pendingPrefix = '.pending-';

/** Where the copies of the database in `databaseDir` are kept. */
export function snapshotsDirOf(/** @type {string} */ databaseDir) {
	return `${databaseDir}.snapshots`;
}

function stamp() {
	return new Date().toISOString().replace(/[:.]/g, '-');
}

/**
 * The copies kept, newest first.
 * @param {string} databaseDir
 * @returns {Promise<string[]>}
 */
export async function listSnapshots(databaseDir) {
	let names;
	try {
		names = await readdir(snapshotsDirOf(databaseDir));
	} catch (error) {
		if (/** @type {NodeJS.ErrnoException} */ (error).code === 'ENOENT') return [];
		throw error;
	}
	return names.filter((name) => !name.startsWith('.')).sort((a, b) => b.localeCompare(a));
}

/**
 * Copies the closed database aside. The copy only counts once `keep` is called, after the
 * server has opened the database itself: a directory that fails to open must never push a
 * good copy out.
 * @param {string} databaseDir
 */
export async function beginSnapshot(databaseDir) {
	const dir = snapshotsDirOf(databaseDir);
	await makePrivateDir(dir);
	// Leftovers of a start that was killed while copying.
	for (const name of await readdir(dir)) {
		if (name.startsWith(pendingPrefix)) await rm(join(dir, name), { recursive: true, force: true });
	}
	const name = stamp();
	const pending = join(dir, `${pendingPrefix}${name}`);
	await copyTreePrivately(databaseDir, pending);
	return {
		name,
		/** Makes the copy one of the kept ones, and drops the oldest beyond `count`. */
		async keep(/** @type {number} */ count) {
			await rename(pending, join(dir, name));
			for (const old of (await listSnapshots(databaseDir)).slice(count)) {
				await rm(join(dir, old), { recursive: true, force: true });
			}
		},
		async discard() {
			await rm(pending, { recursive: true, force: true });
		}
	};
}

/**
 * Puts a copy back in place of the database. The database being replaced is moved aside, not
 * deleted, so a restore never loses anything. The caller holds the database's lock.
 * @param {string} databaseDir
 * @param {string} name one of listSnapshots()
 * @returns {Promise<{ replacedAside: string | undefined }>}
 */
export async function restoreSnapshot(databaseDir, name) {
	if (!(await listSnapshots(databaseDir)).includes(name)) {
		throw new Error(`There is no copy named ${name} in ${snapshotsDirOf(databaseDir)}.`);
	}
	const restoring = `${databaseDir}.restoring-${stamp()}`;
	await copyTreePrivately(join(snapshotsDirOf(databaseDir), name), restoring);
	const replacedAside = `${databaseDir}.replaced-${stamp()}`;
	const moved = await rename(databaseDir, replacedAside).then(
		() => true,
		(/** @type {NodeJS.ErrnoException} */ error) => {
			if (error.code === 'ENOENT') return false;
			throw error;
		}
	);
	await rename(restoring, databaseDir);
	return { replacedAside: moved ? replacedAside : undefined };
}
