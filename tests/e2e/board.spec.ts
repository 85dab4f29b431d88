import type { Page } from '@playwright/test';
import { onePixelPng } from '../support/images';
import { expectNoViolations, openAllDetails, tabToElement } from './support/axe';
import {
	actingOn,
	boardPost,
	hidePost,
	logWin,
	moderatedPost,
	openComposer,
	openCoordinatorBoard,
	openShareWin,
	pinThought,
	previewedPost,
	refreshBoardUntil,
	removePost,
	startedAYearAgo,
	uploadPhoto
} from './support/board';
import { expect, test, waitForOfflineReady } from './support/fixtures';
import { aPairOnTwoDevices } from './support/pair-devices';
import { queryServer } from './support/server-rows';

const win = 'Chaired my first scrutiny meeting, with Cllr Jones’s help';
const words = 'Chaired my first scrutiny meeting';

test('a shared win is reacted to, moderated with the author told why, and withdrawn when deleted; a thought withdrawn', async ({
	page,
	app,
	browser
}) => {
	test.setTimeout(240_000);
	const { invitations, phone, laptop } = await aPairOnTwoDevices(page, app, browser);
	const { schemeId } = invitations;
	const mentee = phone.page;
	const mentor = laptop.page;

	// The mentee shares a win, anonymously, with a name taken out of the words.
	await logWin(mentee, app, win);
	const preview = await openShareWin(mentee, app, win, { words, named: false });
	await expect(preview).toContainText('Win · A member of the scheme');
	await expect(preview).toContainText(words);
	await expect(preview).not.toContainText('Cllr Jones');
	await expect(preview).not.toContainText('Megan');
	expect(await previewedPost(preview)).toMatchObject({ kind: 'win', text: words, showName: false });
	await mentee.getByRole('button', { name: 'Share', exact: true }).click();
	await expect(mentee.getByTestId('win-shared')).toContainText('Shared to the board');
	// The pair's own win is unchanged.
	await expect(mentee.getByText(win, { exact: true })).toBeVisible();
	await refreshBoardUntil(mentee, app, () =>
		expect(boardPost(mentee, words).getByTestId('board-post-state')).toHaveText('On the board', {
			timeout: 1_000
		})
	);

	// The mentor's Today says there is something new; the board marks it, without her name.
	const news = mentor.getByRole('link', { name: 'New posts on the board: 1' });
	await expect(async () => {
		await mentor.goto(app.url('/'));
		await expect(news).toBeVisible({ timeout: 3_000 });
	}).toPass({ timeout: 30_000 });
	await news.click();
	const seen = boardPost(mentor, words);
	await expect(seen).toContainText('A member of the scheme');
	await expect(seen).toContainText('New');
	await expect(mentor.getByTestId('board-new-count')).toHaveText('New since your last visit: 1');
	const wellDone = seen.getByRole('button', { name: /^Well done/ });
	await expect(wellDone).toHaveAttribute('aria-pressed', 'false');
	await wellDone.click();
	await expect(wellDone).toHaveAttribute('aria-pressed', 'true');
	await expect(wellDone).toHaveText(/Well done\s*1/);
	// Seen: on the next visit it is no longer new, and Today says nothing of it.
	await mentor.getByRole('link', { name: 'Today' }).click();
	await expect(mentor.getByRole('heading', { level: 1, name: /^Hello/ })).toBeVisible();
	await expect(news).toHaveCount(0);
	await mentor.goto(app.url('/board'));
	await expect(boardPost(mentor, words)).not.toContainText('New');
	await refreshBoardUntil(mentee, app, () =>
		expect(boardPost(mentee, words)).toContainText('Reactions: Well done 1', { timeout: 1_000 })
	);

	// The coordinator hides it with a reason: the mentee is told why, the mentor no longer sees it.
	await openCoordinatorBoard(page, app, schemeId);
	await hidePost(moderatedPost(page, words), 'Please keep council business off the board');
	await expect(page.getByRole('status')).toHaveText('The post is hidden. Its author will see why.');
	await expect(moderatedPost(page, words).getByTestId('post-status')).toHaveText(
		'Hidden by the coordinator: Please keep council business off the board'
	);
	await refreshBoardUntil(mentee, app, () =>
		expect(boardPost(mentee, words).getByTestId('board-post-state')).toHaveText(
			'Hidden by the coordinator: Please keep council business off the board',
			{ timeout: 1_000 }
		)
	);
	await mentee.goto(app.url('/wins'));
	await expect(mentee.getByTestId('win-shared')).toContainText(
		'Hidden by the coordinator: Please keep council business off the board'
	);
	await refreshBoardUntil(mentor, app, () =>
		expect(boardPost(mentor, words)).toHaveCount(0, { timeout: 1_000 })
	);

	// Restored, it is back for everyone; removed, its words are gone and the reason stays.
	await openCoordinatorBoard(page, app, schemeId);
	await moderatedPost(page, words).getByRole('button', { name: 'Restore' }).click();
	await expect(page.getByRole('status')).toHaveText('The post is back on the board.');
	await refreshBoardUntil(mentor, app, () =>
		expect(boardPost(mentor, words)).toBeVisible({ timeout: 1_000 })
	);
	await removePost(moderatedPost(page, words), 'Names a colleague');
	await expect(page.getByRole('status')).toHaveText(
		'The post is removed. Its author will see why.'
	);
	await expect(page.getByText(words)).toHaveCount(0);
	await refreshBoardUntil(mentee, app, () =>
		expect(mentee.getByTestId('board-post').first()).toContainText(
			'Removed by the coordinator: Names a colleague',
			{ timeout: 1_000 }
		)
	);
	await expect(mentee.getByText(words)).toHaveCount(0);
	await refreshBoardUntil(mentor, app, () =>
		expect(boardPost(mentor, words)).toHaveCount(0, { timeout: 1_000 })
	);

	// The mentee posts a thought with her name, then withdraws it.
	const thought = 'Small steps count.';
	await pinThought(mentee, app, thought, true);
	await refreshBoardUntil(mentor, app, () =>
		expect(boardPost(mentor, thought)).toContainText('Megan Mentee', { timeout: 1_000 })
	);
	await mentee.goto(app.url('/board'));
	const own = boardPost(mentee, thought);
	await own.getByRole('button', { name: /^Withdraw/ }).click();
	await own.getByRole('button', { name: 'Withdraw the post' }).click();
	await expect(boardPost(mentee, thought)).toHaveCount(0);
	await refreshBoardUntil(mentor, app, () =>
		expect(boardPost(mentor, thought)).toHaveCount(0, { timeout: 1_000 })
	);
	const rows = await queryServer<{ n: number }>(
		app,
		`select count(*)::int as n from board_posts where scheme_id = '${schemeId}' and text = '${thought}'`
	);
	expect(rows[0]!.n).toBe(0);

	// Deleting the shared win withdraws its post too, even one the coordinator removed.
	await app.start();
	await mentee.goto(app.url('/wins'));
	await mentee.getByRole('button', { name: new RegExp(`^Delete\\W+${words}`) }).click();
	await expect(mentee.getByRole('status')).toContainText(
		'Win deleted, and its post withdrawn from the group board.'
	);
	await refreshBoardUntil(mentee, app, () =>
		expect(mentee.getByText('Removed by the coordinator: Names a colleague')).toHaveCount(0, {
			timeout: 1_000
		})
	);
	const left = await queryServer<{ n: number }>(
		app,
		`select count(*)::int as n from board_posts where scheme_id = '${schemeId}' and kind = 'win'`
	);
	expect(left[0]!.n).toBe(0);
	await phone.context.close();
	await laptop.context.close();
});

