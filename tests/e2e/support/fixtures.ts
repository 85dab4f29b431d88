import { test as base, expect, type Page } from '@playwright/test';
import { AppServer } from './app-server';

export const test = base.extend<{ app: AppServer }, { server: AppServer }>({
	server: [
		async ({}, use, workerInfo) => {
			const server = new AppServer(
				Number(process.env.E2E_PORT_BASE || 4300) + workerInfo.workerIndex
			);
			await server.start();
			await use(server);
			await server.stop();
		},
		{ scope: 'worker' }
	],
	// Every test starts with the server up, whatever the previous test did to it.
	app: async ({ server }, use) => {
		server.deploy('build');
		await server.start();
		await use(server);
		await server.start();
	}
});

export { expect };

export interface Person {
	role: 'mentee' | 'mentor';
	name: string;
	partner: string;
}

/** Goes through the first-run screen as a new user would. */
export async function welcome(page: Page, app: AppServer, person: Person): Promise<void> {
	await page.goto(app.url('/'));
	await expect(page).toHaveURL(/\/welcome$/);
	await page.getByRole('radio', { name: person.role === 'mentee' ? /Mentee/ : /Mentor/ }).check();
	await page.getByLabel('Your name').fill(person.name);
	await page
		.getByLabel(person.role === 'mentee' ? "Your mentor's name" : "Your mentee's name")
		.fill(person.partner);
	await page.getByRole('button', { name: 'Start' }).click();
	await expect(
		page.getByRole('heading', { level: 1, name: `Hello, ${person.name}` })
	).toBeVisible();
}

/** Opens an invitation link on a device that is set up, joins, and waits for the first sync. */
export async function joinFromLink(page: Page, link: string): Promise<void> {
	await page.goto(link);
	await page.getByRole('button', { name: 'Join the scheme' }).click();
	await expect(page.getByRole('status').filter({ hasText: 'You have joined' })).toBeVisible();
}

/** Adds an item to the agenda from its screen and waits until it is listed. */
export async function addAgendaItem(page: Page, app: AppServer, title: string): Promise<void> {
	await page.goto(app.url('/agenda'));
	await page.getByLabel('Topic').fill(title);
	await page.getByRole('button', { name: 'Add to the agenda' }).click();
	await expect(page.getByTestId('agenda-list')).toContainText(title);
}

/** Waits until the service worker controls the page, so the app is available offline. */
export async function waitForOfflineReady(page: Page): Promise<void> {
	await page.waitForFunction(async () => {
		const registration = await navigator.serviceWorker.ready;
		return (
			registration.active?.state === 'activated' && navigator.serviceWorker.controller !== null
		);
	});
}

export interface SessionPlan {
	/** A calendar date, or 'today' for earlier today (so the session waits to be logged). */
	date: string;
	time: string;
	place?: string;
	mode?: 'In person' | 'Phone call' | 'Video call';
}

/** Schedules a session from the Sessions screen and waits until it is stored. */
export async function scheduleSession(page: Page, app: AppServer, plan: SessionPlan) {
	if (new URL(page.url()).pathname !== '/sessions') await page.goto(app.url('/sessions'));
	const form = page.locator('details', { hasText: 'Schedule a session' });
	if (!(await form.evaluate((d) => (d as HTMLDetailsElement).open))) {
		await form.locator('summary').click();
	}
	const date =
		plan.date === 'today'
			? await page.evaluate(() => new Date().toLocaleDateString('sv-SE'))
			: plan.date;
	await page.getByLabel('Date').fill(date);
	await page.getByLabel('Time').fill(plan.time);
	if (plan.place) await page.getByLabel('Place or call link (optional)').fill(plan.place);
	if (plan.mode) await page.getByLabel('How you will meet').selectOption({ label: plan.mode });
	await page.getByRole('button', { name: 'Schedule a session' }).click();
	// The form clears once the session is stored.
	await expect(page.getByLabel('Date')).toHaveValue('');
	return date;
}
