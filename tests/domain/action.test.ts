import { describe, expect, it } from 'vitest';
import { dueness, openActions } from '$lib/domain/action';
import { action } from '../support/factories';

const today = new Date(2026, 10, 23, 9, 0);

describe('what is due', () => {
	it('grades actions by their due date', () => {
		expect(dueness(action({ dueOn: '2026-11-22' }), today)).toBe('overdue');
		expect(dueness(action({ dueOn: '2026-11-23' }), today)).toBe('today');
		expect(dueness(action({ dueOn: '2026-11-30' }), today)).toBe('soon');
		expect(dueness(action({ dueOn: '2026-12-01' }), today)).toBe('later');
		expect(dueness(action({ dueOn: null }), today)).toBe('undated');
	});

	it('lists open actions most pressing first, without done or deleted ones', () => {
		const late = action({ dueOn: '2026-11-01' });
		const soon = action({ dueOn: '2026-11-25' });
		const undated = action();
		const done = action({ doneOn: '2026-11-20' });
		const deleted = action({ deleted: 1 });
		expect(openActions([undated, soon, done, late, deleted])).toEqual([late, soon, undated]);
	});
});
