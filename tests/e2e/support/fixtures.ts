import { test as base, expect, type Page } from '@playwright/test';
import { AppServer } from './app-server';

export const test = base.extend<{ app: AppServer }, { server: AppServer }>({
	server: [
		async ({}, use, workerInfo) => {
			const server = new AppServer(4300 + workerInfo.workerIndex);
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

/** Waits until the service worker controls the page, so the app is available offline. */
export async function waitForOfflineReady(page: Page): Promise<void> {
	await page.waitForFunction(async () => {
		const registration = await navigator.serviceWorker.ready;
		return (
			registration.active?.state === 'activated' && navigator.serviceWorker.controller !== null
		);
	});
}
