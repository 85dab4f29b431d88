import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { progressMetrics } from '$lib/privacy/progress-metrics';
import { SchemeSync } from '$lib/sync/scheme-sync';
import { MockSchemeServer } from '../support/mock-scheme-server';
import { testRepositories } from '../support/test-db';

const schemePairId = '3e0f4a1b-2c3d-4e5f-8a9b-0c1d2e3f4a5b';

async function deviceWithPair(partnerName = 'Rhian') {
	const device = testRepositories();
	await device.repos.welcome(
		'local-pair',
		{ role: 'mentee', name: 'Megan', language: 'en' },
		{ partnerName, startedOn: '2026-05-01', endsOn: null }
	);
	const server = new MockSchemeServer();
	server.pairs = [
		{
			id: schemePairId,
			role: 'mentee',
			partnerName: 'Rhian Jones',
			startsOn: '2026-05-01',
			endsOn: null,
			status: 'active'
		}
	];
	const sync = new SchemeSync(device.repos.scheme, device.repos.publications, server, device.clock);
	return { ...device, server, sync };
}

const logWin = (repos: ReturnType<typeof testRepositories>['repos'], id: string) =>
	repos.wins.save(id, 'local-pair', { wonOn: '2026-11-20', text: `confidential win ${id}` });

describe('syncing with the scheme', () => {
	it('joins, links the pair the person already had, and sends its report once', async () => {
		const { repos, server, sync } = await deviceWithPair();
		await logWin(repos, 'w1');
		expect(await sync.join('GOOD-CODE')).toMatchObject({ ok: true });
		expect(await repos.scheme.links()).toMatchObject([
			{ id: schemePairId, localPairId: 'local-pair' }
		]);
		expect(await repos.pairs.list()).toHaveLength(1);
		expect(server.latestFor(schemePairId)).toMatchObject({
			winsByWeek: [{ week: '2026-W47', wins: 1 }]
		});
		await sync.run();
		expect(server.uploads.size).toBe(1);
		expect(await repos.scheme.membership()).toMatchObject({
			lastProblem: null,
			lastSyncedAt: expect.any(String)
		});
	});

	it('refuses a wrong code without storing anything', async () => {
		const { repos, sync } = await deviceWithPair();
		expect(await sync.join('BAD-CODE')).toEqual({ ok: false, refusal: 'unknown' });
		expect(await repos.scheme.membership()).toBeUndefined();
	});

	it('makes a new local pair when none fits, and makes it current', async () => {
		const { repos, server, sync } = await deviceWithPair();
		server.pairs = [
			...server.pairs,
			{ ...server.pairs[0]!, id: 'a5b6c7d8-1e2f-4a3b-8c4d-5e6f7a8b9c0d', partnerName: 'Zoe' }
		];
		await sync.join('GOOD-CODE');
		const pairs = await repos.pairs.list();
		expect(pairs.map((p) => p.partnerName).sort()).toEqual(['Rhian', 'Zoe']);
	});

	it('shows the pair as the scheme holds it: paused, resumed, then ended, with its end day', async () => {
		const { repos, server, sync } = await deviceWithPair();
		await sync.join('GOOD-CODE');
		const shown = async () => (await repos.scheme.links())[0]!;
		for (const status of ['paused', 'active'] as const) {
			server.pairs = [{ ...server.pairs[0]!, status }];
			await sync.run();
			expect(await shown()).toMatchObject({ status, endsOn: null });
		}
		server.pairs = [{ ...server.pairs[0]!, status: 'ended', endsOn: '2026-11-20' }];
		await sync.run();
		expect(await shown()).toMatchObject({ status: 'ended', endsOn: '2026-11-20' });
		// Nothing more goes to the scheme about an ended pair.
		const sent = server.uploads.size;
		await logWin(repos, 'after-the-end');
		await sync.run();
		expect(server.uploads.size).toBe(sent);
	});

	it('keeps a report waiting while offline and backs off, then sends it', async () => {
		const { repos, server, sync, clock } = await deviceWithPair();
		await sync.join('GOOD-CODE');
		server.offline = true;
		await logWin(repos, 'w2');
		await sync.run();
		expect(await repos.scheme.pending()).toHaveLength(1);
		expect(await repos.scheme.membership()).toMatchObject({ lastProblem: { kind: 'offline' } });
		server.offline = false;
		server.lostReplyRate = 1;
		await sync.run();
		const [waiting] = await repos.scheme.pending();
		expect(waiting!.attempts).toBe(1);
		expect(waiting!.nextAttemptAt).toBeGreaterThan(clock().getTime());
		const uploadsBefore = server.calls.filter((c) => c === 'upload').length;
		await sync.run();
		expect(server.calls.filter((c) => c === 'upload').length).toBe(uploadsBefore);
		server.lostReplyRate = 0;
		clock.advance(60 * 60_000);
		await sync.run();
		expect(await repos.scheme.pending()).toEqual([]);
		expect(server.latestFor(schemePairId)).toMatchObject({
			winsByWeek: [{ week: '2026-W47', wins: 1 }]
		});
	});

	it('does not retry a report the server refused until there is a new one', async () => {
		const { repos, server, sync } = await deviceWithPair();
		server.rejectField = 'sessionsHeld.0.minutes';
		await sync.join('GOOD-CODE');
		const [refused] = await repos.scheme.pending();
		expect(refused).toMatchObject({
			nextAttemptAt: Number.POSITIVE_INFINITY,
			lastProblem: { kind: 'rejected', field: 'sessionsHeld.0.minutes' }
		});
	});

	it('stops for good when the device is revoked', async () => {
		const { repos, server, sync } = await deviceWithPair();
		await sync.join('GOOD-CODE');
		server.revoked = true;
		await sync.run();
		expect(await repos.scheme.membership()).toMatchObject({
			revokedAt: expect.any(String),
			lastProblem: { kind: 'revoked' }
		});
		const calls = server.calls.length;
		await logWin(repos, 'w3');
		await sync.run();
		expect(server.calls.length).toBe(calls);
	});

	it('ends with the scheme holding the device’s latest report, whatever the faults', async () => {
		await fc.assert(
			fc.asyncProperty(
				fc.array(fc.record({ wins: fc.nat(2), faultSeed: fc.double({ min: 0, max: 1 }) }), {
					minLength: 1,
					maxLength: 6
				}),
				fc.integer({ min: 0, max: 2 ** 31 - 1 }),
				async (rounds, seed) => {
					const { repos, server, sync, clock } = await deviceWithPair();
					let state = seed;
					server.random = () => (state = (state * 1_103_515_245 + 12_345) % 2 ** 31) / 2 ** 31;
					server.lostReplyRate = 0.3;
					server.duplicateRate = 0.3;
					await sync.join('GOOD-CODE');
					let n = 0;
					for (const round of rounds) {
						for (let i = 0; i < round.wins; i++) await logWin(repos, `w${n++}`);
						server.offline = round.faultSeed < 0.3;
						clock.advance(60_000);
						await sync.run();
					}
					server.offline = false;
					server.lostReplyRate = 0;
					for (let i = 0; i < 5; i++) {
						clock.advance(60 * 60_000);
						await sync.run();
					}
					expect(await repos.scheme.pending()).toEqual([]);
					const records = await repos.pairRecords('local-pair');
					const expected = progressMetrics(
						records!,
						{ uploadId: 'x', pair: schemePairId },
						clock()
					);
					const { uploadId, generatedAt, ...latest } = server.latestFor(schemePairId)!;
					const { uploadId: expectedId, generatedAt: expectedAt, ...wanted } = expected;
					expect(latest).toEqual(wanted);
					expect(new Set(server.uploads.keys()).size).toBe(server.uploads.size);
				}
			),
			{ numRuns: 25 }
		);
	});
});
