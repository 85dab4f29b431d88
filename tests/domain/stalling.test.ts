import { describe, expect, it } from 'vitest';
import { isStalling, stallsFrom } from '$lib/domain/stalling';

const active = { status: 'active' as const, startsOn: '2026-05-01', lastMetOn: '2026-06-01' };

describe('a stalling pair', () => {
	it('is an active pair that has not met for more than the window', () => {
		expect(isStalling(active, 6, '2026-07-13')).toBe(false);
		expect(isStalling(active, 6, '2026-07-14')).toBe(true);
		expect(stallsFrom(active, 6)).toBe('2026-07-14');
	});

	it('counts from the start when the pair has never met', () => {
		const never = { ...active, lastMetOn: null };
		expect(isStalling(never, 2, '2026-05-15')).toBe(false);
		expect(isStalling(never, 2, '2026-05-16')).toBe(true);
	});

	it('is never a paused, ended or not yet started pair', () => {
		expect(isStalling({ ...active, status: 'paused' }, 6, '2027-01-01')).toBe(false);
		expect(isStalling({ ...active, status: 'ended' }, 6, '2027-01-01')).toBe(false);
		expect(
			isStalling({ ...active, startsOn: '2027-02-01', lastMetOn: null }, 6, '2027-01-01')
		).toBe(false);
	});
});
