import type { Locator, Page } from '@playwright/test';
import type { AppServer } from './app-server';
import { expect } from './fixtures';

const escaped = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/**
 * A button's name made of its visible words and, hidden but read out, what it acts on. Chromium
 * puts a space before the hidden part, which is positioned out of the flow.
 */
export const actingOn = (action: string, on: string) =>
	new RegExp(`^${escaped(action)}\\s*: ${escaped(on)}$`);

/** Logs a win on the Wins screen and waits until it is listed. */
export async function logWin(page: Page, app: AppServer, text: string): Promise<void> {
	await page.goto(app.url('/wins'));
	await page.getByLabel('Your win').fill(text);
	await page.getByRole('button', { name: 'Save win' }).click();
	await expect(page.getByText(text, { exact: true })).toBeVisible();
}

/**
 * Opens "Share to the board" for a win, sets the words and the choice of name, and returns the
 * preview (exactly what will appear) before anything is shared.
 */
export async function openShareWin(
	page: Page,
	app: AppServer,
	winText: string,
	choice: { words?: string; named: boolean }
): Promise<Locator> {
	await page.goto(app.url('/wins'));
	await page.getByRole('button', { name: actingOn('Share to the board', winText) }).click();
	const words = page.getByLabel('Words for the board');
	await expect(words).toHaveValue(winText);
	if (choice.words !== undefined) await words.fill(choice.words);
	await page
		.getByRole('radio', { name: choice.named ? /^Show my name/ : /^Post anonymously/ })
		.check();
	return page.getByTestId('board-preview');
}

/** The raw object the preview shows: what the device will send. */
export async function previewedPost(preview: Locator): Promise<Record<string, unknown>> {
	return JSON.parse((await preview.locator('pre').textContent())!) as Record<string, unknown>;
}

/** Syncs from the board screen until it shows what the test waits for. */
export async function refreshBoardUntil(
	page: Page,
	app: AppServer,
	until: () => Promise<void>
): Promise<void> {
	if (new URL(page.url()).pathname !== '/board') await page.goto(app.url('/board'));
	const check = page.getByRole('button', { name: 'Check for new posts' });
	await expect(async () => {
		await check.click();
		await expect(check).toBeEnabled();
		await until();
	}).toPass({ timeout: 30_000 });
}

/** A post on the device's board screen, found by its words. */
export function boardPost(page: Page, words: string): Locator {
	return page.getByTestId('board-post').filter({ hasText: words });
}

/** Unfolds the board screen's form for an article or a thought. */
export async function openComposer(page: Page): Promise<void> {
	const details = page.locator('details', { hasText: 'Write an article or a thought' });
	if (!(await details.evaluate((d) => (d as HTMLDetailsElement).open))) {
		await details.locator('summary').first().click();
	}
}

/** Pins a thought from the board screen, named or not; it is queued, and sent when it can be. */
export async function pinThought(page: Page, app: AppServer, text: string, named: boolean) {
	if (new URL(page.url()).pathname !== '/board') await page.goto(app.url('/board'));
	await openComposer(page);
	await page.getByRole('radio', { name: 'Thought for the day' }).check();
	await page.getByLabel('Your thought').fill(text);
	await page.getByRole('radio', { name: named ? /^Show my name/ : /^Post anonymously/ }).check();
	await expect(page.getByTestId('board-preview')).toContainText(text);
	await page.getByRole('button', { name: 'Post to the board' }).click();
	await expect(page.getByLabel('Your thought')).toHaveValue('');
}

/** A post on the coordinator's board page, found by its words. */
export function moderatedPost(page: Page, words: string): Locator {
	return page.getByTestId('moderated-post').filter({ hasText: words });
}

export async function openCoordinatorBoard(page: Page, app: AppServer, schemeId: string) {
	await page.goto(app.url(`/coordinator/schemes/${schemeId}/board`));
	await expect(page.getByRole('heading', { level: 1, name: /^Board:/ })).toBeVisible();
}

/** The coordinator hides a post with a reason its author will see. */
export async function hidePost(post: Locator, reason: string): Promise<void> {
	await post.getByText(/^Hide…/).click();
	const form = post.locator('form[action="?/hide"]');
	await form.getByLabel('Reason', { exact: true }).fill(reason);
	await form.getByRole('button', { name: 'Hide from the board' }).click();
}

/** The coordinator removes a post for good, through the confirmation step. */
export async function removePost(post: Locator, reason: string): Promise<void> {
	await post.getByText(/^Remove for good…/).click();
	const form = post.locator('form[action="?/remove"]');
	await form.getByLabel('Reason', { exact: true }).fill(reason);
	await form.getByLabel(/I understand its words are erased/).check();
	await form.getByRole('button', { name: 'Remove for good' }).click();
}

/** Moves the scheme's start a year back, so its first anniversary (and the photo) is today. */
export async function startedAYearAgo(page: Page, app: AppServer, schemeId: string) {
	const day = (d: Date) => d.toLocaleDateString('sv-SE');
	const now = new Date();
	const start = new Date(now.getFullYear() - 1, now.getMonth(), now.getDate());
	const end = new Date(now.getFullYear() - 1, now.getMonth() + 6, now.getDate());
	await page.goto(app.url(`/coordinator/schemes/${schemeId}/settings`));
	await page.getByLabel('Pilot starts').fill(day(start));
	await page.getByLabel('Pilot ends').fill(day(end));
	await page.getByRole('button', { name: 'Save changes' }).click();
	await expect(page.getByRole('status')).toContainText('saved');
}

/** Uploads the scheme photo from the coordinator's board page. */
export async function uploadPhoto(
	page: Page,
	app: AppServer,
	schemeId: string,
	image: Buffer,
	description: string
) {
	await openCoordinatorBoard(page, app, schemeId);
	await page.getByLabel(/^Photo$|^A new photo/).setInputFiles({
		name: 'launch.png',
		mimeType: 'image/png',
		buffer: image
	});
	await page.getByLabel('Description').fill(description);
	await page.getByRole('button', { name: /Upload the photo|Replace the photo/ }).click();
	await expect(page.getByRole('status')).toContainText('The photo is saved');
}
