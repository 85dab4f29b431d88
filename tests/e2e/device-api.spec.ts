import { invitationCodeOf } from '../../src/lib/domain/invitation-link';
import type { APIRequestContext } from '@playwright/test';
import fc from 'fast-check';
import {
	createPair,
	createScheme,
	inviteParticipant,
	signUpCoordinator
} from './support/coordinator';
import { expect, test } from './support/fixtures';
import { progressReport } from './support/joined-pair';

const validPayload = (pair: string) => progressReport(pair);

async function joinedDevice(request: APIRequestContext, link: string) {
	const code = invitationCodeOf(new URL(link));
	const joined = await request.post('/api/v1/join', { data: { code } });
	expect(joined.status()).toBe(201);
	const { device } = await joined.json();
	return `Bearer ${device.id}.${device.secret}`;
}

test.describe('the device API', () => {
	test('refuses what it should, with the status and field named', async ({
		page,
		app,
		playwright
	}) => {
		const request = await playwright.request.newContext({ baseURL: app.origin });
		await signUpCoordinator(page, app);
		const schemeId = await createScheme(page, app);
		const mentee = await inviteParticipant(page, app, schemeId, 'Megan Mentee', 'mentee');
		await inviteParticipant(page, app, schemeId, 'Morgan Mentor', 'mentor');
		await createPair(page, app, schemeId, 'Morgan Mentor', 'Megan Mentee');
		const auth = await joinedDevice(request, mentee.link);
		const me = await (
			await request.get('/api/v1/participation', { headers: { authorization: auth } })
		).json();
		const pair = me.pairs[0].id;

		expect((await request.get('/api/v1/participation')).status()).toBe(401);
		expect((await request.post('/api/v1/metrics', { data: validPayload(pair) })).status()).toBe(
			401
		);
		expect(
			(
				await request.post('/api/v1/join', {
					data: { code: invitationCodeOf(new URL(mentee.link)) }
				})
			).status()
		).toBe(404);

		const post = (data: unknown) =>
			request.post('/api/v1/metrics', { headers: { authorization: auth }, data });
		const first = validPayload(pair);
		expect(await (await post(first)).json()).toEqual({ outcome: 'applied' });
		expect(await (await post(first)).json()).toEqual({ outcome: 'duplicate' });

		const absurd = await post({
			...validPayload(pair),
			sessionsHeld: [{ on: '2026-06-02', minutes: 10_000 }]
		});
		expect(absurd.status()).toBe(400);
		expect(await absurd.json()).toMatchObject({ field: 'sessionsHeld.0.minutes' });
		const smuggled = await post({ ...validPayload(pair), notes: 'what we talked about' });
		expect(smuggled.status()).toBe(400);
		expect(await smuggled.json()).toMatchObject({ field: 'notes' });
		const typed = await post({ ...validPayload(pair), goalsSet: 'three' });
		expect(await typed.json()).toMatchObject({ field: 'goalsSet' });
		const elsewhere = await post(validPayload(crypto.randomUUID()));
		expect(elsewhere.status()).toBe(403);
		const huge = await request.post('/api/v1/metrics', {
			headers: { authorization: auth, 'content-type': 'application/json' },
			data: JSON.stringify({ padding: 'x'.repeat(200_000) })
		});
		expect(huge.status()).toBe(413);
		await request.dispose();
	});

	test('lets only the pair’s linked devices into its channel', async ({
		page,
		app,
		playwright
	}) => {
		const request = await playwright.request.newContext({ baseURL: app.origin });
		await signUpCoordinator(page, app);
		const schemeId = await createScheme(page, app);
		const mentee = await inviteParticipant(page, app, schemeId, 'Megan Mentee', 'mentee');
		const mentor = await inviteParticipant(page, app, schemeId, 'Morgan Mentor', 'mentor');
		const outsider = await inviteParticipant(page, app, schemeId, 'Owen Outsider', 'mentee');
		await createPair(page, app, schemeId, 'Morgan Mentor', 'Megan Mentee');
		const menteeAuth = await joinedDevice(request, mentee.link);
		const mentorAuth = await joinedDevice(request, mentor.link);
		const outsiderAuth = await joinedDevice(request, outsider.link);
		const me = await (
			await request.get('/api/v1/participation', { headers: { authorization: menteeAuth } })
		).json();
		const channel = `/api/v1/pairs/${me.pairs[0].id}`;
		const as = (authorization: string) => ({ authorization });
		const proof = Buffer.alloc(32, 7).toString('base64url');
		const op = { id: crypto.randomUUID(), body: Buffer.alloc(64, 1).toString('base64url') };

		const linked = await request.put(`${channel}/link`, {
			headers: as(menteeAuth),
			data: { proof }
		});
		expect(linked.status()).toBe(201);
		expect(
			(
				await request.post(`${channel}/ops`, { headers: as(menteeAuth), data: { ops: [op] } })
			).status()
		).toBe(200);
		// The mentor's device has not proved it holds the key: it may neither push nor pull.
		const unlinkedPush = await request.post(`${channel}/ops`, {
			headers: as(mentorAuth),
			data: { ops: [{ ...op, id: crypto.randomUUID() }] }
		});
		expect(unlinkedPush.status()).toBe(403);
		expect(await unlinkedPush.json()).toMatchObject({ error: 'not-linked' });
		expect((await request.get(`${channel}/ops`, { headers: as(mentorAuth) })).status()).toBe(403);
		const wrongKey = await request.put(`${channel}/link`, {
			headers: as(mentorAuth),
			data: { proof: Buffer.alloc(32, 8).toString('base64url') }
		});
		expect(wrongKey.status()).toBe(409);
		expect(await wrongKey.json()).toMatchObject({ error: 'key-mismatch' });
		// Someone outside the pair learns nothing, not even that the channel exists.
		for (const [method, path] of [
			['GET', channel],
			['PUT', `${channel}/link`],
			['GET', `${channel}/ops`],
			['GET', `${channel}/offer`],
			['POST', `${channel}/end`]
		] as const) {
			const response = await request.fetch(path, {
				method,
				headers: as(outsiderAuth),
				...(method === 'PUT' ? { data: { proof } } : {})
			});
			expect(response.status(), `${method} ${path}`).toBe(403);
			expect(await response.json()).toMatchObject({ error: 'not-in-pair' });
		}
		const malformed = await request.post(`${channel}/ops`, {
			headers: as(menteeAuth),
			data: { ops: [{ id: 'not-a-uuid', body: op.body }] }
		});
		expect(malformed.status()).toBe(400);
		expect(await malformed.json()).toMatchObject({ field: 'ops.0.id' });
		await request.dispose();
	});

	test('answers thousands of malformed and random requests without a single 5xx', async ({
		page,
		app,
		playwright
	}) => {
		test.setTimeout(240_000);
		const request = await playwright.request.newContext({ baseURL: app.origin });
		await signUpCoordinator(page, app);
		const schemeId = await createScheme(page, app);
		const mentee = await inviteParticipant(page, app, schemeId, 'Megan Mentee', 'mentee');
		await inviteParticipant(page, app, schemeId, 'Morgan Mentor', 'mentor');
		await createPair(page, app, schemeId, 'Morgan Mentor', 'Megan Mentee');
		const auth = await joinedDevice(request, mentee.link);
		const pairId = (
			await (
				await request.get('/api/v1/participation', { headers: { authorization: auth } })
			).json()
		).pairs[0].id;
		// A linked device, so the fuzzing also reaches the log's own checks.
		await request.put(`/api/v1/pairs/${pairId}/link`, {
			headers: { authorization: auth },
			data: { proof: Buffer.alloc(32, 3).toString('base64url') }
		});

		const json = fc.jsonValue({ maxDepth: 3 });
		const mutatedPayload = fc
			.tuple(
				fc.constantFrom(...Object.keys(validPayload(crypto.randomUUID()))),
				fc.oneof(json, fc.string(), fc.integer(), fc.double(), fc.constant(null))
			)
			.map(([key, value]) => ({ ...validPayload(crypto.randomUUID()), [key]: value }));
		const body = fc.oneof(
			json.map((v) => JSON.stringify(v)),
			mutatedPayload.map((v) => JSON.stringify(v)),
			fc.string({ maxLength: 300 }),
			fc.constant('{"uploadId":'),
			fc.constant('')
		);
		const requests = fc.record({
			method: fc.constantFrom('GET', 'POST', 'PUT', 'DELETE', 'PATCH'),
			path: fc.constantFrom(
				'/api/v1/metrics',
				'/api/v1/participation',
				'/api/v1/join',
				'/api/v1/nothing-here',
				'/api/v1/metrics/../participation',
				'/api/v2/metrics',
				`/api/v1/pairs/${pairId}`,
				`/api/v1/pairs/${pairId}/link`,
				`/api/v1/pairs/${pairId}/ops`,
				`/api/v1/pairs/${pairId}/ops?after=-1&limit=x`,
				`/api/v1/pairs/${pairId}/offer`,
				`/api/v1/pairs/${crypto.randomUUID()}/ops`,
				'/api/v1/pairs/not-a-pair/ops',
				'/api/v1/backup',
				'/api/v1/backup/keys',
				`/api/v1/backup/${crypto.randomUUID()}/parts/0`,
				`/api/v1/backup/${crypto.randomUUID()}/commit`,
				'/api/v1/backup/x/parts/-1',
				'/api/v1/recover'
			),
			authorization: fc.constantFrom(
				auth,
				undefined,
				'Bearer nonsense',
				`${auth}x`,
				'Basic YTpi',
				auth.replace(/.$/, 'A')
			),
			contentType: fc.constantFrom(
				'application/json',
				'text/plain',
				'application/x-www-form-urlencoded'
			),
			body
		});

		const statuses = new Map<number, number>();
		const sample = fc.sample(requests, { numRuns: 2_000, seed: 20261123 });
		for (let i = 0; i < sample.length; i += 8) {
			await Promise.all(
				sample.slice(i, i + 8).map(async (r) => {
					const response = await request.fetch(r.path, {
						method: r.method,
						headers: {
							...(r.authorization ? { authorization: r.authorization } : {}),
							'content-type': r.contentType
						},
						...(r.method === 'GET' ? {} : { data: r.body }),
						maxRedirects: 0
					});
					statuses.set(response.status(), (statuses.get(response.status()) ?? 0) + 1);
				})
			);
		}
		const seen = [...statuses.keys()].sort();
		expect(seen.filter((s) => s >= 500)).toEqual([]);
		for (const status of seen)
			expect([200, 201, 204, 400, 401, 403, 404, 405, 409, 413, 415, 429]).toContain(status);
		expect((await request.get('/api/v1/health')).status()).toBe(200);
		await request.dispose();
	});
});
