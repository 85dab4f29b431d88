/**
 * When to try again after the n-th failure: 30 s doubling to at most 30 min, with jitter so a
 * council's worth of phones coming back online do not all knock at once.
 */
export function retryDelayMs(failures: number, random = Math.random): number {
	const base = Math.min(30_000 * 2 ** Math.max(0, failures - 1), 30 * 60_000);
	return Math.round(base * (0.75 + random() * 0.5));
}
