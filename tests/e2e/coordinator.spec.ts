import { readFileSync } from 'node:fs';
import AxeBuilder from '@axe-core/playwright';
import type { Browser, Page } from '@playwright/test';
import { expect, test } from './support/fixtures';
import type { AppServer } from './support/app-server';
import {
	createPair,
	createScheme,
	dashboardRow,
	inviteParticipant,
	removeParticipant,
	signUpCoordinator
} from './support/coordinator';
import { openAllDetails } from './support/axe';
import { aPenPicture, publishThroughApi, recordTraining, someNeeds } from './support/matching';

async function expectNoViolations(page: Page, screen: string) {
	const results = await new AxeBuilder({ page }).analyze();
	const summary = results.violations.map(
		(v) => `${screen}: ${v.id} (${v.impact}) ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`
	);
	expect(summary).toEqual([]);
}

/** Another person's browser: its own cookies, with the same language settings as the tests. */
function otherBrowser(browser: Browser) {
	return browser.newContext({ locale: 'en-GB', timezoneId: 'Europe/London' });
}

test('a coordinator sets up a scheme, pairs people and follows them on the dashboard', async ({
	page,
	app
}) => {
	test.setTimeout(120_000);
	const account = await signUpCoordinator(page, app, { name: 'Ceri' });
	await page.getByRole('button', { name: 'Sign out', exact: true }).click();
	await expect(page).toHaveURL(app.url('/coordinator/sign-in'));

	await page.getByLabel('Email').fill(account.email);
	await page.getByLabel('Password').fill('not the password');
	await page.getByRole('button', { name: 'Sign in' }).click();
	const generic = 'That email and password do not match an account. Check them and try again.';
	await expect(page.getByRole('alert')).toHaveText(generic);
	await expect(page.getByLabel('Password')).toHaveValue('');
	// An unknown email gets exactly the same answer.
	await page.getByLabel('Email').fill('nobody@council.example');
	await page.getByLabel('Password').fill('not the password');
	await page.getByRole('button', { name: 'Sign in' }).click();
	await expect(page.getByRole('alert')).toHaveText(generic);
	await page.getByLabel('Email').fill(account.email);
	await page.getByLabel('Password').fill(account.password);
	await page.getByRole('button', { name: 'Sign in' }).click();
	await expect(page).toHaveURL(app.url('/coordinator'));

	const schemeId = await createScheme(page, app, 'Mentoring 2026');
	await expect(page.getByRole('heading', { level: 1 })).toHaveText('Mentoring 2026: dashboard');
	await expect(page.getByText('Invite at least one mentor and one mentee')).toBeVisible();

	const mentor = await inviteParticipant(page, app, schemeId, 'Bethan', 'mentor');
	expect(mentor.code).toMatch(/^[A-Z0-9]{4}-[A-Z0-9]{4}$/);
	expect(mentor.link).toBe(app.url(`/join#code=${mentor.code}`));
	await expect(page.getByTestId('invitation-qr').locator('svg')).toBeVisible();
	await expect(page.getByRole('img', { name: 'QR code of the invitation link' })).toBeVisible();
	await inviteParticipant(page, app, schemeId, 'Sam', 'mentee');
	await inviteParticipant(page, app, schemeId, 'Aled', 'mentor');
	await inviteParticipant(page, app, schemeId, 'Tomos', 'mentee');
	const people = page.getByTestId('person-row');
	await expect(people).toHaveCount(4);
	await expect(people.filter({ hasText: 'Bethan' })).toContainText('Invited');

	await createPair(page, app, schemeId, 'Bethan', 'Sam');
	await createPair(page, app, schemeId, 'Aled', 'Tomos');
	const row = await dashboardRow(page, app, schemeId, 'Bethan');
	await expect(row.getByRole('cell')).toHaveText([
		'Sam',
		'Active',
		'0',
		'0',
		'Not yet',
		'0',
		'0',
		'0',
		'',
		/Pause/
	]);
	await expect(page.getByRole('table')).toContainText('no session for 6 weeks');
	await expect(page.getByTestId('dashboard-totals').locator('div').first()).toHaveText(
		/^\s*Pairs\s*2\s*$/
	);

	const mentorHeader = page.getByRole('columnheader', { name: 'Mentor' });
	await expect(mentorHeader).not.toHaveAttribute('aria-sort');
	await mentorHeader.getByRole('link').click();
	await expect(mentorHeader).toHaveAttribute('aria-sort', 'ascending');
	await expect(page.getByTestId('pair-row').getByRole('rowheader')).toHaveText(['Aled', 'Bethan']);
	await mentorHeader.getByRole('link').click();
	await expect(mentorHeader).toHaveAttribute('aria-sort', 'descending');
	await expect(page.getByTestId('pair-row').getByRole('rowheader')).toHaveText(['Bethan', 'Aled']);

	await row.getByRole('button', { name: 'Pause – Bethan with Sam' }).click();
	await expect(page.getByRole('status')).toHaveText('Paused Bethan with Sam.');
	await expect(row.getByRole('cell').nth(1)).toHaveText('Paused');
	await row.getByRole('button', { name: 'Resume – Bethan with Sam' }).click();
	await expect(row.getByRole('cell').nth(1)).toHaveText('Active');
	await row.getByRole('button', { name: 'End – Bethan with Sam' }).click();
	await expect(row.getByRole('cell').nth(1)).toHaveText('Ended');
	await expect(row.getByRole('button')).toHaveCount(0);

	const downloading = page.waitForEvent('download');
	await page.getByRole('link', { name: 'Download CSV' }).click();
	const download = await downloading;
	expect(download.suggestedFilename()).toBe('mentoring-2026-pairs.csv');
	const lines = readFileSync((await download.path())!, 'utf8')
		.replace(/^\uFEFF/, '')
		.split('\r\n');
	expect(lines[0]).toBe(
		'Mentor,Mentee,Status,Starts,Ends,Sessions held,Minutes,Last meeting,Goals set,Goals achieved,Wins,Stalling'
	);
	expect(lines.find((l) => l.startsWith('Bethan,'))).toMatch(
		/^Bethan,Sam,Ended,\d{4}-\d{2}-\d{2},\d{4}-\d{2}-\d{2},0,0,,0,0,0,No$/
	);

	await removeParticipant(page, app, schemeId, 'Tomos');
	await expect(people.filter({ hasText: 'Tomos' })).toContainText('Removed');
	await page.goto(app.url(`/coordinator/schemes/${schemeId}`));
	await expect(page.getByLabel('Mentee', { exact: true }).locator('option')).toHaveText([
		'Choose…',
		'Sam (not joined yet)'
	]);
});

