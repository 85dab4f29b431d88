import type { Page } from '@playwright/test';
import type { AppServer } from './app-server';
import { expect, scheduleSession } from './fixtures';

/**
 * Types `canary`-marked text into every free-text field a person can fill for their current
 * pair: agenda, session place and notes, action, win, goal (and milestone), journal (and
 * tags), and for a mentor the preparation notes. Returns the date of the logged session.
 */
export async function fillEveryFreeTextField(
	page: Page,
	app: AppServer,
	canary: string,
	role: 'mentee' | 'mentor'
): Promise<string> {
	await page.goto(app.url('/agenda'));
	await page.getByLabel('Topic').fill(`${canary}-agenda`);
	await page.getByLabel('Details (optional)').fill(`${canary}-agenda-details`);
	await page.getByRole('button', { name: 'Add to the agenda' }).click();
	await expect(page.getByTestId('agenda-list')).toContainText(`${canary}-agenda`);

	const today = await scheduleSession(page, app, {
		date: 'today',
		time: '00:01',
		place: `${canary}-place`
	});
	await page.getByTestId('session-row').first().getByRole('link').click();
	await page.getByLabel(`${canary}-agenda`).check();
	await page.getByLabel('How long it lasted (minutes)').fill('50');
	await page.getByLabel('Notes', { exact: true }).fill(`${canary}-notes`);
	await page.getByRole('button', { name: 'Save the log' }).click();
	await page.getByLabel('Action', { exact: true }).fill(`${canary}-action`);
	await page.getByRole('button', { name: 'Add action' }).click();
	await expect(page.getByLabel(new RegExp(`${canary}-action`))).toBeVisible();

	await page.goto(app.url('/wins'));
	await page.getByLabel('Your win').fill(`${canary}-win`);
	await page.getByRole('button', { name: 'Save win' }).click();
	await expect(page.getByText(`${canary}-win`, { exact: true })).toBeVisible();

	await page.goto(app.url('/goals/goal?id=new'));
	await page.getByLabel('Goal', { exact: true }).fill(`${canary}-goal`);
	await page.getByLabel('Why it matters').fill(`${canary}-why`);
	await page.getByLabel('How will you know you have succeeded?').fill(`${canary}-success`);
	await page.getByRole('button', { name: 'Save' }).click();
	await expect(page.getByRole('heading', { name: 'Milestones' })).toBeVisible();
	await page.getByLabel('New milestone').fill(`${canary}-milestone`);
	await page.getByRole('button', { name: 'Add milestone' }).click();
	await expect(page.getByLabel(`${canary}-milestone`)).toBeVisible();

	await page.goto(app.url('/journal'));
	await page.getByRole('button', { name: 'New entry' }).click();
	await page.getByLabel('Entry', { exact: true }).fill(`${canary}-journal`);
	await page.getByLabel('Tags (optional)').fill(`${canary}-tag`);
	await page.getByRole('button', { name: 'Save' }).click();
	await expect(page.getByTestId('journal-entry')).toHaveCount(1);

	if (role === 'mentor') {
		await page.goto(app.url('/prep'));
		await page.getByLabel('Preparation note').fill(`${canary}-prep`);
		await page.getByRole('button', { name: 'Save note' }).click();
		await expect(page.getByText(`${canary}-prep`)).toBeVisible();
	}
	return today;
}
