import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { AppServer } from './support/app-server';
import { expect, test } from './support/fixtures';
import { joinedMentee } from './support/joined-pair';
import { NpmStart } from './support/npm-start';

const rounds = { SIGTERM: 12, SIGKILL: 12 } as const;
const writers = 4;

/** A repeatable sequence of numbers, so a failing run can be replayed. */
function seeded(seed: number) {
	let state = seed;
	return (min: number, max: number) => {
		state = (state * 1_103_515_245 + 12_345) % 2 ** 31;
		return min + (state % (max - min));
	};
}

/** Every SIGTERM and SIGKILL round, in a seeded order. */
function roundPlan(random: ReturnType<typeof seeded>): NodeJS.Signals[] {
	const plan: NodeJS.Signals[] = [
		...Array<NodeJS.Signals>(rounds.SIGTERM).fill('SIGTERM'),
		...Array<NodeJS.Signals>(rounds.SIGKILL).fill('SIGKILL')
	];
	for (let i = plan.length - 1; i > 0; i--) {
		const j = random(0, i + 1);
		[plan[i], plan[j]] = [plan[j]!, plan[i]!];
	}
	return plan;
}

/**
 * Pushes operations to the pair's log as fast as the server takes them until it stops
 * answering, and keeps the id of every one the server acknowledged (200, stored). Each is kept
 * for ever under its own id, so each can be looked for afterwards.
 */
async function pushUntilStopped(
	server: NpmStart,
	device: { authorization: string; pairId: string },
	acknowledged: Set<string>,
	refusals: string[]
): Promise<void> {
	for (;;) {
		const op = { id: crypto.randomUUID(), body: Buffer.alloc(64, 7).toString('base64url') };
		let response: Response;
		try {
			response = await fetch(server.url(`/api/v1/pairs/${device.pairId}/ops`), {
				method: 'POST',
				headers: { authorization: device.authorization, 'content-type': 'application/json' },
				body: JSON.stringify({ ops: [op] })
			});
		} catch {
			// Refused or reset: the server is going. An unacknowledged push may or may not be kept.
			return;
		}
		const body = (await response.json().catch(() => ({}))) as { stored?: number };
		if (response.status === 200 && body.stored === 1) acknowledged.add(op.id);
		else refusals.push(`${response.status} ${JSON.stringify(body)}`);
	}
}

async function storedOpIds(dataDir: string): Promise<Set<string>> {
	const db = new PGlite(join(dataDir, 'pglite'));
	try {
		const { rows } = await db.query<{ id: string }>('select op_id as id from pair_ops');
		return new Set(rows.map((r) => r.id));
	} finally {
		await db.close();
	}
}

test('npm start, stopped by SIGTERM to its process group and by SIGKILL, keeps every acknowledged write', async ({
	page
}) => {
	test.setTimeout(15 * 60_000);
	const port = Number(process.env.E2E_PORT_BASE || 4300) + 60;
	const server = new NpmStart(port);
	const acknowledged = new Set<string>();
	const refusals: string[] = [];
	const random = seeded(13);
	const plan = roundPlan(random);
	const timings: Record<string, number[]> = { start: [], SIGTERM: [], SIGKILL: [] };
	try {
		// The scheme, pair and device are made through the real pages and API, by node build on
		// the same data directory, stopped as a service manager would.
		const setUp = new AppServer(port, 'build', { dataDir: server.dataDir });
		await setUp.start();
		const device = await joinedMentee(page, setUp);
		const linked = await fetch(setUp.url(`/api/v1/pairs/${device.pairId}/link`), {
			method: 'PUT',
			headers: { authorization: device.authorization, 'content-type': 'application/json' },
			body: JSON.stringify({ proof: Buffer.alloc(32, 3).toString('base64url') })
		});
		expect(linked.status).toBe(201);
		expect(await setUp.terminate()).toBe(0);
		let cleanStops = 0;
		let copiesTaken = 0;
		for (const [round, signal] of plan.entries()) {
			await test.step(`round ${round + 1}: ${signal}`, async () => {
				const started = Date.now();
				// The first start may have to build.
				await server.start(round === 0 ? 300_000 : 60_000);
				timings.start!.push(Date.now() - started);
				if (round === 0 || plan[round - 1] === 'SIGTERM') copiesTaken++;
				const load = Array.from({ length: writers }, () =>
					pushUntilStopped(server, device, acknowledged, refusals)
				);
				await new Promise((r) => setTimeout(r, random(300, 1500)));
				const stopping = Date.now();
				await server.signal(signal);
				timings[signal]!.push(Date.now() - stopping);
				await Promise.all(load);
				const lockLeft = existsSync(join(server.dataDir, 'pglite.lock'));
				if (signal === 'SIGTERM') {
					// Closed cleanly: PGlite removed its pid file and the lock was let go.
					expect(lockLeft).toBe(false);
					expect(existsSync(join(server.dataDir, 'pglite', 'postmaster.pid'))).toBe(false);
					cleanStops++;
				} else {
					expect(lockLeft).toBe(true);
				}
			});
		}
		const summary = (ms: number[]) =>
			`median ${[...ms].sort((a, b) => a - b)[Math.floor(ms.length / 2)]} ms, max ${Math.max(...ms)} ms`;
		console.log(
			`${plan.length} rounds, ${acknowledged.size} writes acknowledged. Start to healthy: ${summary(timings.start!)}; ` +
				`SIGTERM to exit: ${summary(timings.SIGTERM!)}; SIGKILL to exit: ${summary(timings.SIGKILL!)}`
		);
		expect(refusals).toEqual([]);
		expect(server.log.match(/^Stopped\.$/gm)).toHaveLength(cleanStops);
		expect(server.log).not.toMatch(/RuntimeError|Aborted|cannot open its embedded database/);
		// A copy is taken on each start after a clean stop; three are kept.
		expect(readdirSync(join(server.dataDir, 'pglite.snapshots'))).toHaveLength(
			Math.min(3, copiesTaken)
		);

		// One last start: the data directory still opens after all of it.
		await server.start();
		await server.signal('SIGTERM');
		const stored = await storedOpIds(server.dataDir);
		expect(acknowledged.size).toBeGreaterThan(plan.length * 3);
		expect([...acknowledged].filter((id) => !stored.has(id))).toEqual([]);
	} finally {
		await server.signal('SIGKILL');
	}
});
