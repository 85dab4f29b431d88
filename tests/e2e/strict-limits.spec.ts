import { AppServer } from './support/app-server';
import { expectNoViolations } from './support/axe';
import { boardPost, pinThought, refreshBoardUntil } from './support/board';
import { schemeWithPair, signUpCoordinator } from './support/coordinator';
import { expect, joinFromLink, test, welcome } from './support/fixtures';

// Its own server with the real rate limits (the shared one raises them for the other tests),
// and a limit on board posts low enough to reach.
const strict = new AppServer(Number(process.env.E2E_PORT_BASE || 4300) + 50, 'build', {
	env: { RATE_LIMIT_SCALE: '1', LIMIT_BOARD_POSTS_PER_DAY: '1' }
});
test.beforeAll(() => strict.start());
test.afterAll(() => strict.stop());

test('guessing a coordinator’s password is stopped per account, and never locks out their own browser', async ({
	page,
	browser
}) => {
	const account = await signUpCoordinator(page, strict);
	const guesser = await (await browser.newContext()).newPage();
	const signIn = async (on: typeof page, password: string) => {
		await on.goto(strict.url('/coordinator/sign-in'));
		await on.getByLabel('Email').fill(account.email);
		await on.getByLabel('Password').fill(password);
		await on.getByRole('button', { name: 'Sign in' }).click();
	};
	for (let i = 0; i < 5; i++) {
		await signIn(guesser, `wrong guess number ${i}`);
		await expect(guesser.getByRole('alert')).toContainText('do not match an account');
	}
	// Even the right password waits now, from a browser the account has not been used on.
	await signIn(guesser, account.password);
	await expect(guesser.getByRole('alert')).toContainText('from a browser it has not been used on');
	await expect(guesser).toHaveURL(strict.url('/coordinator/sign-in'));

	// The coordinator's own browser signs in as ever.
	await page.getByRole('button', { name: 'Sign out', exact: true }).click();
	await signIn(page, account.password);
	await expect(page).toHaveURL(strict.url('/coordinator'));
});

test('a post over the scheme’s daily limit waits on the device, saying why and until when', async ({
	page,
	browser
}) => {
	const { mentee } = await schemeWithPair(page, strict);
	const phone = await (await browser.newContext({ locale: 'en-GB' })).newPage();
	await welcome(phone, strict, { role: 'mentee', name: 'Megan Mentee', partner: 'Morgan Mentor' });
	await joinFromLink(phone, mentee.link);
	await pinThought(phone, strict, 'First thought of the day.', false);
	await pinThought(phone, strict, 'Second thought of the day.', false);
	const held = boardPost(phone, 'Second thought of the day.');
	await refreshBoardUntil(phone, strict, () =>
		expect(held).toContainText('You have posted to the board 1 times in the last day', {
			timeout: 1_000
		})
	);
	await expect(held).toContainText('It will be sent again after');
	await expect(boardPost(phone, 'First thought of the day.')).not.toContainText('in the last day');
	await expectNoViolations(phone, 'Board with a post at the limit');
});
