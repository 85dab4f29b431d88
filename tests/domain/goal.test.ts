import { describe, expect, it } from 'vitest';
import { compareGoals, goalProgress } from '$lib/domain/goal';
import { goal } from '../support/factories';

describe('goal progress', () => {
	it('uses the manual figure while there are no milestones', () => {
		expect(goalProgress(goal({ manualProgress: 40 }))).toBe(40);
	});

	it('counts ticked milestones once there are some', () => {
		const milestones = [
			{ id: 'a', text: 'Observe a meeting', doneOn: '2026-11-01' },
			{ id: 'b', text: 'Chair a working group', doneOn: null },
			{ id: 'c', text: 'Chair the committee', doneOn: null }
		];
		expect(goalProgress(goal({ manualProgress: 90, milestones }))).toBe(33);
	});

	it('is complete when achieved, whatever the milestones say', () => {
		expect(goalProgress(goal({ status: 'achieved', manualProgress: 10 }))).toBe(100);
	});
});

describe('goal order', () => {
	it('puts goals in progress first, nearest target first', () => {
		const later = goal({ targetDate: '2027-06-01' });
		const sooner = goal({ targetDate: '2027-01-01' });
		const undated = goal();
		const achieved = goal({ status: 'achieved', targetDate: '2026-12-01' });
		expect([achieved, undated, later, sooner].sort(compareGoals)).toEqual([
			sooner,
			later,
			undated,
			achieved
		]);
	});
});
