import { execFile } from 'node:child_process';
import { mkdtempSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { PGlite } from '@electric-sql/pglite';
import { AppServer, refusedStart } from './support/app-server';
import { signUpCoordinator } from './support/coordinator';
import { expect, test } from './support/fixtures';
import { queryServer } from './support/server-rows';

const port = (offset: number) => Number(process.env.E2E_PORT_BASE || 4300) + offset;
const run = promisify(execFile);

/** `npm run db:restore` on a data directory, with whatever it printed and its exit code. */
async function restore(dataDir: string, ...args: string[]) {
	try {
		const { stdout, stderr } = await run('npm', ['run', '--silent', 'db:restore', '--', ...args], {
			env: { ...process.env, DATA_DIR: dataDir }
		});
		return { code: 0, output: stdout + stderr };
	} catch (error) {
		const failed = error as { code: number; stdout: string; stderr: string };
		return { code: failed.code, output: failed.stdout + failed.stderr };
	}
}

const emails = async (server: AppServer) =>
	(await queryServer<{ email: string }>(server, 'select email from auth_users order by email')).map(
		(r) => r.email
	);

/** Servers a test started, killed after it whatever happened, so none outlives its test. */
const started: AppServer[] = [];
function serverFor(...args: ConstructorParameters<typeof AppServer>): AppServer {
	const server = new AppServer(...args);
	started.push(server);
	return server;
}

test.describe('the server process and its embedded database', () => {
	test.afterEach(async () => {
		await Promise.all(started.splice(0).map((server) => server.stop()));
	});

	test('a second server on the same data directory refuses to start, and says why', async () => {
		const first = serverFor(port(70));
		await first.start();
		const second = await refusedStart(port(71), first.dataDir);
		expect(second.code).toBe(75);
		expect(second.output).toContain('Another Tandem server');
		expect(second.output).toContain(join(first.dataDir, 'pglite'));
		expect(second.output).toContain('DATABASE_URL');
		expect(second.output).not.toMatch(/^\s+at /m);
		// The first one never noticed.
		expect((await fetch(first.url('/api/v1/health'))).status).toBe(200);
		expect(await first.terminate()).toBe(0);
		expect(first.log).toMatch(/Database closed\.\nStopped\./);
	});

	test('stops cleanly, exit 0, on SIGINT as on SIGTERM, even when the signal comes twice', async () => {
		const server = serverFor(port(72));
		let delivered = 0;
		for (const signal of ['SIGINT', 'SIGTERM'] as const) {
			await server.start();
			const pid = server.pid!;
			const heard = server.log.split(`${signal} received`).length;
			const stopping = server.terminate(signal);
			// `npm start` forwards the signal its process group already delivered. Two sent at
			// once can arrive as one (signals do not queue), so the second waits for the first;
			// a stop quicker than that has nothing left to cut short.
			while (server.log.split(`${signal} received`).length === heard)
				await new Promise((r) => setTimeout(r, 2));
			try {
				process.kill(pid, signal);
				delivered++;
			} catch (e) {
				if ((e as NodeJS.ErrnoException).code !== 'ESRCH') throw e;
			}
			expect(await stopping).toBe(0);
		}
		expect(server.log.match(/^Database closed\.\nStopped\.$/gm)).toHaveLength(2);
		expect(server.log.match(/already stopping/g) ?? []).toHaveLength(delivered);
	});

	test('keeps its data directory to itself: 0700, and no file readable by anyone else', async () => {
		const dataDir = join(mkdtempSync(join(tmpdir(), 'tandem-modes-')), 'not-yet-made');
		const server = serverFor(port(73), 'build', { dataDir });
		await server.start();
		expect(await server.terminate()).toBe(0);
		expect(statSync(dataDir).mode & 0o777).toBe(0o700);
		const loose: string[] = [];
		const walk = (path: string) => {
			const stats = statSync(path);
			if ((stats.mode & 0o077) !== 0) loose.push(path);
			if (stats.isDirectory()) for (const name of readdirSync(path)) walk(join(path, name));
		};
		walk(dataDir);
		expect(loose).toEqual([]);
	});

	test('a directory it cannot open gets a plain message and a non-zero exit, every time', async () => {
		const server = serverFor(port(74));
		await server.start();
		expect(await server.terminate()).toBe(0);
		await server.start();
		expect(await server.terminate()).toBe(0);
		writeFileSync(join(server.dataDir, 'pglite', 'global', 'pg_control'), Buffer.alloc(8192, 7));
		for (const command of [
			[process.execPath, 'build'],
			['npm', 'start']
		]) {
			const refused = await refusedStart(port(74), server.dataDir, command);
			expect(refused.code).not.toBe(0);
			expect(refused.output).toContain(
				`Tandem cannot open its embedded database in ${join(server.dataDir, 'pglite')}`
			);
			expect(refused.output).toContain('npm run db:restore');
			expect(refused.output).not.toMatch(/^\s+at /m);
			expect(refused.output).not.toContain('Listening on');
		}
		const { code } = await refusedStart(port(74), server.dataDir);
		expect(code).toBe(65);
		// The copy from the clean start is still there to restore.
		const restored = await restore(server.dataDir);
		expect(restored.code).toBe(0);
		await server.start();
		expect((await fetch(server.url('/api/v1/health'))).status).toBe(200);
		await server.terminate();
	});

	test('keeps a copy at each clean start, which npm run db:restore puts back', async ({ page }) => {
		test.setTimeout(120_000);
		const server = serverFor(port(75));
		await server.start();
		const before = await signUpCoordinator(page, server);
		expect(await server.terminate()).toBe(0);
		// This start copies the database as it was closed: with the first account only.
		await server.start();
		await page.context().clearCookies();
		const after = await signUpCoordinator(page, server);
		const refused = await restore(server.dataDir);
		expect(refused.code, refused.output).toBe(75);
		expect(refused.output).toContain('Nothing was restored');
		expect(await server.terminate()).toBe(0);

		const listed = await restore(server.dataDir, '--list');
		expect(listed.output).toMatch(/newest first:\n\s+\d{4}-\d\d-\d\dT/);
		const restored = await restore(server.dataDir);
		expect(restored.code).toBe(0);
		const aside = /replaced is in (\S+);/.exec(restored.output)?.[1];
		expect(aside).toBeTruthy();
		expect(await emails(server)).toEqual([before.email]);
		const replaced = new PGlite(aside!);
		try {
			const { rows } = await replaced.query<{ email: string }>('select email from auth_users');
			expect(rows.map((r) => r.email).sort()).toEqual([before.email, after.email].sort());
		} finally {
			await replaced.close();
		}
		await server.start();
		expect((await fetch(server.url('/api/v1/health'))).status).toBe(200);
		expect(await server.terminate()).toBe(0);
	});
});
