import { describe, expect, it } from 'vitest';
import { hasWinThisWeek, winsByWeek } from '$lib/domain/win';
import { win } from '../support/factories';

describe('wins by week', () => {
	it('groups wins into weeks, newest first', () => {
		const monday = win({ wonOn: '2026-11-23' });
		const sunday = win({ wonOn: '2026-11-29' });
		const lastWeek = win({ wonOn: '2026-11-20' });
		const weeks = winsByWeek([lastWeek, monday, sunday]);
		expect(weeks.map((w) => [w.week, w.startsOn, w.wins.length])).toEqual([
			['2026-W48', '2026-11-23', 2],
			['2026-W47', '2026-11-16', 1]
		]);
		expect(weeks[0]!.wins[0]).toBe(sunday);
	});

	it("knows whether this week's win is logged", () => {
		const today = new Date(2026, 10, 26);
		expect(hasWinThisWeek([win({ wonOn: '2026-11-20' })], today)).toBe(false);
		expect(hasWinThisWeek([win({ wonOn: '2026-11-23' })], today)).toBe(true);
		expect(hasWinThisWeek([win({ wonOn: '2026-11-23', deleted: 1 })], today)).toBe(false);
	});
});
