import { describe, expect, it } from 'vitest';
import { areaChoicesOf, areasFromChoices } from '$lib/domain/matching-area-choices';
import { builtInAreas } from '$lib/domain/matching/vocabulary';

describe('the settings form’s areas', () => {
	it('shows built-in areas as ticked boxes and the scheme’s own as lines', () => {
		expect(areaChoicesOf('leadership\nHousing\nlearning-the-ropes\n\n  Planning  ')).toEqual({
			builtIn: ['learning-the-ropes', 'leadership'],
			own: 'Housing\nPlanning'
		});
	});

	it('puts ticked areas first, in their usual order, then the scheme’s own', () => {
		expect(areasFromChoices(['leadership', 'new-role'], ' Housing \r\n\r\nPlanning\nHousing')).toBe(
			'new-role\nleadership\nHousing\nPlanning'
		);
	});

	it('counts an own area typed as a built-in id as that area, and ignores unknown ticks', () => {
		expect(areasFromChoices(['not-an-area'], 'leadership')).toBe('leadership');
	});

	it('round-trips', () => {
		for (const areas of [
			[...builtInAreas].join('\n'),
			'career-change\nHousing',
			'Social care',
			''
		]) {
			const { builtIn, own } = areaChoicesOf(areas);
			expect(areasFromChoices(builtIn, own)).toBe(areas);
		}
	});
});
