import { describe, expect, it } from 'vitest';
import { winsByWeek } from '$lib/domain/win';
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
});
