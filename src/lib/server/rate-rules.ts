import { env } from '$env/dynamic/private';
import type { RateRule } from './rate-limit';

const minutes = (n: number) => n * 60_000;

/** RATE_LIMIT_SCALE raises every limit together, for load tests; never lower in production. */
function scaled(max: number, windowMs: number): RateRule {
	const scale = Math.max(1, Number(env.RATE_LIMIT_SCALE) || 1);
	return { max: max * scale, windowMs };
}

/** Per client address: enough for a typo or three, far too few to guess a code or password. */
export const rateRules = {
	join: () => scaled(10, minutes(10)),
	signIn: () => scaled(10, minutes(15)),
	signUp: () => scaled(5, minutes(60))
};