test('the board is readable offline, and a thought written offline waits, then arrives', async ({
	page,
	app,
	browser
}) => {
	test.setTimeout(180_000);
	const { invitations, phone, laptop } = await aPairOnTwoDevices(page, app, browser);
	const { schemeId } = invitations;
	const mentee = phone.page;
	await pinThought(laptop.page, app, 'Ask the clerk before the meeting, not during it.', true);
	await refreshBoardUntil(mentee, app, () =>
		expect(boardPost(mentee, 'Ask the clerk')).toBeVisible({ timeout: 1_000 })
	);
	await waitForOfflineReady(mentee);

	await app.stop();
	await mentee.reload();
	await expect(mentee.getByRole('heading', { level: 1, name: 'Board' })).toBeVisible();
	await expect(boardPost(mentee, 'Ask the clerk')).toContainText('Morgan Mentor');
	const offline = 'Written on the train, with no signal.';
	await pinThought(mentee, app, offline, false);
	await expect(boardPost(mentee, offline).getByTestId('board-post-state')).toHaveText(
		'Waiting to send'
	);
	await mentee.reload();
	await expect(boardPost(mentee, offline).getByTestId('board-post-state')).toHaveText(
		'Waiting to send'
	);

	await app.start();
	await refreshBoardUntil(mentee, app, () =>
		expect(boardPost(mentee, offline).getByTestId('board-post-state')).toHaveText('On the board', {
			timeout: 1_000
		})
	);
	await openCoordinatorBoard(page, app, schemeId);
	await expect(moderatedPost(page, offline)).toContainText('A member of the scheme');
	await phone.context.close();
	await laptop.context.close();
});

