// Plain JavaScript (with JSDoc types) so scripts/restore-database.js can use it without a build.
import { chmod, copyFile, lstat, mkdir, readdir } from 'node:fs/promises';
import { join } from 'node:path';

/**
 * The embedded database holds the secret that signs coordinators' cookies and every account's
 * password hash: nobody but the server's own user may read it. PGlite writes the files of a new
 * database world-readable (0666), so modes are set here rather than trusted to the umask.
 */
const privateDirMode = 0o700;
const privateFileMode = 0o600;

/** Creates any missing directories on the way, readable by their owner only; existing ones are not changed. */
export async function ensurePrivateParents(/** @type {string} */ path) {
	await mkdir(path, { recursive: true, mode: privateDirMode });
}

/** Creates a directory (and any missing parents) readable by its owner only. */
export async function makePrivateDir(/** @type {string} */ path) {
	await mkdir(path, { recursive: true, mode: privateDirMode });
	await chmod(path, privateDirMode);
}

/**
 * Takes group and other permissions off a file or directory tree, for databases made by an
 * older release or by PGlite's initdb. Symbolic links are left alone (their target is not ours).
 * @param {string} path
 */
export async function makeTreePrivate(path) {
	let stats;
	try {
		stats = await lstat(path);
	} catch (error) {
		if (/** @type {NodeJS.ErrnoException} */ (error).code === 'ENOENT') return;
		throw error;
	}
	if (stats.isSymbolicLink()) return;
	if ((stats.mode & 0o077) !== 0) await chmod(path, stats.mode & 0o700);
	if (!stats.isDirectory()) return;
	for (const name of await readdir(path)) await makeTreePrivate(join(path, name));
}

/**
 * Copies a directory tree, every copy private. Refuses a symbolic link: a database directory
 * has none, so one would mean it is not what it seems.
 * @param {string} from
 * @param {string} to must not exist yet
 */
export async function copyTreePrivately(from, to) {
	await mkdir(to, { mode: privateDirMode });
	for (const entry of await readdir(from, { withFileTypes: true })) {
		const source = join(from, entry.name);
		const target = join(to, entry.name);
		if (entry.isDirectory()) await copyTreePrivately(source, target);
		else if (entry.isFile()) {
			await copyFile(source, target);
			await chmod(target, privateFileMode);
		} else throw new Error(`Not copying ${source}: only plain files and directories are expected`);
	}
}
