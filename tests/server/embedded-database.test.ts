import { spawn } from 'node:child_process';
import { once } from 'node:events';
import {
	chmodSync,
	existsSync,
	mkdirSync,
	mkdtempSync,
	readdirSync,
	statSync,
	writeFileSync
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { describe, expect, it } from 'vitest';
import { DataDirInUseError } from '$lib/server/db/data-dir-lock.js';
import { openDatabase } from '$lib/server/db/open-database';
import { schemes } from '$lib/server/db/schema';
import { listSnapshots, restoreSnapshot, snapshotsDirOf } from '$lib/server/db/snapshots.js';
import { UnopenableDatabaseError } from '$lib/server/db/unopenable-database';
import { fingerprint, modesUnder } from '../support/directory-state';
import { dbTimeout, migrationsFolder } from '../support/server-databases';

const freshLocation = () => join(mkdtempSync(join(tmpdir(), 'tandem-data-')), 'data', 'pglite');
const open = (location: string, snapshots = 0) =>
	openDatabase({ location, migrationsFolder, snapshots });

const scheme = (name: string) => ({
	name,
	organisation: 'Example County Council',
	pilotStartsOn: '2026-05-01',
	pilotEndsOn: '2026-10-31'
});

async function schemeNames(location: string): Promise<string[]> {
	const opened = await open(location);
	try {
		return (await opened.db.select().from(schemes)).map((s) => s.name).sort();
	} finally {
		await opened.close();
	}
}

/** Writes a scheme from a separate process that is then killed without closing anything. */
async function writeThenDie(location: string, name: string): Promise<void> {
	const child = spawn(
		process.execPath,
		[
			'--input-type=module',
			'-e',
			`import { PGlite } from '@electric-sql/pglite';
			const db = new PGlite(${JSON.stringify(location)});
			await db.query("insert into schemes (name, organisation, pilot_starts_on, pilot_ends_on) values ($1, 'x', '2026-01-01', '2026-02-01')", [${JSON.stringify(name)}]);
			process.kill(process.pid, 'SIGKILL');`
		],
		{ stdio: 'inherit' }
	);
	await once(child, 'exit');
}

describe('the embedded database on disk', () => {
	it(
		'is private to the server: the directory 0700, no file readable by group or others',
		async () => {
			const location = freshLocation();
			const opened = await open(location);
			try {
				expect(statSync(join(location, '..')).mode & 0o777).toBe(0o700);
				const entries = modesUnder(location);
				expect(entries.length).toBeGreaterThan(100);
				expect(entries.filter((e) => e.directory && e.mode !== 0o700)).toEqual([]);
				expect(entries.filter((e) => (e.mode & 0o077) !== 0)).toEqual([]);
				expect(statSync(`${location}.lock`).mode & 0o777).toBe(0o600);
			} finally {
				await opened.close();
			}
		},
		dbTimeout
	);

	it(
		'tightens a database an older release left readable by everyone',
		async () => {
			const location = freshLocation();
			await (await open(location)).close();
			for (const entry of modesUnder(location)) {
				chmodSync(join(location, entry.path), entry.directory ? 0o777 : 0o666);
			}
			const opened = await open(location);
			await opened.close();
			expect(modesUnder(location).filter((e) => (e.mode & 0o077) !== 0)).toEqual([]);
		},
		dbTimeout
	);

	it(
		'is refused to a second opener while open, and opens again once closed',
		async () => {
			const location = freshLocation();
			const first = await open(location);
			await expect(open(location)).rejects.toBeInstanceOf(DataDirInUseError);
			await first.db.insert(schemes).values(scheme('Kept'));
			await first.close();
			expect(existsSync(`${location}.lock`)).toBe(false);
			expect(existsSync(join(location, 'postmaster.pid'))).toBe(false);
			expect(await schemeNames(location)).toEqual(['Kept']);
		},
		dbTimeout
	);

	it(
		'recovers what was committed before a process was killed, and takes no copy of that state',
		async () => {
			const location = freshLocation();
			await (await open(location)).close();
			await writeThenDie(location, 'Written before the kill');
			expect(existsSync(join(location, 'postmaster.pid'))).toBe(true);
			const reopened = await open(location, 3);
			try {
				expect((await reopened.db.select().from(schemes)).map((s) => s.name)).toEqual([
					'Written before the kill'
				]);
				expect(await listSnapshots(location)).toEqual([]);
			} finally {
				await reopened.close();
			}
		},
		dbTimeout * 2
	);
});

describe('the automatic copies', () => {
	it(
		'are taken at each clean start, the newest few kept, and any of them can be put back',
		async () => {
			const location = freshLocation();
			// The first start makes the database: there is nothing to copy yet.
			const first = await open(location, 2);
			await first.db.insert(schemes).values(scheme('One'));
			await first.close();
			expect(await listSnapshots(location)).toEqual([]);
			for (const name of ['Two', 'Three']) {
				const opened = await open(location, 2);
				await opened.db.insert(schemes).values(scheme(name));
				await opened.close();
			}
			const kept = await listSnapshots(location);
			expect(kept).toHaveLength(2);
			expect(modesUnder(snapshotsDirOf(location)).filter((e) => (e.mode & 0o077) !== 0)).toEqual(
				[]
			);
			// Newest first: taken before "Three" was written, and before "Two".
			const [newest, older] = kept as [string, string];
			const { replacedAside } = await restoreSnapshot(location, older);
			expect(await schemeNames(location)).toEqual(['One']);
			expect(replacedAside && (await schemeNames(replacedAside))).toEqual(['One', 'Three', 'Two']);
			await restoreSnapshot(location, newest);
			expect(await schemeNames(location)).toEqual(['One', 'Two']);
		},
		dbTimeout * 4
	);

	it(
		'are off with a setting of 0',
		async () => {
			const location = freshLocation();
			await (await open(location, 0)).close();
			await (await open(location, 0)).close();
			expect(existsSync(snapshotsDirOf(location))).toBe(false);
		},
		dbTimeout
	);
});

describe('a directory PGlite cannot open', () => {
	it(
		'is left exactly as it was, with a plain message naming it and the copies to restore',
		async () => {
			const location = freshLocation();
			await (await open(location, 3)).close();
			await (await open(location, 3)).close();
			const copies = await listSnapshots(location);
			expect(copies).toHaveLength(1);
			// A control file that is not one: PostgreSQL refuses to start on it.
			writeFileSync(join(location, 'global', 'pg_control'), Buffer.alloc(8192, 7));
			const before = fingerprint(location);
			const refusal = await open(location, 3).catch((e) => e);
			expect(refusal).toBeInstanceOf(UnopenableDatabaseError);
			expect(refusal.exitCode).toBe(65);
			expect(refusal.message).toContain(`cannot open its embedded database in ${location}`);
			expect(refusal.message).toContain('npm run db:restore');
			expect(refusal.message).toContain(copies[0]);
			expect(fingerprint(location)).toBe(before);
			// The failed start took no copy and pushed none out; the next one may try again.
			expect(await listSnapshots(location)).toEqual(copies);
			expect(readdirSync(snapshotsDirOf(location))).toEqual(copies);
			expect(existsSync(`${location}.lock`)).toBe(false);
		},
		dbTimeout * 3
	);

	it('is refused when it holds something that is not a database, rather than written over', async () => {
		const location = freshLocation();
		mkdirSync(location, { recursive: true });
		writeFileSync(join(location, 'notes.txt'), 'not a database');
		const refusal = await open(location).catch((e) => e);
		expect(refusal).toBeInstanceOf(UnopenableDatabaseError);
		expect(readdirSync(location)).toEqual(['notes.txt']);
	});
});

describe('PGlite itself', () => {
	it(
		'removes postmaster.pid on a clean close, which is how a clean stop is recognised',
		async () => {
			const location = freshLocation();
			mkdirSync(location, { recursive: true });
			const db = new PGlite(location);
			await db.waitReady;
			expect(existsSync(join(location, 'postmaster.pid'))).toBe(true);
			await db.close();
			expect(existsSync(join(location, 'postmaster.pid'))).toBe(false);
		},
		dbTimeout
	);
});
