import type { Page } from '@playwright/test';
import type { AppServer } from './app-server';
import { joinThroughApi } from './device-api';
import { expect } from './fixtures';

/** A person who opens Tandem to be matched by their scheme: no partner to name yet. */
export async function welcomeWaiting(
	page: Page,
	app: AppServer,
	person: { role: 'mentor' | 'mentee'; name: string }
): Promise<void> {
	await page.goto(app.url('/'));
	await expect(page).toHaveURL(/\/welcome$/);
	await page.getByRole('radio', { name: person.role === 'mentee' ? /Mentee/ : /Mentor/ }).check();
	await page.getByLabel('Your name').fill(person.name);
	await page.getByRole('checkbox', { name: /I am waiting to be matched/ }).check();
	await page.getByRole('button', { name: 'Start' }).click();
	await expect(
		page.getByRole('heading', { level: 1, name: `Hello, ${person.name}` })
	).toBeVisible();
}

export interface PenPictureInput {
	text: string;
	roles: string[];
	areas: string[];
	years: number;
	capacity: number;
}

/** Writes the pen picture, previews it and asks to publish it (sent at once when online). */
export async function writePenPicture(page: Page, app: AppServer, input: PenPictureInput) {
	await page.goto(app.url('/pen-picture'));
	await page.getByLabel('Your pen picture').fill(input.text);
	for (const role of input.roles) await page.getByRole('checkbox', { name: role }).check();
	for (const area of input.areas) await page.getByRole('checkbox', { name: area }).check();
	await page.getByLabel('Years of experience').fill(String(input.years));
	await page.getByLabel('How many mentees you can take at once').fill(String(input.capacity));
	await page.getByRole('button', { name: 'Preview' }).click();
	const preview = page.getByRole('region', { name: 'As the scheme will see it' });
	await expect(preview).toContainText(input.text);
	await page.getByRole('button', { name: 'Publish' }).click();
}

export interface NeedsInput {
	summary: string;
	/** Most wanted first. */
	areas: string[];
}

/** Writes the mentee's needs, previews them and asks to publish them. */
export async function writeNeeds(page: Page, app: AppServer, input: NeedsInput) {
	await page.goto(app.url('/needs'));
	await page.getByLabel('In a few sentences: what would you like help with?').fill(input.summary);
	for (const area of input.areas) await page.getByRole('checkbox', { name: area }).check();
	await page.getByRole('button', { name: 'Preview' }).click();
	const preview = page.getByRole('region', { name: 'As the scheme will see it' });
	await expect(preview).toContainText(input.summary);
	await page.getByRole('button', { name: 'Publish' }).click();
}

/** Waits until the publication on this screen says it is published. */
export async function expectPublished(page: Page): Promise<void> {
	await expect(page.getByTestId('publication-state')).toContainText('Published on', {
		timeout: 15_000
	});
}

/** Runs a sync round from the Scheme screen, as "Send now" does. */
export async function syncWithScheme(page: Page, app: AppServer): Promise<void> {
	await page.goto(app.url('/scheme'));
	const send = page.getByRole('button', { name: 'Send now' });
	// The button may be enabled again before the round has even begun: wait for its outcome.
	await expect(async () => {
		await send.click();
		await expect(send).toBeEnabled();
		await expect(page.getByTestId('sync-state')).toContainText('Waiting to go to the scheme: 0', {
			timeout: 2_000
		});
	}).toPass({ timeout: 30_000 });
}

/** Records a mentor's training on the coordinator's Mentors page. */
export async function recordTraining(
	page: Page,
	app: AppServer,
	schemeId: string,
	name: string,
	on = '2026-10-01'
): Promise<void> {
	await page.goto(app.url(`/coordinator/schemes/${schemeId}/mentors`));
	await page.getByLabel(`Trained on, for ${name}`).fill(on);
	await page.getByRole('button', { name: `Save training date for ${name}` }).click();
	await expect(page.getByLabel(`Trained on, for ${name}`)).toHaveValue(on);
}

/**
 * Joins with an invitation code and publishes through the device API directly, for tests that
 * need a published pen picture or needs without driving a device's screens.
 */
export async function publishThroughApi(
	app: AppServer,
	code: string,
	publication: { penPicture: object } | { needs: object }
): Promise<void> {
	const authorization = await joinThroughApi(app, code);
	const path = 'penPicture' in publication ? '/api/v1/pen-picture' : '/api/v1/needs';
	const published = await fetch(app.url(path), {
		method: 'PUT',
		headers: { authorization, 'content-type': 'application/json' },
		body: JSON.stringify({ writtenAt: new Date().toISOString(), ...publication })
	});
	expect(published.status).toBe(200);
}

export const aPenPicture = {
	text: 'Ten years a ward member; chaired scrutiny for three.',
	roles: ['committee-chair', 'ward-member'],
	level: null,
	serviceArea: null,
	group: null,
	areas: ['learning-the-ropes', 'leadership'],
	yearsExperience: 10,
	capacity: 2,
	gender: null,
	formerMemberSince: null
};

export const someNeeds = {
	summary: 'Finding my way around committees.',
	areas: ['learning-the-ropes'],
	level: null,
	serviceArea: null,
	group: null,
	preferences: { gender: null, role: null, experience: null },
	avoid: { lineManager: null, people: [], ownGroup: false }
};
