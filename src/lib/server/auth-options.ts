import type { BetterAuthOptions } from 'better-auth';
import { drizzleAdapter } from 'better-auth/adapters/drizzle';
import { limits } from '$lib/domain/limits';
import type { Database } from './db/open-database';
import { authAccounts, authSessions, authUsers, authVerifications } from './db/schema';
import { describeError } from './error-log';
import { hashedSessionTokens } from './hashed-session-tokens';

/** better-auth's log lines, without what they may carry: an email in a message, a query's values. */
function logAuthEvent(level: string, message: string, ...args: unknown[]): void {
	const line = [
		`better-auth ${level}: ${message.split('\n')[0]!.replace(/\S+@\S+/g, '[email]')}`,
		...args.filter((arg) => arg instanceof Error).map(describeError)
	].join('\n');
	if (level === 'error') console.error(line);
	else console.warn(line);
}

/**
 * Everything about coordinator accounts but the SvelteKit cookie plugin (auth.ts adds it), so
 * tests can run better-auth exactly as the server does.
 */
export function authOptions(db: Database, secret: string, origin: string | undefined) {
	return {
		appName: 'Tandem',
		baseURL: origin,
		secret,
		database: hashedSessionTokens(
			drizzleAdapter(db, {
				provider: 'pg',
				schema: {
					user: authUsers,
					session: authSessions,
					account: authAccounts,
					verification: authVerifications
				}
			})
		),
		emailAndPassword: {
			enabled: true,
			minPasswordLength: limits.password.min,
			maxPasswordLength: limits.password.max,
			autoSignIn: true
		},
		session: {
			expiresIn: 60 * 60 * 24 * 7,
			updateAge: 60 * 60 * 24,
			// A cached session is a cookie signed with the secret, which lives in the database:
			// with the cache, a copy of the database could forge a session without any token.
			cookieCache: { enabled: false }
		},
		rateLimit: { enabled: false },
		telemetry: { enabled: false },
		logger: { level: 'warn', log: logAuthEvent },
		advanced: {
			cookiePrefix: 'tandem',
			useSecureCookies: origin?.startsWith('https://') ?? false
		}
	} satisfies BetterAuthOptions;
}
