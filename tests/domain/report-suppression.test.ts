import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { suppressBreakdown, suppressCount, suppressMean } from '$lib/domain/small-groups';

describe('small-number suppression in the report', () => {
	it('hides a count of one to four, and shows none and five', () => {
		expect([0, 1, 4, 5, 12].map((n) => suppressCount(n))).toEqual([0, null, null, 5, 12]);
		expect(suppressMean(3.4, 4)).toBeNull();
		expect(suppressMean(3.4, 5)).toBe(3.4);
	});

	it('hides the next smallest group when only one would be hidden', () => {
		expect(suppressBreakdown([20, 3, 9])).toEqual([20, null, null]);
		expect(suppressBreakdown([20, 0, 3])).toEqual([20, null, null]);
		// Two hidden already: the total gives neither away.
		expect(suppressBreakdown([20, 3, 2])).toEqual([20, null, null]);
		expect(suppressBreakdown([6, 7])).toEqual([6, 7]);
		expect(suppressBreakdown([3])).toEqual([null]);
	});

	it('never lets a hidden group be worked out from the total and the others', () => {
		fc.assert(
			fc.property(fc.array(fc.nat(30), { minLength: 1, maxLength: 8 }), (counts) => {
				const shown = suppressBreakdown(counts);
				const hidden = shown.filter((c) => c === null).length;
				// Every group of one to four is hidden, nothing shown differs from the truth...
				counts.forEach((c, i) => {
					if (c > 0 && c < 5) expect(shown[i]).toBeNull();
					if (shown[i] !== null) expect(shown[i]).toBe(c);
				});
				// ...and never exactly one group is hidden when there are others.
				if (counts.length > 1) expect(hidden).not.toBe(1);
			})
		);
	});
});
