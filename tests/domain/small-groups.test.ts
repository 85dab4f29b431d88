import { describe, expect, it } from 'vitest';
import { smallestShownGroup, suppressSmallGroups } from '$lib/domain/small-groups';

describe('equality figures', () => {
	it('are never shown for groups under five', () => {
		expect(smallestShownGroup).toBe(5);
		expect(
			suppressSmallGroups([
				{ group: 'man', count: 4 },
				{ group: 'woman', count: 5 },
				{ group: 'non-binary', count: 1 },
				{ group: 'prefer to self-describe', count: 9 }
			])
		).toEqual([
			{ group: 'prefer to self-describe', count: 9 },
			{ group: 'woman', count: 5 },
			{ group: 'man', count: null },
			{ group: 'non-binary', count: null }
		]);
	});

	it('keep hidden groups in the order given, so the order says nothing of their size', () => {
		const hidden = suppressSmallGroups([
			{ group: 'b', count: 1 },
			{ group: 'a', count: 4 }
		]);
		expect(hidden).toEqual([
			{ group: 'b', count: null },
			{ group: 'a', count: null }
		]);
		expect(suppressSmallGroups([])).toEqual([]);
	});
});
