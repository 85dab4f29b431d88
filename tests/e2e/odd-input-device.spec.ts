import type { APIRequestContext } from '@playwright/test';
import fc from 'fast-check';
import { invitationCodeOf } from '../../src/lib/domain/invitation-link';
import { schemeWithPair } from './support/coordinator';
import { expect, test } from './support/fixtures';
import { bytes, routes, urls, type Route } from './support/device-routes';
import { isUnstorable, leafPaths, oddString, oddValue, withValue } from './support/odd-values';

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
