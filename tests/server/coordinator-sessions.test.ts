import { createHmac, randomBytes } from 'node:crypto';
import { betterAuth } from 'better-auth';
import { drizzleAdapter } from 'better-auth/adapters/drizzle';
import { eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { authOptions } from '$lib/server/auth-options';
import type { Database, OpenDatabase } from '$lib/server/db/open-database';
import { authAccounts, authSessions, authUsers, authVerifications } from '$lib/server/db/schema';
import { hashSessionToken } from '$lib/server/hashed-session-tokens';
import { sharedSecret } from '$lib/server/shared-secret';
import { dbTimeout, serverDatabaseBackends, useFreshDatabase } from '../support/server-databases';

const sessionCookie = 'tandem.session_token';
const cacheCookie = 'tandem.session_data';
const origin = 'http://localhost:3100';

/** What better-call does to sign a cookie: the value, a dot, its HMAC under the secret. */
const signed = (value: string, secret: string) =>
	encodeURIComponent(`${value}.${createHmac('sha256', secret).update(value).digest('base64')}`);

function cookiesFrom(headers: Headers): Map<string, string> {
	const jar = new Map<string, string>();
	for (const line of headers.getSetCookie()) {
		const [pair] = line.split(';');
		const at = pair!.indexOf('=');
		jar.set(pair!.slice(0, at), pair!.slice(at + 1));
	}
	return jar;
}

const cookieHeader = (cookies: Record<string, string>) =>
	new Headers({
		cookie: Object.entries(cookies)
			.map(([name, value]) => `${name}=${value}`)
			.join('; ')
	});

/** The raw token a session cookie carries, before its signature. */
const rawToken = (cookie: string) => decodeURIComponent(cookie).split('.')[0]!;

for (const backend of serverDatabaseBackends) {
	describe(`coordinator sessions on ${backend.name}`, () => {
		let open: OpenDatabase;
		useFreshDatabase(backend, (o) => (open = o));

		const withAuth = async () => {
			const secret = await sharedSecret(open.db, 'auth-secret');
			return { secret, auth: betterAuth(authOptions(open.db, secret, origin)) };
		};

		async function signUp(auth: Awaited<ReturnType<typeof withAuth>>['auth']) {
			const email = `c-${randomBytes(4).toString('hex')}@council.example`;
			const { headers, response } = await auth.api.signUpEmail({
				body: { name: 'Ceri', email, password: 'correct horse battery staple' },
				returnHeaders: true
			});
			const cookie = cookiesFrom(headers).get(sessionCookie)!;
			return { email, userId: response.user.id, cookie, token: rawToken(cookie) };
		}

		const storedTokens = (db: Database, userId: string) =>
			db
				.select({ token: authSessions.token })
				.from(authSessions)
				.where(eq(authSessions.userId, userId))
				.then((rows) => rows.map((r) => r.token));

		it(
			'keeps only the SHA-256 of each session token, while the cookie carries the token itself',
			async () => {
				const { auth } = await withAuth();
				const { userId, cookie, token } = await signUp(auth);
				expect(token).toHaveLength(32);
				expect(await storedTokens(open.db, userId)).toEqual([hashSessionToken(token)]);
				const session = await auth.api.getSession({
					headers: cookieHeader({ [sessionCookie]: cookie })
				});
				expect(session?.user.id).toBe(userId);
			},
			dbTimeout
		);

		it(
			'gives a copy of the database nothing to sign in with, even with the secret it holds',
			async () => {
				const { auth, secret } = await withAuth();
				const { userId, token } = await signUp(auth);
				const [stored] = await storedTokens(open.db, userId);
				const fromCopy = await auth.api.getSession({
					headers: cookieHeader({ [sessionCookie]: signed(stored!, secret) })
				});
				expect(fromCopy).toBeNull();
				// The forging itself is right: signing the real token the same way is accepted.
				const withRealToken = await auth.api.getSession({
					headers: cookieHeader({ [sessionCookie]: signed(token, secret) })
				});
				expect(withRealToken?.user.id).toBe(userId);
			},
			dbTimeout
		);

		it(
			'ignores a session cache cookie forged with the secret, which would sign in if the cache were on',
			async () => {
				const { auth, secret } = await withAuth();
				const { userId, email } = await signUp(auth);
				// The attacker's own better-auth, on their copy of the victim's user, with the cache on
				// and a session of their making.
				const copy = await backend.open(await backend.createMigrated());
				try {
					const [user] = await open.db.select().from(authUsers).where(eq(authUsers.id, userId));
					await copy.db.insert(authUsers).values(user!);
					const theirToken = randomBytes(24).toString('base64url');
					await copy.db.insert(authSessions).values({
						id: randomBytes(12).toString('hex'),
						token: theirToken,
						userId,
						expiresAt: new Date(Date.now() + 86_400_000),
						createdAt: new Date(),
						updatedAt: new Date()
					});
					const cached = { ...authOptions(copy.db, secret, origin) };
					const attacker = betterAuth({
						...cached,
						database: drizzleAdapter(copy.db, {
							provider: 'pg',
							schema: {
								user: authUsers,
								session: authSessions,
								account: authAccounts,
								verification: authVerifications
							}
						}),
						session: { ...cached.session, cookieCache: { enabled: true, maxAge: 3600 } }
					});
					const forgedToken = signed(theirToken, secret);
					const { headers } = await attacker.api.getSession({
						headers: cookieHeader({ [sessionCookie]: forgedToken }),
						returnHeaders: true
					});
					const forged = {
						[sessionCookie]: forgedToken,
						[cacheCookie]: cookiesFrom(headers).get(cacheCookie)!
					};
					expect(forged[cacheCookie]).toBeTruthy();
					expect(await auth.api.getSession({ headers: cookieHeader(forged) })).toBeNull();
					const careless = betterAuth({
						...authOptions(open.db, secret, origin),
						session: { cookieCache: { enabled: true, maxAge: 3600 } }
					});
					const fooled = await careless.api.getSession({ headers: cookieHeader(forged) });
					expect(fooled?.user.email).toBe(email);
				} finally {
					await copy.close();
				}
			},
			dbTimeout * 2
		);

		it(
			'refreshes, signs out and revokes through the hashed token',
			async () => {
				const { auth } = await withAuth();
				const { userId, cookie, token } = await signUp(auth);
				const headers = cookieHeader({ [sessionCookie]: cookie });
				// A day-old session is extended, and its cookie still carries the same token.
				const inSixDays = new Date(Date.now() + 6 * 86_400_000 - 60_000);
				await open.db
					.update(authSessions)
					.set({ expiresAt: inSixDays })
					.where(eq(authSessions.userId, userId));
				const refreshed = await auth.api.getSession({ headers, returnHeaders: true });
				expect(refreshed.response?.user.id).toBe(userId);
				expect(rawToken(cookiesFrom(refreshed.headers).get(sessionCookie)!)).toBe(token);
				const [row] = await open.db
					.select()
					.from(authSessions)
					.where(eq(authSessions.userId, userId));
				expect(row!.expiresAt.getTime()).toBeGreaterThan(inSixDays.getTime());
				expect(row!.token).toBe(hashSessionToken(token));

				await auth.api.signOut({ headers });
				expect(await storedTokens(open.db, userId)).toEqual([]);

				const signedIn = async () => {
					const { headers: h } = await auth.api.signInEmail({
						body: {
							email: (await userEmail(open.db, userId))!,
							password: 'correct horse battery staple'
						},
						returnHeaders: true
					});
					return cookieHeader({ [sessionCookie]: cookiesFrom(h).get(sessionCookie)! });
				};
				const [laptop, phone] = [await signedIn(), await signedIn()];
				expect(await storedTokens(open.db, userId)).toHaveLength(2);
				await auth.api.revokeSessions({ headers: laptop });
				expect(await storedTokens(open.db, userId)).toEqual([]);
				expect(await auth.api.getSession({ headers: phone })).toBeNull();
			},
			dbTimeout
		);

		it(
			'deletes an expired session when it is presented',
			async () => {
				const { auth } = await withAuth();
				const { userId, cookie } = await signUp(auth);
				await open.db
					.update(authSessions)
					.set({ expiresAt: new Date(Date.now() - 1000) })
					.where(eq(authSessions.userId, userId));
				const headers = cookieHeader({ [sessionCookie]: cookie });
				expect(await auth.api.getSession({ headers })).toBeNull();
				expect(await storedTokens(open.db, userId)).toEqual([]);
			},
			dbTimeout
		);

		it(
			'no longer honours a session stored in the clear by an earlier release',
			async () => {
				const { auth, secret } = await withAuth();
				const { userId } = await signUp(auth);
				const oldToken = randomBytes(24).toString('base64url');
				await open.db.insert(authSessions).values({
					id: randomBytes(12).toString('hex'),
					token: oldToken,
					userId,
					expiresAt: new Date(Date.now() + 86_400_000),
					createdAt: new Date(),
					updatedAt: new Date()
				});
				const headers = cookieHeader({ [sessionCookie]: signed(oldToken, secret) });
				expect(await auth.api.getSession({ headers })).toBeNull();
			},
			dbTimeout
		);
	});
}

async function userEmail(db: Database, userId: string): Promise<string | undefined> {
	const [user] = await db.select().from(authUsers).where(eq(authUsers.id, userId));
	return user?.email;
}
