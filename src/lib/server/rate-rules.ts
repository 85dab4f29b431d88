import { env } from '$env/dynamic/private';
import type { RateRule } from './rate-limit';

const minutes = (n: number) => n * 60_000;

/** RATE_LIMIT_SCALE raises every limit together, for load tests; never lower in production. */
function scaled(max: number, windowMs: number): RateRule {
	const scale = Math.max(1, Number(env.RATE_LIMIT_SCALE) || 1);
	return { max: max * scale, windowMs };
}

/**
 * How many wrong guesses are allowed before the guesser waits (README, "Guessing a code"):
 * enough for typos, far too few to find a code or a password.
 */
export const rateRules = {
	/** Wrong invitation or recovery codes from one address (an IPv4 address or an IPv6 /64). */
	wrongCode: () => scaled(10, minutes(10)),
	/** Wrong codes from every address together: the ceiling for a guesser with many addresses. */
	wrongCodeServerWide: () => scaled(2_000, minutes(60)),
	/** Failed sign-ins from one address. */
	signIn: () => scaled(10, minutes(15)),
	/** Failed sign-ins to one account from browsers that have not signed in to it before. */
	signInAccount: () => scaled(5, minutes(15)),
	/** Sign-ups from one address, successful or not: each makes an account. */
	signUp: () => scaled(5, minutes(60))
};
