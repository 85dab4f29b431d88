// What the server-side benchmarks share: a private copy of the build, child servers that are
// always stopped, and seeding the embedded database while no server holds it.
import { spawn } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, rmSync, symlinkSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { PGlite } from '@electric-sql/pglite';
import postgres from 'postgres';

export const root = fileURLToPath(new URL('..', import.meta.url));
export const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));
export const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

const children = new Set();
const copies = [];
process.on('exit', () => {
	for (const child of children) child.kill('SIGKILL');
	for (const dir of copies) rmSync(dir, { recursive: true, force: true });
});
for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => process.exit(130));

/**
 * A copy of the build to run, so a rebuild in the working tree cannot change it mid-run. The
 * copy finds the app's dependencies through a node_modules link, and its own package.json
 * makes Node read its files as ES modules. Removed when the process exits.
 */
export function copyOfBuild() {
	if (!existsSync(join(root, 'build/index.js'))) {
		console.error('build/index.js is missing; run `npm run build` first.');
		process.exit(1);
	}
	const work = mkdtempSync(join(tmpdir(), 'tandem-bench-'));
	copies.push(work);
	cpSync(join(root, 'build'), join(work, 'build'), { recursive: true });
	cpSync(join(root, 'drizzle'), join(work, 'drizzle'), { recursive: true });
	cpSync(join(root, 'package.json'), join(work, 'package.json'));
	symlinkSync(join(root, 'node_modules'), join(work, 'node_modules'), 'dir');
	return work;
}

/** Starts a Node process on a port; resolves once `healthPath` answers 200. */
export async function startProcess(work, name, args, port, env, healthPath) {
	const child = spawn(process.execPath, args, {
		cwd: work,
		env: { ...process.env, PORT: String(port), HOST: '127.0.0.1', ...env },
		stdio: ['ignore', 'pipe', 'pipe']
	});
	children.add(child);
	let output = '';
	const keep = (chunk) => (output = (output + chunk).slice(-8000));
	child.stdout.on('data', keep);
	child.stderr.on('data', keep);
	const exited = new Promise((resolve) =>
		child.once('exit', (code, signal) => {
			children.delete(child);
			resolve(code ?? signal);
		})
	);
	const origin = `http://127.0.0.1:${port}`;
	const server = {
		origin,
		output: () => output,
		async stop() {
			child.kill('SIGTERM');
			if ((await Promise.race([exited, sleep(15_000).then(() => 'timeout')])) === 'timeout') {
				child.kill('SIGKILL');
				await exited;
			}
		}
	};
	let gone = false;
	void exited.then(() => (gone = true));
	const deadline = Date.now() + 60_000;
	while (Date.now() < deadline && !gone) {
		try {
			if ((await fetch(origin + healthPath)).ok) return server;
		} catch {
			// not listening yet
		}
		await sleep(100);
	}
	await server.stop();
	throw new Error(`${name} did not start on port ${port}:\n${output}`);
}

/** The app server on a copy of the build; `env` picks its database. */
export function startApp(work, port, env) {
	return startProcess(
		work,
		'Tandem',
		[join(work, 'build')],
		port,
		{
			RATE_LIMIT_SCALE: '1000',
			MIGRATIONS_DIR: join(work, 'drizzle'),
			// better-auth and SvelteKit's form-action check both compare the Origin header to it.
			ORIGIN: `http://localhost:${port}`,
			...env
		},
		'/api/v1/health'
	);
}

/** Runs SQL against an embedded database no server holds open. */
export async function seedPglite(dir, sql) {
	const db = new PGlite(dir);
	await db.exec(sql);
	await db.close();
}

/** Runs SQL against a PostgreSQL database. */
async function seedPostgres(url, sql) {
	const db = postgres(url, { max: 1, onnotice: () => {} });
	try {
		await db.unsafe(sql);
	} finally {
		await db.end();
	}
}

/** Runs `run` on a PostgreSQL database of its own, made afresh from `postgresUrl` and dropped after. */
async function withScratchDatabase(postgresUrl, name, run) {
	const admin = postgres(postgresUrl, { max: 1, onnotice: () => {} });
	await admin.unsafe(`drop database if exists ${name} with (force)`);
	await admin.unsafe(`create database ${name}`);
	const url = new URL(postgresUrl);
	url.pathname = `/${name}`;
	try {
		return await run(url.href);
	} finally {
		await admin.unsafe(`drop database if exists ${name} with (force)`);
		await admin.end();
	}
}

/**
 * The load average as a run starts. Other work on the machine (a build, a browser test) takes
 * CPU from the server and the client, so the run says so.
 */
export function loadBeforeRun() {
	const load = loadavg()[0];
	if (load > cpus().length / 2) {
		console.warn(
			`Load average ${load.toFixed(1)} on ${cpus().length} CPUs: other work may lower the figures.`
		);
	}
	return load;
}

/**
 * Runs one benchmark on the embedded database, then on PostgreSQL when `postgresUrl` is set.
 * `bench(name, port, env, seed, exclusive)`: PGlite is seeded while no server holds it
 * (exclusive); PostgreSQL while the server runs.
 */
export async function onEachDatabase({ work, ports, postgresUrl, scratchName }, bench) {
	const dataDir = join(work, 'pglite-data');
	const pglite = await bench(
		'PGlite',
		ports.pglite,
		{ DATA_DIR: dataDir, DATABASE_URL: '' },
		(sql) => seedPglite(join(dataDir, 'pglite'), sql),
		true
	);
	const pg = postgresUrl
		? await withScratchDatabase(postgresUrl, scratchName, (url) =>
				bench(
					'PostgreSQL',
					ports.postgres,
					{ DATABASE_URL: url },
					(sql) => seedPostgres(url, sql),
					false
				)
			)
		: undefined;
	return { pglite, pg };
}