test('forms say what is wrong, next to the field', async ({ page, app }) => {
	await signUpCoordinator(page, app);
	await page.getByRole('button', { name: 'Create the scheme' }).click();
	const name = page.getByLabel('Scheme name');
	await expect(name).toHaveAttribute('aria-invalid', 'true');
	await expect(name).toHaveAccessibleDescription('This cannot be empty.');
	await expect(page).toHaveTitle(/^Error: /);
	const schemeId = await createScheme(page, app);
	await page.goto(app.url(`/coordinator/schemes/${schemeId}/settings`));
	await expect(page.getByLabel('Scheme name')).toHaveValue('Councillor mentoring');
	await page.getByLabel('Pilot ends').fill('2025-01-01');
	await page.getByRole('button', { name: 'Save changes' }).click();
	await expect(page.getByLabel('Pilot ends')).toHaveAccessibleDescription(
		'The end date must be on or after the start date.'
	);
	await page.getByLabel('Pilot ends').fill('2027-03-31');
	await page.getByLabel('Scheme name').fill('Renamed scheme');
	await page.getByRole('button', { name: 'Save changes' }).click();
	await expect(page.getByRole('status')).toHaveText('Changes saved.');
	await expect(page.getByRole('heading', { level: 1 })).toHaveText('Renamed scheme: settings');

	await inviteParticipant(page, app, schemeId, 'Rhian', 'mentor');
	const row = page.getByTestId('person-row').filter({ hasText: 'Rhian' });
	await row.getByText('Remove Rhian…').click();
	await row.getByRole('button', { name: 'Remove from scheme' }).click();
	await expect(page.getByText('Tick the box to confirm.')).toBeVisible();
	await expect(page.getByTestId('person-row').filter({ hasText: 'Rhian' })).toContainText(
		'Invited'
	);
	await page
		.getByTestId('person-row')
		.filter({ hasText: 'Rhian' })
		.getByRole('button', { name: 'New code for Rhian' })
		.click();
	await expect(page.getByRole('heading', { name: 'Invitation for Rhian' })).toBeVisible();
});