/**
 * The screens of the board in one language, scanned as they stand, and the coordinator's page
 * with each of its forms refused. Controls are found by what does not change with the language.
 */
async function scanBoard(
	mentee: Page,
	coordinator: Page,
	boardPage: string,
	language: 'en' | 'cy',
	label: string
) {
	await mentee.goto(mentee.url().replace(/\/[^/]*$/, '/board'));
	await expect(mentee.locator('h1')).toBeVisible();
	await expect(mentee.locator('html')).toHaveAttribute('lang', language);
	await expect(mentee.getByTestId('board-post').first()).toBeVisible();
	await openAllDetails(mentee);
	await expectNoViolations(mentee, `board (${label})`);
	await mentee.goto(mentee.url().replace(/\/board$/, '/wins'));
	await mentee
		.getByRole('button', { name: /^(Share to the board|Rhannu ar yr hysbysfwrdd)\s*:/ })
		.first()
		.click();
	await expect(mentee.getByTestId('board-preview').locator('pre')).toBeAttached();
	await openAllDetails(mentee);
	await expectNoViolations(mentee, `wins, sharing preview (${label})`);
	await coordinator.goto(boardPage);
	await expect(coordinator.locator('html')).toHaveAttribute('lang', language);
	await openAllDetails(coordinator);
	await expectNoViolations(coordinator, `coordinator board (${label})`);
	await coordinator.locator('#photo-file').setInputFiles({
		name: 'launch.png',
		mimeType: 'image/png',
		buffer: Buffer.from('not a picture at all')
	});
	await coordinator.locator('form[action="?/photo"] button').click();
	await expect(coordinator.locator('#photo-file')).toHaveAttribute('aria-invalid', 'true');
	await expectNoViolations(coordinator, `coordinator board, photo refused (${label})`);
	const post = moderatedPost(coordinator, 'Read the papers twice.');
	await post.locator('summary').first().click();
	await post.locator('form[action="?/hide"] button').click();
	await expect(
		moderatedPost(coordinator, 'Read the papers twice.').locator('textarea').first()
	).toHaveAttribute('aria-invalid', 'true');
	await openAllDetails(coordinator);
	await expectNoViolations(coordinator, `coordinator board, reason missing (${label})`);
}

test('the board and the coordinator’s board page pass axe in English and Welsh, light and dark', async ({
	page,
	app,
	browser
}) => {
	test.setTimeout(300_000);
	const { invitations, phone, laptop } = await aPairOnTwoDevices(page, app, browser);
	const { schemeId } = invitations;
	const mentee = phone.page;
	// The scheme's first anniversary is today, so its photo is on the board.
	await startedAYearAgo(page, app, schemeId);
	await uploadPhoto(page, app, schemeId, onePixelPng, 'Mentors and mentees at the launch');
	// The coordinator sees what they uploaded, described as they described it.
	const uploaded = page.getByRole('img', { name: 'Mentors and mentees at the launch' });
	await expect(uploaded).toHaveJSProperty('naturalWidth', 1);

	// Posts of every kind and state: a reaction, a moderated own post, an article, a thought.
	await pinThought(laptop.page, app, 'Read the papers twice.', true);
	await openComposer(laptop.page);
	await laptop.page.getByRole('radio', { name: 'Article' }).check();
	await laptop.page.getByLabel('Title').fill('Chairing a meeting well');
	await laptop.page.getByLabel('Link').fill('https://www.example.gov.uk/chairing');
	await laptop.page.getByLabel('Why it is worth reading (optional)').fill('Short and practical.');
	await laptop.page.getByRole('button', { name: 'Post to the board' }).click();
	await expect(laptop.page.getByLabel('Title')).toHaveValue('');
	await logWin(mentee, app, 'Spoke at full council');
	await openShareWin(mentee, app, 'Spoke at full council', { named: true });
	await mentee.getByRole('button', { name: 'Share', exact: true }).click();
	await expect(mentee.getByTestId('win-shared')).toContainText('Shared to the board');
	await logWin(mentee, app, 'Met the chief executive');
	await pinThought(mentee, app, 'Waiting thoughts are fine too.', false);
	await refreshBoardUntil(mentee, app, () =>
		expect(boardPost(mentee, 'Chairing a meeting well')).toBeVisible({ timeout: 1_000 })
	);
	await boardPost(mentee, 'Read the papers twice.')
		.getByRole('button', { name: /^Thank you/ })
		.click();
	await openCoordinatorBoard(page, app, schemeId);
	await hidePost(moderatedPost(page, 'Waiting thoughts'), 'Please say more next time');
	await refreshBoardUntil(mentee, app, () =>
		expect(boardPost(mentee, 'Waiting thoughts')).toContainText('Hidden by the coordinator', {
			timeout: 1_000
		})
	);
	await expect(
		mentee.getByRole('img', { name: 'Mentors and mentees at the launch' })
	).toHaveJSProperty('naturalWidth', 1);
	const boardPage = app.url(`/coordinator/schemes/${schemeId}/board`);

	for (const colourScheme of ['light', 'dark'] as const) {
		await mentee.emulateMedia({ colorScheme: colourScheme });
		await page.emulateMedia({ colorScheme: colourScheme });
		for (const language of ['en', 'cy'] as const) {
			await mentee.evaluate((l) => localStorage.setItem('PARAGLIDE_LOCALE', l), language);
			await page
				.context()
				.addCookies([{ name: 'PARAGLIDE_LOCALE', value: language, url: app.url('/') }]);
			await scanBoard(mentee, page, boardPage, language, `${language}, ${colourScheme}`);
		}
	}
	await phone.context.close();
	await laptop.context.close();
});

