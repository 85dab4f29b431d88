import type { APIRequestContext } from '@playwright/test';
import fc from 'fast-check';
import { invitationCodeOf } from '../../src/lib/domain/invitation-link';
import { schemeWithPair } from './support/coordinator';
import { expect, test } from './support/fixtures';
import { isUnstorable, leafPaths, oddString, oddValue, withValue } from './support/odd-values';

const bytes = (n: number, fill = 1) => Buffer.alloc(n, fill).toString('base64url');
const now = () => new Date().toISOString();
const uuid = () => crypto.randomUUID();

interface Route {
	method: 'POST' | 'PUT' | 'DELETE' | 'GET';
	path: string;
	as: 'mentee' | 'mentor' | 'nobody';
	body: () => unknown;
}

/** One valid request to every device route that reads a JSON body: each field is then spoiled. */
function routes(pair: string): Route[] {
	const channel = `/api/v1/pairs/${pair}`;
	return [
		{
			method: 'POST',
			path: '/api/v1/metrics',
			as: 'mentee',
			body: () => ({
				uploadId: uuid(),
				version: 1,
				generatedAt: now(),
				pair,
				sessionsHeld: [{ on: '2026-06-01', minutes: 60 }],
				sessionsScheduled: 1,
				agendaItemsRaised: 2,
				agendaItemsDiscussed: 1,
				goalsSet: 1,
				goalsAchieved: 0,
				goalsDropped: 0,
				actionsOpen: 1,
				actionsDone: 0,
				winsByWeek: [{ week: '2026-W23', wins: 1 }],
				agreementOn: '2026-05-01',
				lastActivityOn: '2026-06-01'
			})
		},
		{
			method: 'POST',
			path: '/api/v1/join',
			as: 'nobody',
			body: () => ({ code: 'ABCD-EFGH', label: 'Phone' })
		},
		{
			method: 'POST',
			path: '/api/v1/recover',
			as: 'nobody',
			body: () => ({ auth: bytes(32), label: null })
		},
		{ method: 'PUT', path: `${channel}/link`, as: 'mentee', body: () => ({ proof: bytes(32, 3) }) },
		{
			method: 'POST',
			path: `${channel}/ops`,
			as: 'mentee',
			body: () => ({ ops: [{ id: uuid(), body: bytes(64) }] })
		},
		{
			method: 'POST',
			path: `${channel}/offer`,
			as: 'mentee',
			body: () => ({ salt: bytes(16), iv: bytes(12), key: bytes(48) })
		},
		{
			method: 'PUT',
			path: '/api/v1/backup/keys',
			as: 'mentee',
			body: () => ({
				salt: bytes(16),
				iterations: 600_000,
				passphrase: { iv: bytes(12), key: bytes(48) },
				recovery: { iv: bytes(12), key: bytes(48) },
				recoveryAuth: bytes(32)
			})
		},
		{
			method: 'POST',
			path: `/api/v1/backup/${uuid()}/commit`,
			as: 'mentee',
			body: () => ({ parts: 1, bytes: 10, sha256: 'a'.repeat(64) })
		},
		{
			method: 'POST',
			path: '/api/v1/board/posts',
			as: 'mentee',
			body: () => ({
				kind: 'win',
				id: uuid(),
				text: 'Chaired a meeting',
				wonOn: '2026-11-20',
				showName: false,
				postedAt: now()
			})
		},
		{
			method: 'POST',
			path: '/api/v1/board/posts',
			as: 'mentee',
			body: () => ({
				kind: 'article',
				id: uuid(),
				title: 'Chairing well',
				url: 'https://example.org/chairing',
				why: 'Practical',
				showName: true,
				postedAt: now()
			})
		},
		{
			method: 'PUT',
			path: `/api/v1/board/posts/${uuid()}/reactions`,
			as: 'mentor',
			body: () => ({ reaction: 'thanks', on: true })
		},
		{
			method: 'POST',
			path: '/api/v1/surveys/answers',
			as: 'mentee',
			body: () => ({
				id: uuid(),
				pair,
				checkpoint: 'baseline',
				answeredAt: now(),
				ratings: { confidence: 3, goalProgress: 2, relationship: null, meetingsUseful: null },
				again: null,
				outcomes: [],
				comment: 'Going well'
			})
		},
		{
			method: 'POST',
			path: '/api/v1/support',
			as: 'mentor',
			body: () => ({ id: uuid(), kind: 'support', urgency: 'this-week', requestedAt: now() })
		},
		{
			method: 'PUT',
			path: '/api/v1/pen-picture',
			as: 'mentor',
			body: () => ({
				writtenAt: now(),
				penPicture: {
					text: 'Twelve years on the council.',
					roles: ['cabinet'],
					level: null,
					serviceArea: null,
					group: null,
					areas: ['leadership'],
					yearsExperience: 12,
					capacity: 2,
					gender: 'woman',
					formerMemberSince: null
				}
			})
		},
		{
			method: 'PUT',
			path: '/api/v1/needs',
			as: 'mentee',
			body: () => ({
				writtenAt: now(),
				needs: {
					summary: 'Newly elected.',
					areas: ['learning-the-ropes'],
					level: null,
					serviceArea: null,
					group: null,
					preferences: { gender: null, role: null, experience: null },
					avoid: { lineManager: null, people: ['Someone'], ownGroup: false },
					gender: null
				}
			})
		},
		{
			method: 'POST',
			path: `/api/v1/proposals/${uuid()}/answer`,
			as: 'mentee',
			body: () => ({ answer: 'decline', reason: 'timing' })
		}
	];
}