test("a pair with no session for the scheme's window is flagged, and listed first", async ({
	page,
	app
}) => {
	await signUpCoordinator(page, app);
	const schemeId = await createScheme(page, app);
	for (const [name, role] of [
		['Aled', 'mentor'],
		['Sam', 'mentee'],
		['Bethan', 'mentor'],
		['Tomos', 'mentee']
	] as const)
		await inviteParticipant(page, app, schemeId, name, role);
	await createPair(page, app, schemeId, 'Aled', 'Sam');
	await page
		.getByLabel('Mentor', { exact: true })
		.selectOption({ label: 'Bethan (not joined yet)' });
	await page
		.getByLabel('Mentee', { exact: true })
		.selectOption({ label: 'Tomos (not joined yet)' });
	await page.getByLabel('Start date').fill('2025-01-06');
	await page.getByLabel('End date (optional)').fill('');
	await page.getByRole('button', { name: 'Create the pair' }).click();
	await expect(page.getByRole('status')).toHaveText('Paired Bethan with Tomos.');

	const stalling = await dashboardRow(page, app, schemeId, 'Bethan');
	await expect(stalling.getByRole('cell').nth(8)).toHaveText('Stalling');
	await expect(page.getByTestId('pair-row').getByRole('rowheader')).toHaveText(['Bethan', 'Aled']);
	await expect(page.getByRole('columnheader', { name: 'Stalling' })).toHaveAttribute(
		'aria-sort',
		'descending'
	);
	await expect(page.getByTestId('dashboard-totals').locator('div').nth(4)).toHaveText(
		/^\s*Stalling\s*1\s*$/
	);
});

test('a second coordinator joins by invitation; nobody else can see the scheme', async ({
	page,
	app,
	browser
}) => {
	await signUpCoordinator(page, app);
	const schemeId = await createScheme(page, app, 'Shared scheme');
	await page.goto(app.url(`/coordinator/schemes/${schemeId}/people`));
	await page.getByRole('button', { name: 'Create a coordinator invitation' }).click();
	const code = (await page.getByTestId('invitation-code').textContent())!.trim();
	const link = (await page.getByTestId('invitation-link').textContent())!.trim();
	expect(link).toBe(app.url(`/coordinator?code=${code}`));

	const colleague = await otherBrowser(browser);
	const second = await colleague.newPage();
	await signUpCoordinator(second, app, { name: 'Dafydd' });
	await second.goto(link);
	await expect(second.getByLabel('Invitation code')).toHaveValue(code);
	await second.getByRole('button', { name: 'Join the scheme' }).click();
	await expect(second).toHaveURL(app.url(`/coordinator/schemes/${schemeId}`));
	await second.goto(app.url('/coordinator'));
	await expect(second.getByRole('link', { name: 'Shared scheme' })).toBeVisible();
	// A code works once.
	await second.goto(link);
	await second.getByRole('button', { name: 'Join the scheme' }).click();
	await expect(second.getByRole('alert').filter({ hasText: 'code' })).toHaveText(
		'That code has already been used. Ask your colleague for a new one.'
	);
	await colleague.close();

	const stranger = await otherBrowser(browser);
	const third = await stranger.newPage();
	await signUpCoordinator(third, app, { name: 'Eira' });
	for (const path of ['', '/people', '/settings', '/pairs.csv']) {
		const response = await third.goto(app.url(`/coordinator/schemes/${schemeId}${path}`));
		expect(response?.status()).toBe(404);
	}
	await third.goto(app.url(`/coordinator/schemes/${schemeId}`));
	await expect(third.getByRole('heading', { level: 1 })).toHaveText('We could not find that page');
	await expect(third.getByText('Shared scheme')).toHaveCount(0);
	await stranger.close();

	const anonymous = await otherBrowser(browser);
	const visitor = await anonymous.newPage();
	for (const path of ['/coordinator', `/coordinator/schemes/${schemeId}/people`]) {
		await visitor.goto(app.url(path));
		await expect(visitor).toHaveURL(app.url('/coordinator/sign-in'));
	}
	await anonymous.close();
});

