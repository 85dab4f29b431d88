import { betterAuth } from 'better-auth';
import { drizzleAdapter } from 'better-auth/adapters/drizzle';
import { sveltekitCookies } from 'better-auth/svelte-kit';
import { getRequestEvent } from '$app/server';
import { env } from '$env/dynamic/private';
import { limits } from '$lib/domain/limits';
import { database } from './db';
import type { Database } from './db/open-database';
import { authAccounts, authSessions, authUsers, authVerifications } from './db/schema';
import { sharedSecret } from './shared-secret';

/**
 * Coordinator accounts: better-auth does the password hashing (scrypt) and the sessions
 * (HTTP-only cookies, stored in the database so every app server honours them). Its own HTTP
 * routes are not mounted: the coordinator pages call it from form actions, which keeps
 * SvelteKit's origin check and our shared rate limits in front of every attempt.
 */
function createAuth(db: Database, secret: string) {
	const origin = env.ORIGIN || undefined;
	return betterAuth({
		appName: 'Tandem',
		baseURL: origin,
		secret,
		database: drizzleAdapter(db, {
			provider: 'pg',
			schema: {
				user: authUsers,
				session: authSessions,
				account: authAccounts,
				verification: authVerifications
			}
		}),
		emailAndPassword: {
			enabled: true,
			minPasswordLength: limits.password.min,
			maxPasswordLength: limits.password.max,
			autoSignIn: true
		},
		session: { expiresIn: 60 * 60 * 24 * 7, updateAge: 60 * 60 * 24 },
		rateLimit: { enabled: false },
		telemetry: { enabled: false },
		advanced: {
			cookiePrefix: 'tandem',
			useSecureCookies: origin?.startsWith('https://') ?? false
		},
		plugins: [sveltekitCookies(getRequestEvent)]
	});
}

export type Auth = ReturnType<typeof createAuth>;

let auth: Promise<Auth> | undefined;

export function coordinatorAuth(): Promise<Auth> {
	auth ??= (async () => {
		const { db } = await database();
		return createAuth(db, env.AUTH_SECRET || (await sharedSecret(db, 'auth-secret')));
	})();
	return auth;
}