test('a win is shared and a post reacted to with the keyboard alone', async ({
	page,
	app,
	browser
}) => {
	test.setTimeout(180_000);
	const { phone, laptop } = await aPairOnTwoDevices(page, app, browser);
	const mentee = phone.page;
	const mentor = laptop.page;
	await logWin(mentee, app, 'Asked my first question at cabinet');
	await mentee.goto(app.url('/wins'));

	const share = mentee.getByRole('button', {
		name: actingOn('Share to the board', 'Asked my first question at cabinet')
	});
	await tabToElement(mentee, share);
	await mentee.keyboard.press('Enter');
	// Focus moves to the sharing panel; the words and the choice come next, then Share.
	await expect(mentee.getByRole('heading', { name: 'Share this win to the board' })).toBeFocused();
	await mentee.keyboard.press('Tab');
	await expect(mentee.getByLabel('Words for the board')).toBeFocused();
	await mentee.keyboard.press('ControlOrMeta+a');
	await mentee.keyboard.type('Asked my first question');
	// A radio group takes one Tab, to the chosen one; the arrows choose another.
	await tabToElement(mentee, mentee.getByRole('radio', { name: /^Post anonymously/ }));
	await mentee.keyboard.press('ArrowUp');
	await expect(mentee.getByRole('radio', { name: /^Show my name/ })).toBeChecked();
	await expect(mentee.getByTestId('board-preview')).toContainText('Megan Mentee');
	await tabToElement(mentee, mentee.getByRole('button', { name: 'Share', exact: true }));
	await mentee.keyboard.press('Enter');
	// Focus follows to the win's new state, and Withdraw is the next stop.
	const state = mentee.getByTestId('win-shared').locator('p').first();
	await expect(state).toContainText('Shared to the board');
	await expect(state).toBeFocused();
	await mentee.keyboard.press('Tab');
	await expect(mentee.getByRole('button', { name: /^Withdraw/ })).toBeFocused();

	await refreshBoardUntil(mentor, app, () =>
		expect(boardPost(mentor, 'Asked my first question')).toBeVisible({ timeout: 1_000 })
	);
	await mentor.goto(app.url('/board'));
	const inspiring = boardPost(mentor, 'Asked my first question').getByRole('button', {
		name: /^Inspiring/
	});
	await tabToElement(mentor, inspiring);
	await mentor.keyboard.press('Enter');
	await expect(inspiring).toHaveAttribute('aria-pressed', 'true');
	await expect(inspiring).toBeFocused();
	await mentor.keyboard.press('Space');
	await expect(inspiring).toHaveAttribute('aria-pressed', 'false');
	await mentor.keyboard.press('Space');
	await expect(inspiring).toHaveAttribute('aria-pressed', 'true');
	await refreshBoardUntil(mentee, app, () =>
		expect(boardPost(mentee, 'Asked my first question')).toContainText('Reactions: Inspiring 1', {
			timeout: 1_000
		})
	);
	await phone.context.close();
	await laptop.context.close();
});
