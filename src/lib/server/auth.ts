import { betterAuth } from 'better-auth';
import { sveltekitCookies } from 'better-auth/svelte-kit';
import { getRequestEvent } from '$app/server';
import { env } from '$env/dynamic/private';
import { authOptions } from './auth-options';
import { database } from './db';
import type { Database } from './db/open-database';
import { sharedSecret } from './shared-secret';

/**
 * Coordinator accounts: better-auth does the password hashing (scrypt) and the sessions
 * (HTTP-only cookies, stored hashed in the database so every app server honours them). Its own
 * HTTP routes are not mounted: the coordinator pages call it from form actions, which keeps
 * SvelteKit's origin check and our shared rate limits in front of every attempt.
 */
function createAuth(db: Database, secret: string) {
	return betterAuth({
		...authOptions(db, secret, env.ORIGIN || undefined),
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
