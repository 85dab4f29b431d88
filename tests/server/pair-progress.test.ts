import { describe, expect, it } from 'vitest';
import { mergeReports, reportUntil, type MemberReport } from '$lib/server/pair-progress';

const report = (overrides: Partial<MemberReport> = {}): MemberReport => ({
	sessionsHeld: [],
	winsByWeek: [],
	sessionsScheduled: 0,
	goalsSet: 0,
	goalsAchieved: 0,
	agreementOn: null,
	lastActivityOn: null,
	...overrides
});

describe('merging the two members’ reports', () => {
	it('is all zeros with no reports', () => {
		expect(mergeReports([])).toMatchObject({ sessionsHeld: 0, minutesHeld: 0, lastMetOn: null });
	});

	it('counts a session both logged on one day once, at the longer length', () => {
		const merged = mergeReports([
			report({ sessionsHeld: [{ on: '2026-06-01', minutes: 45 }] }),
			report({
				sessionsHeld: [
					{ on: '2026-06-01', minutes: 60 },
					{ on: '2026-05-18', minutes: 30 }
				]
			})
		]);
		expect(merged).toMatchObject({ sessionsHeld: 2, minutesHeld: 90, lastMetOn: '2026-06-01' });
	});

	it('takes the larger count and the later date of each', () => {
		const merged = mergeReports([
			report({
				goalsSet: 4,
				goalsAchieved: 1,
				agreementOn: '2026-05-02',
				lastActivityOn: '2026-06-03'
			}),
			report({
				goalsSet: 2,
				goalsAchieved: 2,
				winsByWeek: [
					{ week: '2026-W20', wins: 1 },
					{ week: '2026-W21', wins: 2 }
				],
				lastActivityOn: '2026-06-09'
			})
		]);
		expect(merged).toMatchObject({
			goalsSet: 4,
			goalsAchieved: 2,
			winsLogged: 3,
			agreementOn: '2026-05-02',
			lastActivityOn: '2026-06-09'
		});
	});
});

describe('a report as far as the pair’s last day', () => {
	const sent = report({
		sessionsHeld: [
			{ on: '2026-08-15', minutes: 30 },
			{ on: '2026-08-16', minutes: 45 }
		],
		// W33 (10 to 16 August) holds the last day; W34 begins after it.
		winsByWeek: [
			{ week: '2026-W33', wins: 2 },
			{ week: '2026-W34', wins: 1 }
		],
		goalsSet: 3,
		lastActivityOn: '2026-08-20'
	});

	it('keeps the last day and the week holding it, and nothing after', () => {
		expect(reportUntil(sent, '2026-08-15')).toEqual({
			...sent,
			sessionsHeld: [{ on: '2026-08-15', minutes: 30 }],
			winsByWeek: [{ week: '2026-W33', wins: 2 }],
			lastActivityOn: '2026-08-15'
		});
	});

	it('keeps everything of a pair still running', () => {
		expect(reportUntil(sent, null)).toBe(sent);
	});
});
