import { describe, expect, it } from 'vitest';
import { retryDelayMs } from '$lib/sync/backoff';

describe('retry back-off', () => {
	it('doubles from 30 seconds to at most 30 minutes', () => {
		const middle = () => 0.5;
		expect([1, 2, 3, 10, 50].map((n) => retryDelayMs(n, middle))).toEqual([
			30_000, 60_000, 120_000, 1_800_000, 1_800_000
		]);
	});

	it('spreads retries by a quarter either way', () => {
		expect(retryDelayMs(1, () => 0)).toBe(22_500);
		expect(retryDelayMs(1, () => 0.999_999)).toBeCloseTo(37_500, -1);
	});
});
