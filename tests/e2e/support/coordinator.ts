import type { Locator, Page } from '@playwright/test';
import { expect } from './fixtures';
import type { AppServer } from './app-server';

/**
 * Drives the coordinator pages as a person would, for any test that needs a scheme set up.
 * Every helper goes through the real forms of the real server.
 */

let accounts = 0;

/** A new coordinator account, signed in on this page; a fresh email unless one is given. */
export async function signUpCoordinator(
	page: Page,
	app: AppServer,
	who: { name?: string; email?: string; password?: string } = {}
): Promise<{ email: string; password: string }> {
	const email =
		who.email ?? `coordinator-${Date.now()}-${process.pid}-${++accounts}@council.example`;
	const password = who.password ?? 'correct horse battery staple';
	await page.goto(app.url('/coordinator/sign-up'));
	await page.getByLabel('Your name').fill(who.name ?? 'Ceri Coordinator');
	await page.getByLabel('Email').fill(email);
	await page.getByLabel('Password').fill(password);
	await page.getByRole('button', { name: 'Create the account' }).click();
	await expect(page).toHaveURL(app.url('/coordinator'));
	return { email, password };
}

/** Creates a scheme from the coordinator's home page and returns its id. */
export async function createScheme(
	page: Page,
	app: AppServer,
	name = 'Councillor mentoring'
): Promise<string> {
	await page.goto(app.url('/coordinator'));
	const form = page.locator('section', {
		has: page.getByRole('heading', { name: 'Create a scheme' })
	});
	await form.getByLabel('Scheme name').fill(name);
	await form.getByLabel('Organisation').fill('Cyngor Sir Example');
	await form.getByLabel('Pilot starts').fill('2026-01-05');
	await form.getByLabel('Pilot ends').fill('2026-12-18');
	await form.getByRole('button', { name: 'Create the scheme' }).click();
	await expect(page).toHaveURL(/\/coordinator\/schemes\/[0-9a-f-]{36}$/);
	return new URL(page.url()).pathname.split('/').at(-1)!;
}

/** Invites a mentor or mentee and reads the code and link the page shows once. */
export async function inviteParticipant(
	page: Page,
	app: AppServer,
	schemeId: string,
	name: string,
	role: 'mentor' | 'mentee'
): Promise<{ code: string; link: string }> {
	await page.goto(app.url(`/coordinator/schemes/${schemeId}/people`));
	await page.getByLabel('Name', { exact: true }).fill(name);
	await page.getByRole('radio', { name: role === 'mentor' ? 'Mentor' : 'Mentee' }).check();
	await page.getByRole('button', { name: 'Create an invitation' }).click();
	await expect(page.getByRole('heading', { name: `Invitation for ${name}` })).toBeVisible();
	const code = (await page.getByTestId('invitation-code').textContent())!.trim();
	const link = (await page.getByTestId('invitation-link').textContent())!.trim();
	return { code, link };
}

/** Issues a fresh code for someone already invited (a new phone), as shown once on the page. */
export async function newCodeFor(
	page: Page,
	app: AppServer,
	schemeId: string,
	name: string
): Promise<{ code: string; link: string }> {
	await page.goto(app.url(`/coordinator/schemes/${schemeId}/people`));
	await page.getByRole('button', { name: `New code for ${name}` }).click();
	await expect(page.getByRole('heading', { name: `Invitation for ${name}` })).toBeVisible();
	const code = (await page.getByTestId('invitation-code').textContent())!.trim();
	const link = (await page.getByTestId('invitation-link').textContent())!.trim();
	return { code, link };
}

/** An option whose text is the name, with or without the "(not joined yet)" note. */
async function optionFor(select: Locator, name: string): Promise<string> {
	const options = select.locator('option');
	for (const option of await options.all()) {
		const text = (await option.textContent())?.trim() ?? '';
		if (text === name || text.startsWith(`${name} (`)) return (await option.getAttribute('value'))!;
	}
	throw new Error(`no option for ${name}`);
}

/** Pairs a mentor and a mentee from the dashboard's form, with the suggested dates. */
export async function createPair(
	page: Page,
	app: AppServer,
	schemeId: string,
	mentorName: string,
	menteeName: string
): Promise<void> {
	await page.goto(app.url(`/coordinator/schemes/${schemeId}`));
	const mentor = page.getByLabel('Mentor', { exact: true });
	const mentee = page.getByLabel('Mentee', { exact: true });
	await mentor.selectOption(await optionFor(mentor, mentorName));
	await mentee.selectOption(await optionFor(mentee, menteeName));
	await page.getByRole('button', { name: 'Create the pair' }).click();
	await expect(page.getByRole('status')).toHaveText(`Paired ${mentorName} with ${menteeName}.`);
}

/** A coordinator's scheme with a mentor and a mentee invited and paired. */
export async function schemeWithPair(page: Page, app: AppServer) {
	await signUpCoordinator(page, app);
	const schemeId = await createScheme(page, app, 'Member mentoring pilot');
	const mentor = await inviteParticipant(page, app, schemeId, 'Morgan Mentor', 'mentor');
	const mentee = await inviteParticipant(page, app, schemeId, 'Megan Mentee', 'mentee');
	await createPair(page, app, schemeId, 'Morgan Mentor', 'Megan Mentee');
	return { schemeId, mentor, mentee };
}

/** Removes someone from the scheme, through the confirmation step. */
export async function removeParticipant(
	page: Page,
	app: AppServer,
	schemeId: string,
	name: string
): Promise<void> {
	await page.goto(app.url(`/coordinator/schemes/${schemeId}/people`));
	const row = page
		.getByTestId('person-row')
		.filter({ has: page.getByRole('rowheader', { name, exact: true }) });
	await row.getByText(`Remove ${name}…`).click();
	await row.getByLabel('I understand their device will stop syncing', { exact: false }).check();
	await row.getByRole('button', { name: 'Remove from scheme' }).click();
	await expect(page.getByRole('status')).toHaveText(`${name} has been removed from the scheme.`);
}

/** Opens the dashboard and returns the row of the pair with this mentor. */
export async function dashboardRow(
	page: Page,
	app: AppServer,
	schemeId: string,
	mentorName: string
): Promise<Locator> {
	await page.goto(app.url(`/coordinator/schemes/${schemeId}`));
	return page
		.getByTestId('pair-row')
		.filter({ has: page.getByRole('rowheader', { name: mentorName, exact: true }) });
}