test('"sign out everywhere" ends the session in every browser', async ({ page, app, browser }) => {
	const account = await signUpCoordinator(page, app);
	const laptop = await otherBrowser(browser);
	const other = await laptop.newPage();
	await other.goto(app.url('/coordinator/sign-in'));
	await other.getByLabel('Email').fill(account.email);
	await other.getByLabel('Password').fill(account.password);
	await other.getByRole('button', { name: 'Sign in' }).click();
	await expect(other).toHaveURL(app.url('/coordinator'));

	await page.getByRole('button', { name: 'Sign out everywhere' }).click();
	await expect(page).toHaveURL(app.url('/coordinator/sign-in'));
	await other.goto(app.url('/coordinator'));
	await expect(other).toHaveURL(app.url('/coordinator/sign-in'));
	await laptop.close();
});

test('the language switch renders the pages in Welsh and back', async ({ page, app }) => {
	await signUpCoordinator(page, app);
	const schemeId = await createScheme(page, app);
	await page.goto(app.url(`/coordinator/schemes/${schemeId}/people?x=1`));
	await page.getByRole('button', { name: 'Cymraeg' }).click();
	await expect(page).toHaveURL(app.url(`/coordinator/schemes/${schemeId}/people?x=1`));
	await expect(page.locator('html')).toHaveAttribute('lang', 'cy');
	await expect(page.getByRole('heading', { level: 1 })).toHaveText('Councillor mentoring: pobl');
	await expect(page.getByRole('link', { name: 'Dangosfwrdd' })).toBeVisible();
	await page.getByRole('link', { name: 'Pob cynllun' }).click();
	await expect(page.getByRole('heading', { level: 1 })).toHaveText('Eich cynlluniau');
	await page.getByRole('button', { name: 'English' }).click();
	await expect(page.locator('html')).toHaveAttribute('lang', 'en');
	await expect(page.getByRole('heading', { level: 1 })).toHaveText('Your schemes');
});

test('the create-scheme form works from the keyboard alone', async ({ page, app }) => {
	await signUpCoordinator(page, app);
	await page.keyboard.press('Tab');
	await expect(page.getByRole('link', { name: 'Skip to content' })).toBeFocused();
	await page.keyboard.press('Enter');
	await page.keyboard.press('Tab');
	await expect(page.getByLabel('Scheme name')).toBeFocused();
	await page.keyboard.type('Keyboard scheme');
	await page.keyboard.press('Tab');
	await expect(page.getByLabel('Organisation')).toBeFocused();
	await page.keyboard.type('Cyngor Example');
	for (const [label, digits] of [
		// Day and month alike: the field's order of parts follows the browser's own language.
		['Pilot starts', '06062026'],
		['Pilot ends', '12122026']
	] as const) {
		await tabUntilFocused(page, label);
		await page.keyboard.type(digits);
	}
	await expect(page.getByLabel('Pilot ends')).toHaveValue('2026-12-12');
	await page.keyboard.press('Enter');
	await expect(page).toHaveURL(/\/coordinator\/schemes\/[0-9a-f-]{36}$/);
	await expect(page.getByRole('heading', { level: 1 })).toHaveText('Keyboard scheme: dashboard');
});

/** Tab onwards (a date field has a stop for each part) until the labelled field has focus. */
async function tabUntilFocused(page: Page, label: string) {
	const field = page.getByLabel(label);
	for (let i = 0; i < 8; i++) {
		if (await field.evaluate((el) => el === document.activeElement)) return;
		await page.keyboard.press('Tab');
	}
	await expect(field).toBeFocused();
}

/**
 * Every coordinator page, with something in each list and form so all of it is scanned. The
 * helpers read English labels, so the setting-up happens in English between the scans.
 */
