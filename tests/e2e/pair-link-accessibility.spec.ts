import { expectNoViolations, openAllDetails, tabTo } from './support/axe';
import { expect, test } from './support/fixtures';
import { aPairOnTwoDevices, linkByShortCode, syncPair } from './support/pair-devices';

for (const colourScheme of ['light', 'dark'] as const) {
	test(`linking, sharing and backup screens pass axe in English and Welsh (${colourScheme})`, async ({
		page,
		app,
		browser
	}) => {
		test.setTimeout(240_000);
		const { phone, laptop } = await aPairOnTwoDevices(page, app, browser);
		await phone.page.emulateMedia({ colorScheme: colourScheme });
		const scan = async (screen: string, language: string) => {
			await expect(phone.page.locator('h1')).toBeVisible();
			await expect(phone.page.locator('html')).toHaveAttribute('lang', language);
			await openAllDetails(phone.page);
			await expectNoViolations(phone.page, `${screen} (${language}, ${colourScheme})`);
		};
		for (const language of ['en', 'cy']) {
			await phone.page.evaluate((l) => localStorage.setItem('PARAGLIDE_LOCALE', l), language);
			await phone.page.goto(app.url('/pair'));
			await scan('pair, not linked', language);
			await phone.page.goto(app.url('/backup'));
			await scan('backup, off', language);
		}
		await phone.page.evaluate(() => localStorage.setItem('PARAGLIDE_LOCALE', 'en'));
		await linkByShortCode(phone.page, laptop.page, app);
		await scan('link, code shown', 'en');
		await phone.page.goto(app.url('/backup'));
		await phone.page.getByLabel('Backup passphrase').fill('four unrelated words, remembered');
		await phone.page.getByLabel('Type it again').fill('four unrelated words, remembered');
		await phone.page.getByLabel('I understand my backup cannot be read').check();
		await phone.page.getByRole('button', { name: 'Turn on backup' }).click();
		await expect(phone.page.getByTestId('recovery-code')).toBeVisible({ timeout: 30_000 });
		await scan('backup, recovery code', 'en');
		await phone.page.getByLabel('I have written down my recovery code').check();
		await phone.page.getByRole('button', { name: 'Done' }).click();
		await syncPair(phone.page, app);
		for (const language of ['en', 'cy']) {
			await phone.page.evaluate((l) => localStorage.setItem('PARAGLIDE_LOCALE', l), language);
			for (const screen of ['/pair', '/backup', '/scheme', '/join', '/link']) {
				await phone.page.goto(app.url(screen));
				await scan(`${screen}, linked and backed up`, language);
			}
			await phone.page.getByRole('button', { name: /Show a code|Dangos cod/ }).click();
			await expect(phone.page.getByTestId('qr-code').locator('svg')).toBeVisible();
			await scan('link, code shown again', language);
		}

		// A new phone restoring: the screens before there is a profile.
		const context = await browser.newContext({ colorScheme: colourScheme });
		const fresh = await context.newPage();
		await fresh.goto(app.url('/restore'));
		await expect(fresh.getByRole('heading', { name: 'Restore from your backup' })).toBeVisible();
		await expectNoViolations(fresh, `restore (en, ${colourScheme})`);
		await fresh
			.getByLabel('Recovery code, or a new invitation code')
			.fill('AAAAA-AAAAA-AAAAA-AAAAA-AAAAA');
		await fresh.getByRole('button', { name: 'Continue' }).click();
		await expect(fresh.getByText('That recovery code is not known.')).toBeVisible();
		await expectNoViolations(fresh, `restore, refused (en, ${colourScheme})`);
		await context.close();
		await phone.context.close();
		await laptop.context.close();
	});
}

test('linking by short code works from the keyboard alone', async ({ page, app, browser }) => {
	test.setTimeout(120_000);
	const { phone, laptop } = await aPairOnTwoDevices(page, app, browser);

	await laptop.page.goto(app.url('/link'));
	await tabTo(laptop.page, 'Show a code');
	await laptop.page.keyboard.press('Enter');
	const code = (await laptop.page.getByTestId('link-short-code').textContent())!.trim();

	await phone.page.goto(app.url('/link'));
	await tabTo(phone.page, 'Short code');
	await phone.page.keyboard.type(code);
	await phone.page.keyboard.press('Enter');
	await expect(phone.page.getByRole('status').filter({ hasText: 'Linked.' })).toBeVisible();
	await tabTo(phone.page, 'Back to your pair');
	await phone.page.keyboard.press('Enter');
	await expect(phone.page).toHaveURL(/\/pair$/);
	await phone.context.close();
	await laptop.context.close();
});
