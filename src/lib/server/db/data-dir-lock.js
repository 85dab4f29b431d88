// Plain JavaScript (with JSDoc types) so scripts/restore-database.js can use it without a build.
import { randomBytes } from 'node:crypto';
import { link, readFile, rename, stat, unlink, writeFile } from 'node:fs/promises';
import { hostname } from 'node:os';
import { resolve } from 'node:path';

/**
 * @typedef {object} LockHolder
 * @property {number} pid
 * @property {string} host
 * @property {string} bootId
 * @property {string} startedAt
 * @property {string} nonce
 */

/**
 * @typedef {object} HeldLock
 * @property {LockHolder | undefined} takenOver the holder of a stale lock this one replaced: the
 *   last process on the directory stopped without closing it
 * @property {() => Promise<void>} release
 */

/** Another live process holds the embedded database. Its message is meant for the operator. */
export class DataDirInUseError extends Error {
	name = 'DataDirInUseError';
	/** EX_TEMPFAIL: starting again once the other process has stopped will work. */
	exitCode = 75;
}

/** The lock file beside a database directory: `data/pglite.lock` for `data/pglite`. */
export function lockFileOf(/** @type {string} */ databaseDir) {
	return `${databaseDir}.lock`;
}

/** Locks this process holds, so a second open in the same process is refused, not taken over. */
const heldHere = new Set();

async function currentBootId() {
	try {
		return (await readFile('/proc/sys/kernel/random/boot_id', 'utf8')).trim();
	} catch {
		return '';
	}
}

/** @param {string} path @returns {Promise<LockHolder | 'missing' | 'unreadable'>} */
async function readHolder(path) {
	try {
		const holder = JSON.parse(await readFile(path, 'utf8'));
		return typeof holder?.pid === 'number' && typeof holder?.nonce === 'string'
			? holder
			: 'unreadable';
	} catch (error) {
		return /** @type {NodeJS.ErrnoException} */ (error).code === 'ENOENT'
			? 'missing'
			: 'unreadable';
	}
}

/**
 * A killed process stays a zombie until its parent reaps it (PID 1 in a container may be slow
 * to): it holds nothing any more. Linux only; elsewhere a zombie counts as alive for a while.
 * @param {number} pid
 */
async function isZombie(pid) {
	try {
		const stat = await readFile(`/proc/${pid}/stat`, 'utf8');
		return stat.slice(stat.lastIndexOf(')') + 2).startsWith('Z');
	} catch {
		return false;
	}
}

/** @param {LockHolder} holder @param {string} bootId */
async function isAlive(holder, bootId) {
	// Another machine's process cannot be checked from here (a shared disk): assume it runs.
	if (holder.host !== hostname()) return true;
	// A reboot ended every process that ran before it.
	if (holder.bootId && bootId && holder.bootId !== bootId) return false;
	// Our own pid in the file is a previous run's (a container restarts as the same pid).
	if (holder.pid === process.pid) return false;
	try {
		process.kill(holder.pid, 0);
	} catch (error) {
		return /** @type {NodeJS.ErrnoException} */ (error).code === 'EPERM';
	}
	return !(await isZombie(holder.pid));
}

/**
 * Writes the lock in one step: the content goes to a private file first, then a hard link
 * makes it the lock, which fails if a lock exists. A reader never sees half a lock.
 * @param {string} path @param {LockHolder} holder
 */
async function createExclusive(path, holder) {
	const draft = `${path}.${holder.pid}.${holder.nonce}`;
	await writeFile(draft, JSON.stringify(holder), { mode: 0o600 });
	try {
		await link(draft, path);
		return true;
	} catch (error) {
		if (/** @type {NodeJS.ErrnoException} */ (error).code === 'EEXIST') return false;
		throw error;
	} finally {
		await unlink(draft).catch(() => {});
	}
}

/**
 * Moves a stale lock out of the way. Renaming is atomic, so of several processes that found the
 * same stale lock only one moves it; one that moved a fresh lock instead puts it back.
 * @param {string} path @param {LockHolder} stale
 */
async function removeStale(path, stale) {
	const aside = `${path}.stale-${process.pid}-${randomBytes(4).toString('hex')}`;
	try {
		await rename(path, aside);
	} catch {
		return;
	}
	const moved = await readHolder(aside);
	if (typeof moved === 'object' && moved.nonce !== stale.nonce) {
		await link(aside, path).catch(() => {});
	}
	await unlink(aside).catch(() => {});
}

/** @param {string} path @param {string} databaseDir @param {LockHolder} holder */
function inUse(path, databaseDir, holder) {
	const where =
		holder.host === hostname()
			? `process ${holder.pid}`
			: `process ${holder.pid} on ${holder.host}`;
	return new DataDirInUseError(
		[
			`Another Tandem server (${where}, started ${holder.startedAt}) is using the embedded database in ${databaseDir}.`,
			'Only one server process may use an embedded database. Stop the other one first,',
			'or set DATABASE_URL to a PostgreSQL database to run several servers.',
			holder.host === hostname()
				? ''
				: `If you are sure it is no longer running, delete ${path} and start again.`
		]
			.filter(Boolean)
			.join('\n')
	);
}

/**
 * Takes the lock file that lets one process at a time use an embedded database. A lock left by a
 * process that is no longer running (killed, or the machine restarted) is stale and taken over.
 * @param {string} lockPath
 * @param {string} databaseDir named in the refusal
 * @returns {Promise<HeldLock>}
 */
export async function acquireDataDirLock(lockPath, databaseDir) {
	const path = resolve(lockPath);
	if (heldHere.has(path)) {
		throw new DataDirInUseError(
			`This process already has the embedded database in ${databaseDir} open.`
		);
	}
	const bootId = await currentBootId();
	/** @type {LockHolder} */
	const mine = {
		pid: process.pid,
		host: hostname(),
		bootId,
		startedAt: new Date().toISOString(),
		nonce: randomBytes(16).toString('hex')
	};
	/** @type {LockHolder | undefined} */
	let takenOver;
	for (let attempt = 0; attempt < 20; attempt++) {
		if (await createExclusive(path, mine)) {
			heldHere.add(path);
			return { takenOver, release: () => release(path, mine) };
		}
		const holder = await readHolder(path);
		if (holder === 'missing') continue;
		if (holder === 'unreadable') {
			// Not ours to judge while young: a lock is never half-written, but be patient anyway.
			const age = Date.now() - (await stat(path).catch(() => ({ mtimeMs: 0 }))).mtimeMs;
			if (age < 10_000) {
				await new Promise((done) => setTimeout(done, 200));
				continue;
			}
			await unlink(path).catch(() => {});
			continue;
		}
		if (await isAlive(holder, bootId)) throw inUse(path, databaseDir, holder);
		takenOver = holder;
		await removeStale(path, holder);
	}
	throw new DataDirInUseError(`Could not take the lock ${path}: other processes keep taking it.`);
}

/** @param {string} path @param {LockHolder} mine */
async function release(path, mine) {
	heldHere.delete(path);
	const holder = await readHolder(path);
	if (typeof holder === 'object' && holder.nonce === mine.nonce) await unlink(path);
}