/**
 * A URL-safe form of any string. A lone surrogate has no UTF-8 form, so it goes as the bytes a
 * broken client would send for it (`%ED%A0%80`), which are not UTF-8 either.
 */
const percent = (odd: string) =>
	[...odd].map((c) => (/[\ud800-\udfff]/.test(c) ? '%ED%A0%80' : encodeURIComponent(c))).join('');

/** Paths and queries: every id and parameter a device puts in a URL, spoiled. */
const urls = (pair: string) => [
	(odd: string) => ['GET', `/api/v1/board?before=${percent(odd)}`] as const,
	(odd: string) => ['GET', `/api/v1/pairs/${pair}/ops?after=${percent(odd)}`] as const,
	(odd: string) => ['GET', `/api/v1/pairs/${pair}/ops?limit=${percent(odd)}`] as const,
	(odd: string) => ['GET', `/api/v1/pairs/${percent(odd)}`] as const,
	(odd: string) => ['DELETE', `/api/v1/board/posts/${percent(odd)}`] as const,
	(odd: string) => ['DELETE', `/api/v1/support/${percent(odd)}`] as const,
	(odd: string) => ['DELETE', `/api/v1/devices/${percent(odd)}`] as const,
	(odd: string) => ['GET', `/api/v1/backup/${percent(odd)}/parts/0`] as const,
	(odd: string) => ['PUT', `/api/v1/backup/${uuid()}/parts/${percent(odd)}`] as const
];

async function joined(request: APIRequestContext, link: string): Promise<string> {
	const reply = await request.post('/api/v1/join', {
		data: { code: invitationCodeOf(new URL(link)) }
	});
	expect(reply.status()).toBe(201);
	const { device } = await reply.json();
	return `Bearer ${device.id}.${device.secret}`;
}

test('every field of every device route takes odd input without a 5xx, naming the field it refuses', async ({
	page,
	app,
	playwright
}) => {
	test.setTimeout(300_000);
	const request = await playwright.request.newContext({ baseURL: app.origin });
	const { mentee, mentor } = await schemeWithPair(page, app);
	const auth = {
		mentee: await joined(request, mentee.link),
		mentor: await joined(request, mentor.link),
		nobody: ''
	};
	const me = await (
		await request.get('/api/v1/participation', { headers: { authorization: auth.mentee } })
	).json();
	const pair = me.pairs[0].id as string;
	await request.put(`/api/v1/pairs/${pair}/link`, {
		headers: { authorization: auth.mentee },
		data: { proof: bytes(32, 3) }
	});

	const send = (route: Route, body: unknown) =>
		request.fetch(route.path, {
			method: route.method,
			headers: {
				...(route.as === 'nobody' ? {} : { authorization: auth[route.as] }),
				'content-type': 'application/json'
			},
			data: JSON.stringify(body)
		});

	for (const route of routes(pair)) {
		const fields = leafPaths(route.body());
		await fc.assert(
			fc.asyncProperty(fc.constantFrom(...fields), oddValue, async (path, value) => {
				const response = await send(route, withValue(route.body(), path, value));
				const label = `${route.method} ${route.path} ${path.join('.')} = ${JSON.stringify(value)?.slice(0, 60)}`;
				expect(response.status(), label).toBeLessThan(500);
				if (response.status() === 400) {
					const refusal = await response.json();
					expect(typeof refusal.field, label).toBe('string');
					expect(refusal.field.length, label).toBeGreaterThan(0);
				}
				if (isUnstorable(value)) expect(response.status(), label).toBeGreaterThanOrEqual(400);
			}),
			{ numRuns: fields.length * 6, seed: 20261207 }
		);
	}

	// What no encoder makes, but anyone can type: a NUL, bytes that are not UTF-8, a lone %.
	const raw = ['%00', '%FF', '%ED%A0%80', '%', '%E0%A4%A'];
	for (const spoil of urls(pair)) {
		for (const bytesOnly of raw) {
			const [method, path] = spoil('x').map((p) => p.replace(/x$|x(?=\/)/, bytesOnly)) as [
				string,
				string
			];
			const response = await request.fetch(path, {
				method,
				headers: { authorization: auth.mentee },
				...(method === 'PUT' ? { data: Buffer.from('x') } : {})
			});
			expect(response.status(), `${method} ${path}`).toBeLessThan(500);
		}
	}
	for (const spoil of urls(pair)) {
		await fc.assert(
			fc.asyncProperty(oddString, async (odd) => {
				const [method, path] = spoil(odd);
				const response = await request.fetch(path, {
					method,
					headers: { authorization: auth.mentee },
					...(method === 'PUT' ? { data: Buffer.from('x') } : {})
				});
				expect(response.status(), `${method} ${path.slice(0, 80)}`).toBeLessThan(500);
			}),
			{ numRuns: 25, seed: 20261207 }
		);
	}

	expect((await request.get('/api/v1/health')).status()).toBe(200);
	await request.dispose();
});
