// `npm run db:restore [-- <name> | --list]`: puts an automatic copy of the embedded database back.
import { resolve } from 'node:path';
import { acquireDataDirLock, lockFileOf } from '../src/lib/server/db/data-dir-lock.js';
import { listSnapshots, restoreSnapshot, snapshotsDirOf } from '../src/lib/server/db/snapshots.js';

const databaseDir = resolve(process.env.DATA_DIR || 'data', 'pglite');
const [argument] = process.argv.slice(2);
const copies = await listSnapshots(databaseDir);

if (argument === '--list') {
	console.log(
		copies.length > 0
			? `Copies of ${databaseDir}, newest first:\n${copies.map((c) => `  ${c}`).join('\n')}`
			: `There are no copies of ${databaseDir} (in ${snapshotsDirOf(databaseDir)}).`
	);
	process.exit(0);
}

const name = argument ?? copies[0];
if (!name || !copies.includes(name)) {
	console.error(
		name
			? `There is no copy named ${name}. See them with: npm run db:restore -- --list`
			: `There are no copies of ${databaseDir} to restore (in ${snapshotsDirOf(databaseDir)}).`
	);
	process.exit(1);
}

// Holding the server's lock: a restore never runs beside a server, and no server starts midway.
let lock;
try {
	lock = await acquireDataDirLock(lockFileOf(databaseDir), databaseDir);
} catch (error) {
	if (typeof error?.exitCode !== 'number') throw error;
	console.error(`${error.message}\nNothing was restored.`);
	process.exit(error.exitCode);
}
try {
	const { replacedAside } = await restoreSnapshot(databaseDir, name);
	console.log(`Restored ${databaseDir} from the copy taken at ${name} (UTC).`);
	console.log('Anything written after that copy was taken is not in it.');
	if (replacedAside) {
		console.log(`The database it replaced is in ${replacedAside}; delete it once you are sure.`);
	}
} finally {
	await lock.release();
}
