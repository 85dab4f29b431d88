import type { Page } from '@playwright/test';
import type { AppServer } from './app-server';
import { expect } from './fixtures';

export interface CheckInAnswers {
	/** Each asked rating by its question, as the person reads it. */
	ratings: Record<string, 1 | 2 | 3 | 4 | 5>;
	comment?: string;
	share?: boolean;
	again?: 'Yes' | 'Maybe' | 'No' | 'Byddwn' | 'Efallai' | 'Na fyddwn';
	outcomes?: string[];
}

const ratingLabel = (n: number) =>
	n === 1 ? '1 – not at all' : n === 5 ? '5 – very much' : String(n);

/** Fills the open check-in form as a person would (the page must show it). */
export async function fillCheckIn(page: Page, answers: CheckInAnswers): Promise<void> {
	for (const [question, rating] of Object.entries(answers.ratings)) {
		await page
			.getByRole('group', { name: question })
			.getByLabel(ratingLabel(rating), { exact: true })
			.check();
	}
	if (answers.again) await page.getByRole('radio', { name: answers.again }).check();
	for (const outcome of answers.outcomes ?? []) await page.getByLabel(outcome).check();
	if (answers.comment !== undefined) {
		await page.getByLabel('Anything you would like to add? (optional)').fill(answers.comment);
	}
	const share = page.getByLabel('Share this comment with the coordinator');
	if (answers.share) await share.check();
	else await share.uncheck();
}

/** Answers the baseline check-in from Today's card, through the preview, and sends it. */
export async function answerBaseline(
	page: Page,
	app: AppServer,
	answers: CheckInAnswers
): Promise<void> {
	await page.goto(app.url('/'));
	await page.getByRole('link', { name: 'Answer the check-in' }).click();
	await expect(
		page.getByRole('heading', { name: 'Check-in: Start of the mentoring' })
	).toBeVisible();
	await fillCheckIn(page, answers);
	await page.getByRole('button', { name: 'Check what will be sent' }).click();
	await expect(page.getByTestId('checkin-preview')).toBeVisible();
	await page.getByRole('button', { name: 'Send' }).click();
	await expect(page.getByRole('status').filter({ hasText: 'Thank you' })).toBeVisible();
}
