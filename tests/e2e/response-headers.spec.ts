import { AppServer } from './support/app-server';
import { expect, test } from './support/fixtures';

const everywhere = {
	'x-content-type-options': 'nosniff',
	'x-frame-options': 'DENY',
	'referrer-policy': 'strict-origin-when-cross-origin',
	'cross-origin-opener-policy': 'same-origin'
};

/** The app shell's first script, as the prerendered page links it. */
async function shellAsset(app: AppServer): Promise<string> {
	const html = await (await fetch(app.url('/agenda'))).text();
	const asset = /(?:src|href)="\.?(\/_app\/immutable\/[^"]+\.(?:js|css))"/.exec(html)?.[1];
	expect(asset).toBeTruthy();
	return asset!;
}

test.describe('every response', () => {
	test('carries the security headers: app shell, prerendered pages, static files, API, coordinator pages', async ({
		app
	}) => {
		const paths = [
			'/',
			'/agenda',
			await shellAsset(app),
			'/sw.js',
			'/manifest.webmanifest',
			'/api/v1/health',
			'/api/v1/no-such-thing',
			'/coordinator/sign-in',
			'/coordinator/schemes/00000000-0000-4000-8000-000000000000'
		];
		for (const path of paths) {
			const response = await fetch(app.url(path), { redirect: 'manual' });
			expect(response.status, path).toBeLessThan(500);
			for (const [name, value] of Object.entries(everywhere)) {
				expect(response.headers.get(name), `${name} on ${path}`).toBe(value);
			}
			expect(response.headers.get('content-security-policy'), path).toContain(
				"frame-ancestors 'none'"
			);
			// Served over http here: no HSTS, which would be ignored anyway.
			expect(response.headers.get('strict-transport-security'), path).toBeNull();
		}
	});

	test('keeps coordinator pages out of every cache, and caches the immutable app files', async ({
		app
	}) => {
		for (const path of ['/coordinator/sign-in', '/coordinator/sign-up', '/coordinator']) {
			const response = await fetch(app.url(path), { redirect: 'manual' });
			expect(response.headers.get('cache-control'), path).toBe('private, no-store');
		}
		const asset = await fetch(app.url(await shellAsset(app)));
		expect(asset.headers.get('cache-control')).toBe('public,max-age=31536000,immutable');
		// The server-rendered pages keep SvelteKit's full policy, hashes and all.
		const page = await fetch(app.url('/coordinator/sign-in'));
		expect(page.headers.get('content-security-policy')).toMatch(/script-src 'self'/);
	});

	test('a prerendered page keeps its own policy in its meta tag, with the script hashes', async ({
		app,
		page
	}) => {
		const html = await (await fetch(app.url('/agenda'))).text();
		expect(html).toMatch(/<meta http-equiv="content-security-policy" content="[^"]*sha256-/);
		const violations: string[] = [];
		page.on('console', (message) => {
			if (/Content Security Policy/i.test(message.text())) violations.push(message.text());
		});
		await page.goto(app.url('/'));
		await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
		expect(violations).toEqual([]);
	});

	test('cannot be framed by another site', async ({ app, page }) => {
		await page.route('http://framing.example/', (route) =>
			route.fulfill({
				contentType: 'text/html',
				body: `<iframe src="${app.url('/')}" title="framed"></iframe>`
			})
		);
		await page.goto('http://framing.example/');
		// Chromium replaces a refused frame with its own error page.
		await expect
			.poll(() => page.frames().map((frame) => frame.url()))
			.toContain('chrome-error://chromewebdata/');
		expect(page.frames().some((frame) => frame.url().startsWith(app.origin))).toBe(false);
	});

	test('adds Strict-Transport-Security when ORIGIN is https', async () => {
		const port = Number(process.env.E2E_PORT_BASE || 4300) + 80;
		const server = new AppServer(port, 'build', {
			env: { ORIGIN: 'https://tandem.example.gov.uk' }
		});
		await server.start();
		try {
			for (const path of ['/', '/api/v1/health', '/coordinator/sign-in']) {
				const response = await fetch(server.url(path), { redirect: 'manual' });
				expect(response.headers.get('strict-transport-security'), path).toBe('max-age=63072000');
			}
		} finally {
			await server.stop();
		}
	});
});

test('every prerendered page and the coordinator sign-in have one title before any script runs', async ({
	app
}) => {
	for (const path of ['/', '/agenda', '/sessions', '/welcome', '/board', '/coordinator/sign-in']) {
		const html = await (await fetch(app.url(path))).text();
		expect(html.match(/<title[\s>]/g), path).toHaveLength(1);
		expect(/<title>([^<]+)<\/title>/.exec(html)?.[1]?.trim(), path).toBeTruthy();
	}
});
