import type { Page } from '@playwright/test';
import fc from 'fast-check';
import { schemeWithPair, signUpCoordinator } from './support/coordinator';
import { expect, test } from './support/fixtures';
import { isUnstorable, oddString } from './support/odd-values';

interface PageForm {
	action: string;
	/** The form as the page would send it untouched: every named field with its value. */
	fields: [string, string][];
	/** The fields a person types or picks in; hidden ones are spoiled too. */
	names: string[];
}

/** Every POST form on the page (one of each action), read from the rendered page itself. */
async function formsOn(page: Page): Promise<PageForm[]> {
	const forms = await page.$$eval('form[method="POST" i]', (all) =>
		all.map((form) => {
			const data = new FormData(form as HTMLFormElement);
			const fields = [...data.entries()].filter(
				(entry): entry is [string, string] => typeof entry[1] === 'string'
			);
			const names = [
				...new Set(
					[...(form as HTMLFormElement).elements]
						.map((e) => (e as HTMLInputElement).name)
						.filter(
							(n) => n && (form as HTMLFormElement).querySelector(`[name="${n}"]:not([type=file])`)
						)
				)
			];
			return { action: form.getAttribute('action') ?? '', fields, names };
		})
	);
	const seen = new Set<string>();
	return forms.filter((f) => !seen.has(f.action) && seen.add(f.action) && f.names.length > 0);
}

// Forms whose untouched submission would end the test's own session.
const leftAlone = /sign-out/;

test('every coordinator form takes odd input in every field without a 5xx, and says what is wrong', async ({
	page,
	app,
	browser
}) => {
	test.setTimeout(600_000);
	const { schemeId } = await schemeWithPair(page, app);
	const scheme = `/coordinator/schemes/${schemeId}`;
	const pages = [
		'/coordinator',
		scheme,
		`${scheme}/people`,
		`${scheme}/settings`,
		`${scheme}/board`,
		`${scheme}/support`,
		`${scheme}/report`,
		`${scheme}/mentors`,
		`${scheme}/matching`
	];
	let sent = 0;
	const post = async (path: string, form: PageForm, name: string, value: string, on: Page) => {
		const target = new URL(form.action || path, app.url(path));
		const fields = form.fields.filter(([n]) => n !== name);
		const response = await on.request.post(target.toString(), {
			multipart: Object.fromEntries([...fields, [name, value]]) as Record<string, string>,
			headers: { origin: app.origin },
			maxRedirects: 0
		});
		sent++;
		const label = `${path} ${form.action} ${name} = ${JSON.stringify(value).slice(0, 60)}`;
		expect(response.status(), label).toBeLessThan(500);
		if (isUnstorable(value) && response.status() === 400) {
			// A readable refusal: the field marked, or a message over the form.
			expect(await response.text(), label).toMatch(/aria-invalid="true"|class="form-error"/);
		}
	};

	for (const path of pages) {
		await page.goto(app.url(path));
		for (const form of (await formsOn(page)).filter((f) => !leftAlone.test(f.action))) {
			await fc.assert(
				fc.asyncProperty(fc.constantFrom(...form.names), oddString, (name, value) =>
					post(path, form, name, value, page)
				),
				{ numRuns: Math.min(40, form.names.length * 8), seed: 20261207 }
			);
		}
	}

	// Signing in and up, as someone not signed in.
	const stranger = await (await browser.newContext()).newPage();
	for (const path of ['/coordinator/sign-in', '/coordinator/sign-up']) {
		await stranger.goto(app.url(path));
		for (const form of await formsOn(stranger))
			await fc.assert(
				fc.asyncProperty(fc.constantFrom(...form.names), oddString, (name, value) =>
					post(path, form, name, value, stranger)
				),
				{ numRuns: 20, seed: 20261207 }
			);
	}
	await signUpCoordinator(stranger, app);
	expect(sent).toBeGreaterThan(200);
	expect((await page.request.get(app.url('/api/v1/health'))).status()).toBe(200);
});
