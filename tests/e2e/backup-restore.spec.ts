import type { Page } from '@playwright/test';
import { backUpNow, turnOnBackup } from './support/backup';
import { newCodeFor, schemeWithPair } from './support/coordinator';
import { addAgendaItem, expect, test } from './support/fixtures';
import { fillEveryFreeTextField } from './support/free-text';
import {
	aJoinedPhone,
	aPairOnTwoDevices,
	deviceData,
	linkByShortCode,
	megan,
	syncPair
} from './support/pair-devices';

const passphrase = 'four unrelated words, remembered';
const dataTables = [
	'profile',
	'pairs',
	'journal',
	'goals',
	'agendaItems',
	'sessions',
	'actions',
	'wins',
	'prepNotes'
];

const recordsOf = async (page: Page) => {
	const all = await deviceData(page);
	return Object.fromEntries(dataTables.map((t) => [t, all[t]]));
};

test('a lost phone loses nothing: back up, erase, restore with a new invitation and the passphrase', async ({
	page,
	app,
	browser
}) => {
	test.setTimeout(240_000);
	const { invitations, phone, laptop } = await aPairOnTwoDevices(page, app, browser);
	const { schemeId } = invitations;
	await fillEveryFreeTextField(phone.page, app, 'BACKED-UP', 'mentee');
	await linkByShortCode(laptop.page, phone.page, app);
	await syncPair(phone.page, app);
	await turnOnBackup(phone.page, app, passphrase);
	await backUpNow(phone.page, app);
	const before = await recordsOf(phone.page);
	expect((before.journal as unknown[]).length).toBe(1);
	// The phone is lost: its browser profile, and everything in it, is gone.
	await phone.context.close();

	// Meanwhile the mentor adds to the shared agenda.
	await syncPair(laptop.page, app);
	await addAgendaItem(laptop.page, app, 'Added while the phone was lost');
	await syncPair(laptop.page, app);

	const invitation = await newCodeFor(page, app, schemeId, 'Megan Mentee');
	const context = await browser.newContext();
	const newPhone = await context.newPage();
	await newPhone.goto(app.url('/'));
	await expect(newPhone).toHaveURL(/\/welcome$/);
	await newPhone.getByRole('link', { name: 'Restore from your backup' }).click();
	await newPhone.getByLabel('Recovery code, or a new invitation code').fill(invitation.code);
	await newPhone.getByRole('button', { name: 'Continue' }).click();
	await expect(
		newPhone.getByText('You have rejoined Member mentoring pilot as Megan Mentee')
	).toBeVisible();
	await newPhone.getByLabel('Backup passphrase').fill('not the passphrase at all');
	await newPhone.getByRole('button', { name: 'Restore' }).click();
	await expect(newPhone.getByRole('alert')).toContainText(
		'That passphrase does not open your backup'
	);
	await newPhone.getByLabel('Backup passphrase').fill(passphrase);
	await newPhone.getByRole('button', { name: 'Restore' }).click();
	await expect(newPhone.getByRole('status').filter({ hasText: 'Restored:' })).toBeVisible({
		timeout: 30_000
	});
	await newPhone.getByRole('button', { name: 'Open Tandem' }).click();
	await expect(newPhone.getByRole('heading', { level: 1, name: 'Hello, Megan' })).toBeVisible();

	// Every record is back exactly as it was, journal and all.
	expect(await recordsOf(newPhone)).toEqual(before);
	// And the pair link came back with it: the new phone catches up with the mentor.
	await syncPair(newPhone, app);
	await newPhone.goto(app.url('/agenda'));
	await expect(newPhone.getByTestId('agenda-list')).toContainText('Added while the phone was lost');
	await newPhone.goto(app.url('/journal'));
	await expect(newPhone.getByText('BACKED-UP-journal')).toBeVisible();
	await context.close();
	await laptop.context.close();
});

test('the recovery code alone brings everything back on a new phone', async ({
	page,
	app,
	browser
}) => {
	test.setTimeout(180_000);
	const { mentee } = await schemeWithPair(page, app);
	const phone = await aJoinedPhone(browser, app, megan, mentee.link);
	await phone.page.goto(app.url('/wins'));
	await phone.page.getByLabel('Your win').fill('Chaired my first meeting');
	await phone.page.getByRole('button', { name: 'Save win' }).click();
	const recoveryCode = await turnOnBackup(phone.page, app, passphrase);
	const before = await recordsOf(phone.page);
	await phone.context.close();

	const context = await browser.newContext();
	const newPhone = await context.newPage();
	await newPhone.goto(app.url('/restore'));
	// Typed as people do: lower case, spaces instead of dashes.
	await newPhone
		.getByLabel('Recovery code, or a new invitation code')
		.fill(recoveryCode.toLowerCase().replace(/-/g, ' '));
	await newPhone.getByRole('button', { name: 'Continue' }).click();
	await expect(newPhone.getByRole('status').filter({ hasText: 'Restored:' })).toBeVisible({
		timeout: 30_000
	});
	await newPhone.getByRole('button', { name: 'Open Tandem' }).click();
	await expect(newPhone.getByRole('heading', { level: 1, name: 'Hello, Megan' })).toBeVisible();
	expect(await recordsOf(newPhone)).toEqual(before);
	// It carries on backing up, under the same key.
	await newPhone.goto(app.url('/backup'));
	await expect(newPhone.getByText('Backup is on.')).toBeVisible();
	await context.close();
});
