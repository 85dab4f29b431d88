import { cp, readFile, rm, writeFile } from 'node:fs/promises';
import { expect, test, waitForOfflineReady, welcome } from './support/fixtures';

function pngSize(bytes: Buffer): [number, number] {
	expect(bytes.subarray(1, 4).toString('latin1')).toBe('PNG');
	return [bytes.readUInt32BE(16), bytes.readUInt32BE(20)];
}

test('the app is installable: manifest, icons and a controlling service worker', async ({
	page,
	app,
	request
}) => {
	await page.goto(app.url('/welcome'));
	const href = await page.locator('link[rel="manifest"]').getAttribute('href');
	expect(href).toBeTruthy();
	const manifest = await (await request.get(new URL(href!, page.url()).href)).json();
	expect(manifest).toMatchObject({
		name: expect.stringContaining('Tandem'),
		short_name: 'Tandem',
		start_url: '/',
		display: 'standalone',
		theme_color: expect.stringMatching(/^#/)
	});
	const icons = manifest.icons as { src: string; sizes: string; purpose?: string }[];
	for (const wanted of ['192x192', '512x512']) {
		expect(icons.some((i) => i.sizes === wanted && (i.purpose ?? 'any').includes('any'))).toBe(
			true
		);
	}
	expect(icons.some((i) => i.purpose?.includes('maskable'))).toBe(true);
	for (const icon of icons) {
		const response = await request.get(app.url(icon.src));
		expect(response.ok()).toBe(true);
		const [w, h] = pngSize(await response.body());
		expect(`${w}x${h}`).toBe(icon.sizes);
	}
	await waitForOfflineReady(page);
	expect(await page.evaluate(() => navigator.serviceWorker.controller?.scriptURL)).toBe(
		app.url('/sw.js')
	);
});

test('a new deploy offers "A new version is ready - Reload" instead of changing silently', async ({
	page,
	app
}) => {
	await welcome(page, app, { role: 'mentee', name: 'Sam', partner: 'Rhian' });
	await waitForOfflineReady(page);
	await expect(page.getByText('A new version is ready.')).toBeHidden();

	// A deploy: the same app with a changed precache manifest, as any real change produces.
	const next = 'test-results/build-next';
	await rm(next, { recursive: true, force: true });
	await cp('build', next, { recursive: true });
	for (const file of [`${next}/client/sw.js`]) {
		const sw = await readFile(file, 'utf8');
		const changed = sw.replace(/revision:"([0-9a-f]+)"/, (_, r: string) => `revision:"${r}0"`);
		expect(changed).not.toBe(sw);
		await writeFile(file, changed);
		await rm(`${file}.gz`, { force: true });
		await rm(`${file}.br`, { force: true });
	}
	await app.stop();
	app.deploy(next);
	await app.start();

	await page.reload();
	await page.evaluate(async () => (await navigator.serviceWorker.getRegistration())?.update());
	const prompt = page.getByRole('alert').filter({ hasText: 'A new version is ready.' });
	await expect(prompt).toBeVisible({ timeout: 20_000 });
	const waitingBefore = await page.evaluate(
		async () => (await navigator.serviceWorker.getRegistration())?.waiting?.scriptURL ?? null
	);
	expect(waitingBefore).not.toBeNull();

	const reloaded = page.waitForEvent('framenavigated');
	await prompt.getByRole('button', { name: 'Reload' }).click();
	await reloaded;
	await expect(page.getByRole('heading', { name: 'Hello, Sam' })).toBeVisible();
	expect(
		await page.evaluate(
			async () => (await navigator.serviceWorker.getRegistration())?.waiting ?? null
		)
	).toBeNull();
	await expect(page.getByText('A new version is ready.')).toBeHidden();
});