async function scanEveryPage(page: Page, app: AppServer, language: 'en' | 'cy') {
	const speak = (value: 'en' | 'cy') =>
		page.context().addCookies([{ name: 'PARAGLIDE_LOCALE', value, url: app.url('/') }]);
	const visit = async (path: string) => {
		await speak(language);
		await page.goto(app.url(path));
		await expect(page.locator('html')).toHaveAttribute('lang', language);
	};
	await visit('/coordinator/sign-in');
	await expectNoViolations(page, `sign-in (${language})`);
	await page.locator('#email').fill('nobody@council.example');
	await page.locator('#password').fill('wrong password');
	await page.locator('form.card button').click();
	await expectNoViolations(page, `sign-in failed (${language})`);
	await visit('/coordinator/sign-up');
	await expectNoViolations(page, `sign-up (${language})`);

	await speak('en');
	await signUpCoordinator(page, app);
	await visit('/coordinator');
	await expectNoViolations(page, `home, empty (${language})`);
	await page.locator('form[action="?/create"] button').click();
	await expectNoViolations(page, `home, form problems (${language})`);
	await speak('en');
	const schemeId = await createScheme(page, app, `Scan ${language}`);
	await visit('/coordinator');
	await expectNoViolations(page, `home (${language})`);
	await visit(`/coordinator/schemes/${schemeId}`);
	await expectNoViolations(page, `dashboard, empty (${language})`);

	await speak('en');
	const bethan = await inviteParticipant(page, app, schemeId, 'Bethan', 'mentor');
	await inviteParticipant(page, app, schemeId, 'Sam', 'mentee');
	// A second mentee keeps the pairing form on the page once Sam is paired.
	const rhys = await inviteParticipant(page, app, schemeId, 'Rhys', 'mentee');
	await visit(`/coordinator/schemes/${schemeId}/people`);
	await page.locator('form[action="?/invite"] button').click();
	await expectNoViolations(page, `people, form problems (${language})`);
	await page.locator('form[action="?/coordinator"] button').click();
	await page
		.locator('details')
		.evaluateAll((all) => all.forEach((d) => ((d as HTMLDetailsElement).open = true)));
	await expectNoViolations(page, `people, with an invitation (${language})`);

	await speak('en');
	await createPair(page, app, schemeId, 'Bethan', 'Sam');
	await visit(`/coordinator/schemes/${schemeId}?sort=mentor&dir=asc`);
	await expectNoViolations(page, `dashboard (${language})`);
	await page.locator('form[action="?/pair"] button').click();
	await expectNoViolations(page, `dashboard, form problems (${language})`);
	await visit(`/coordinator/schemes/${schemeId}/settings`);
	await expectNoViolations(page, `settings (${language})`);
	await page.locator('#matching-minimumFit').fill('500');
	await page.locator('form[action="?/matching"] button').click();
	await expect(page.locator('#matching-minimumFit')).toHaveAttribute('aria-invalid', 'true');
	await expectNoViolations(page, `settings, matching problems (${language})`);
	await visit(`/coordinator/schemes/${schemeId}/support`);
	await expectNoViolations(page, `support, none waiting (${language})`);

	// Matching, with a published pen picture and needs, a trained mentor and a proposal.
	await visit(`/coordinator/schemes/${schemeId}/matching`);
	await expectNoViolations(page, `matching, never run (${language})`);
	await publishThroughApi(app, bethan.code, { penPicture: aPenPicture });
	await publishThroughApi(app, rhys.code, { needs: someNeeds });
	await speak('en');
	await recordTraining(page, app, schemeId, 'Bethan');
	await visit(`/coordinator/schemes/${schemeId}/mentors`);
	await openAllDetails(page);
	await expectNoViolations(page, `mentors (${language})`);
	await visit(`/coordinator/schemes/${schemeId}/matching`);
	await page.locator('form[action="?/propose"] button').click();
	await expect(page.getByTestId('draft-row')).toHaveCount(1);
	await expectNoViolations(page, `matching, proposals (${language})`);
	await speak(language);
	const missing = await page.goto(
		app.url('/coordinator/schemes/00000000-0000-4000-8000-000000000000')
	);
	expect(missing?.status()).toBe(404);
	await expectNoViolations(page, `not found (${language})`);
	await page.locator('form[action="/coordinator/sign-out?/here"] button').click();
	await expect(page).toHaveURL(app.url('/coordinator/sign-in'));
}

for (const colourScheme of ['light', 'dark'] as const) {
	test(`every coordinator page passes axe in English and Welsh (${colourScheme})`, async ({
		page,
		app
	}) => {
		test.setTimeout(180_000);
		await page.emulateMedia({ colorScheme: colourScheme });
		for (const language of ['en', 'cy'] as const) await scanEveryPage(page, app, language);
	});
}
