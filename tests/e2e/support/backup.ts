import type { Page } from '@playwright/test';
import type { AppServer } from './app-server';
import { expect } from './fixtures';

/** Turns backup on from its screen; returns the recovery code shown once. */
export async function turnOnBackup(
	page: Page,
	app: AppServer,
	passphrase: string
): Promise<string> {
	await page.goto(app.url('/backup'));
	await page.getByLabel('Backup passphrase').fill(passphrase);
	await page.getByLabel('Type it again').fill(passphrase);
	await page.getByLabel('I understand my backup cannot be read').check();
	await page.getByRole('button', { name: 'Turn on backup' }).click();
	const code = (await page.getByTestId('recovery-code').textContent({ timeout: 30_000 }))!.trim();
	await page.getByLabel('I have written down my recovery code').check();
	await page.getByRole('button', { name: 'Done' }).click();
	await expect(page.getByTestId('backup-state')).toContainText('Last backup');
	return code;
}

export async function backUpNow(page: Page, app: AppServer): Promise<void> {
	await page.goto(app.url('/backup'));
	await page.getByRole('button', { name: 'Back up now' }).click();
	await expect(page.getByText('Backed up.')).toBeVisible({ timeout: 30_000 });
}
