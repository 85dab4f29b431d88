import { createHash, createHmac } from 'node:crypto';
import type { RequestEvent } from '@sveltejs/kit';
import { env } from '$env/dynamic/private';
import { addressBucket } from './client-address';
import { database } from './db';
import { hitRateLimit, rateLimitReached, type RateRule } from './rate-limit';
import { rateRules } from './rate-rules';
import { sameFingerprint } from './secrets';
import { sharedSecret } from './shared-secret';

/**
 * Sign-in is slowed per address and per account, counting failures only. The per-account
 * limit is what stops a guesser with many addresses, but it must not let anyone lock a real
 * coordinator out: a browser that has signed in to the account before carries a signed
 * "known browser" cookie and is exempt from it (OWASP's device cookies). Accounts are counted
 * by a hash of the address, so the counters hold no email address.
 */
const cookie = 'tandem-known-browser';
const yearSeconds = 365 * 24 * 3600;

const accountKey = (email: string) =>
	createHash('sha256').update(email.trim().toLowerCase()).digest('hex');

async function browserTag(email: string): Promise<string> {
	const { db } = await database();
	const secret = await sharedSecret(db, 'known-browser-secret');
	return createHmac('sha256', secret).update(accountKey(email)).digest('hex');
}

async function knownBrowser(event: RequestEvent, email: string): Promise<boolean> {
	const held = event.cookies.get(cookie);
	return !!held && /^[0-9a-f]{64}$/.test(held) && sameFingerprint(held, await browserTag(email));
}

type Counter = { by: 'address' | 'account'; key: string; rule: RateRule };

async function counters(event: RequestEvent, email: string): Promise<Counter[]> {
	const list: Counter[] = [
		{ by: 'address', key: `sign-in:${addressBucket(event)}`, rule: rateRules.signIn() }
	];
	if (!(await knownBrowser(event, email)))
		list.push({
			by: 'account',
			key: `sign-in-account:${accountKey(email)}`,
			rule: rateRules.signInAccount()
		});
	return list;
}

/** How long this browser must wait before trying this account again, and why; if at all. */
export async function signInWait(
	event: RequestEvent,
	email: string
): Promise<{ by: Counter['by']; minutes: number } | undefined> {
	const { db } = await database();
	for (const { by, key, rule } of await counters(event, email)) {
		const verdict = await rateLimitReached(db, key, rule);
		if (!verdict.allowed) return { by, minutes: Math.ceil(verdict.retryAfterSeconds / 60) };
	}
	return undefined;
}

export async function signInFailed(event: RequestEvent, email: string): Promise<void> {
	const { db } = await database();
	for (const { key, rule } of await counters(event, email)) await hitRateLimit(db, key, rule);
}

/** Remembers this browser for the account, so guessers elsewhere can never lock it out. */
export async function signInSucceeded(event: RequestEvent, email: string): Promise<void> {
	event.cookies.set(cookie, await browserTag(email), {
		path: '/coordinator',
		httpOnly: true,
		sameSite: 'strict',
		secure: (env.ORIGIN ?? '').startsWith('https://'),
		maxAge: yearSeconds
	});
}
