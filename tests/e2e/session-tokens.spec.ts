import { createHash, createHmac } from 'node:crypto';
import { signUpCoordinator } from './support/coordinator';
import { expect, test } from './support/fixtures';
import { queryServer } from './support/server-rows';

const sessionCookie = 'tandem.session_token';

/** A cookie value signed as better-auth signs one, with the secret the database holds. */
const signed = (value: string, secret: string) =>
	encodeURIComponent(`${value}.${createHmac('sha256', secret).update(value).digest('base64')}`);

test('a copy of the database holds no session anyone can sign in with', async ({
	app,
	page,
	browser
}) => {
	const { email } = await signUpCoordinator(page, app);
	const cookie = (await page.context().cookies()).find((c) => c.name === sessionCookie)!;
	const token = decodeURIComponent(cookie.value).split('.')[0]!;

	// What someone with a copy of the data directory would have.
	const [session] = await queryServer<{ token: string }>(
		app,
		`select s.token from auth_sessions s join auth_users u on u.id = s.user_id where u.email = '${email}'`
	);
	const [secret] = await queryServer<{ value: string }>(
		app,
		"select value from server_settings where key = 'auth-secret'"
	);
	expect(session!.token).not.toBe(token);
	expect(session!.token).toBe(createHash('sha256').update(token).digest('hex'));
	await app.start();

	const visitWith = async (value: string) => {
		const context = await browser.newContext();
		await context.addCookies([{ ...cookie, value }]);
		const visitor = await context.newPage();
		await visitor.goto(app.url('/coordinator'));
		const url = new URL(visitor.url()).pathname;
		await context.close();
		return url;
	};
	expect(await visitWith(signed(session!.token, secret!.value))).toBe('/coordinator/sign-in');
	// The real cookie still works, so the refusal above is the copy's, not the forging's.
	expect(await visitWith(cookie.value)).toBe('/coordinator');
	expect(await visitWith(signed(token, secret!.value))).toBe('/coordinator');
});
