import type { Browser, BrowserContext, Page } from '@playwright/test';
import type { AppServer } from './app-server';
import { schemeWithPair } from './coordinator';
import { expect, joinFromLink, welcome, type Person } from './fixtures';

/** The mentee and the mentor of the pair the scheme helpers create, on their own devices. */
export const megan = { role: 'mentee' as const, name: 'Megan', partner: 'Morgan' };
export const morgan = { role: 'mentor' as const, name: 'Morgan', partner: 'Megan' };

export interface Phone {
	context: BrowserContext;
	page: Page;
}

/** A new device (its own browser profile), set up as the person and joined to the scheme. */
export async function aJoinedPhone(
	browser: Browser,
	app: AppServer,
	person: Person,
	invitationLink: string
): Promise<Phone> {
	const context = await browser.newContext();
	const page = await context.newPage();
	await welcome(page, app, person);
	await joinFromLink(page, invitationLink);
	return { context, page };
}

/** A coordinator's scheme with a pair, and the mentee's phone and the mentor's laptop joined. */
export async function aPairOnTwoDevices(page: Page, app: AppServer, browser: Browser) {
	const invitations = await schemeWithPair(page, app);
	const phone = await aJoinedPhone(browser, app, megan, invitations.mentee.link);
	const laptop = await aJoinedPhone(browser, app, morgan, invitations.mentor.link);
	return { invitations, phone, laptop };
}

/** Syncs from the Pair screen and waits until nothing is waiting to go. */
export async function syncPair(page: Page, app: AppServer): Promise<void> {
	await page.goto(app.url('/pair'));
	const state = page.getByTestId('pair-link-state');
	await expect(async () => {
		await page.getByRole('button', { name: 'Sync now' }).click();
		await expect(page.getByRole('button', { name: 'Sync now' })).toBeEnabled();
		await expect(state).toContainText('Changes waiting to go: 0', { timeout: 1_000 });
		await expect(state).not.toContainText('No connection', { timeout: 1_000 });
	}).toPass({ timeout: 30_000 });
}

/** Opens the Pair screen until, after the sync that opening starts, the scheme's line says this. */
export async function schemePairSays(page: Page, app: AppServer, text: string): Promise<void> {
	await expect(async () => {
		await page.goto(app.url('/pair'));
		await expect(page.getByTestId('scheme-pair')).toContainText(text, { timeout: 3_000 });
	}).toPass({ timeout: 30_000 });
}

/** One device shows a code; the other types its short code. Returns the code. */
export async function linkByShortCode(shower: Page, taker: Page, app: AppServer): Promise<string> {
	await shower.goto(app.url('/link'));
	await shower.getByRole('button', { name: 'Show a code' }).click();
	await expect(shower.getByTestId('qr-code')).toBeVisible();
	const code = (await shower.getByTestId('link-short-code').textContent())!.trim();
	await taker.goto(app.url('/link'));
	await taker.getByLabel('Short code').fill(code);
	await taker.getByRole('button', { name: 'Link', exact: true }).click();
	await expect(taker.getByRole('status').filter({ hasText: 'Linked.' })).toBeVisible();
	return code;
}

/** Everything a device holds in its database, table by table, read from inside the page. */
export async function deviceData(page: Page): Promise<Record<string, unknown[]>> {
	return page.evaluate(
		() =>
			new Promise<Record<string, unknown[]>>((resolve, reject) => {
				const opening = indexedDB.open('tandem');
				opening.onerror = () => reject(opening.error);
				opening.onsuccess = () => {
					const db = opening.result;
					const names = [...db.objectStoreNames];
					const tx = db.transaction(names, 'readonly');
					const all: Record<string, unknown[]> = {};
					for (const name of names) {
						const request = tx.objectStore(name).getAll();
						request.onsuccess = () => (all[name] = request.result);
					}
					tx.oncomplete = () => {
						db.close();
						resolve(all);
					};
					tx.onerror = () => reject(tx.error);
				};
			})
	);
}
