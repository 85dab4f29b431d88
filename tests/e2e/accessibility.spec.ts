import type { Page } from '@playwright/test';
import type { AppServer } from './support/app-server';
import { expectNoViolations, openAllDetails } from './support/axe';
import { expect, scheduleSession, test, welcome } from './support/fixtures';

/** A little of everything, so lists, badges and forms are on screen when scanned. */
async function seed(page: Page, app: AppServer) {
	await page.goto(app.url('/journal'));
	await page.getByRole('button', { name: 'New entry' }).click();
	await page.getByLabel('Entry', { exact: true }).fill('Learned about call-in.');
	await page.getByLabel('Tags (optional)').fill('scrutiny');
	await page.getByRole('button', { name: 'Save' }).click();
	await expect(page.getByTestId('journal-entry')).toHaveCount(1);
	await page.goto(app.url('/agenda'));
	await page.getByLabel('Topic').fill('Media training');
	await page.getByRole('button', { name: 'Add to the agenda' }).click();
	await expect(page.getByTestId('agenda-list')).toContainText('Media training');
	await scheduleSession(page, app, { date: '2031-03-04', time: '10:30' });
	const sessionHref = await page.getByTestId('session-row').getByRole('link').getAttribute('href');
	await page.goto(app.url('/goals/goal?id=new'));
	await page.getByLabel('Goal', { exact: true }).fill('Chair a committee');
	await page.getByRole('button', { name: 'Save' }).click();
	await page.getByLabel('New milestone').fill('Observe');
	await page.getByRole('button', { name: 'Add milestone' }).click();
	await expect(page.getByLabel('Observe')).toBeVisible();
	const goalHref = new URL(page.url()).pathname + new URL(page.url()).search;
	await page.goto(app.url('/wins'));
	await page.getByLabel('Your win').fill('Spoke at council');
	await page.getByRole('button', { name: 'Save win' }).click();
	await expect(page.getByText('Spoke at council').first()).toBeVisible();
	return [
		'/',
		'/journal',
		'/agenda',
		'/sessions',
		sessionHref!,
		'/goals',
		goalHref,
		'/wins',
		'/board',
		'/prep',
		'/pair',
		'/scheme',
		'/join',
		'/pen-picture',
		'/needs',
		'/proposal?id=00000000-0000-4000-8000-000000000000',
		'/link',
		'/backup',
		'/restore',
		'/guide',
		'/settings',
		'/more'
	];
}

for (const scheme of ['light', 'dark'] as const) {
	test(`every screen passes axe in English and Welsh (${scheme})`, async ({ page, app }) => {
		test.setTimeout(180_000);
		await page.emulateMedia({ colorScheme: scheme });
		await page.goto(app.url('/welcome'));
		await expect(page.getByRole('heading', { name: 'Welcome to Tandem' })).toBeVisible();
		await expectNoViolations(page, 'welcome (en)');
		await welcome(page, app, { role: 'mentee', name: 'Sam', partner: 'Rhian' });
		const screens = await seed(page, app);
		for (const language of ['en', 'cy']) {
			await page.evaluate((l) => localStorage.setItem('PARAGLIDE_LOCALE', l), language);
			for (const screen of screens) {
				await page.goto(app.url(screen));
				await expect(page.locator('h1')).toBeVisible();
				await expect(page.locator('html')).toHaveAttribute('lang', language);
				await openAllDetails(page);
				await expectNoViolations(page, `${screen} (${language})`);
			}
		}
		await page.goto(app.url('/welcome'));
		await expect(page.locator('h1')).toBeVisible();
		await expectNoViolations(page, 'welcome (cy)');
	});
}

test('a mentor screen set passes axe too', async ({ page, app }) => {
	await welcome(page, app, { role: 'mentor', name: 'Rhian', partner: 'Sam' });
	await page.goto(app.url('/pair'));
	const add = page.locator('section', { hasText: 'Add another mentee' });
	await add.getByLabel("Your mentee's name").fill('Alex');
	await add.getByRole('button', { name: 'Add mentee' }).click();
	for (const screen of ['/', '/prep', '/pair', '/journal']) {
		await page.goto(app.url(screen));
		await expect(page.locator('h1')).toBeVisible();
		await expectNoViolations(page, `${screen} (mentor)`);
	}
});

test('the agenda works from the keyboard alone', async ({ page, app }) => {
	await welcome(page, app, { role: 'mentee', name: 'Sam', partner: 'Rhian' });
	await page.goto(app.url('/agenda'));
	await expect(page.getByRole('heading', { name: 'Agenda for the next meeting' })).toBeVisible();
	await page.keyboard.press('Tab');
	await expect(page.getByRole('link', { name: 'Skip to content' })).toBeFocused();
	await page.keyboard.press('Enter');

	for (const topic of ['First topic', 'Second topic']) {
		await page.getByLabel('Topic').focus();
		await page.keyboard.type(topic);
		await page.keyboard.press('Enter');
		await expect(page.getByTestId('agenda-list')).toContainText(topic);
	}
	const up = page.getByRole('button', { name: 'Move up: Second topic' });
	await up.focus();
	await page.keyboard.press('Enter');
	await expect(page.getByTestId('agenda-list').locator('li strong')).toHaveText([
		'Second topic',
		'First topic'
	]);
	// Focus follows the moved item, so the person can keep moving it.
	await expect(page.getByRole('button', { name: 'Move down: Second topic' })).toBeFocused();
});
