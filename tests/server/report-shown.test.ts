import { describe, expect, it } from 'vitest';
import { reportCsv } from '$lib/i18n/report-csv';
import { shownReport, type RawReport } from '$lib/server/report/shown-report';
import { narrativeInput, narrativeLimit } from '$lib/domain/report-inputs';
import { check } from '$lib/domain/validation';

/** A small scheme's raw figures, every breakdown exercised. */
function raw(overrides: Partial<RawReport> = {}): RawReport {
	return {
		audience: 'members',
		pairs: {
			formed: 23,
			active: 17,
			paused: 3,
			ended: 3,
			stalled: 2,
			reportingGoals: 21,
			goalsSet: 60,
			goalsAchieved: 22
		},
		activity: {
			sessions: 140,
			minutes: 8_130,
			pairsMet: 19,
			winsLogged: 88,
			winsShared: 4,
			months: [
				{ month: '2026-05', sessions: 30, minutes: 1_800, pairsMet: 15, wins: 20 },
				{ month: '2026-06', sessions: 4, minutes: 240, pairsMet: 3, wins: 2 }
			]
		},
		checkIns: {
			ratings: [
				{ role: 'mentee', checkpoint: 'baseline', question: 'confidence', answers: 12, mean: 2.5 },
				{ role: 'mentee', checkpoint: 'end', question: 'confidence', answers: 9, mean: 3.75 },
				{ role: 'mentor', checkpoint: 'baseline', question: 'confidence', answers: 4, mean: 4.5 }
			],
			paired: [
				{ role: 'mentee', question: 'confidence', later: 'end', answers: 8, meanChange: 1.125 },
				{ role: 'mentor', question: 'confidence', later: 'end', answers: 2, meanChange: -1 }
			],
			again: [
				{ role: 'mentee', checkpoint: 'end', answer: 'yes', answers: 7 },
				{ role: 'mentee', checkpoint: 'end', answer: 'maybe', answers: 1 },
				{ role: 'mentee', checkpoint: 'end', answer: 'no', answers: 6 }
			],
			answeredLater: [
				{ role: 'mentee', people: 14 },
				{ role: 'mentor', people: 3 }
			],
			outcomes: [
				{ role: 'mentee', outcome: 'promotion', people: 5 },
				{ role: 'mentee', outcome: 'new-role', people: 2 },
				{ role: 'mentor', outcome: 'opportunity', people: 2 }
			],
			comments: [{ role: 'mentee', checkpoint: 'end', text: '=SUM(A1) it helped, "a lot"' }]
		},
		participation: {
			byRole: { mentor: 4, mentee: 23 },
			levels: [],
			rolesHeld: [{ held: 'cabinet', people: 3 }],
			mentorsWithoutRoles: 1,
			genders: [
				{ role: 'mentee', gender: 'woman', people: 12 },
				{ role: 'mentee', gender: 'man', people: 8 },
				{ role: 'mentee', gender: 'agender', people: 1 },
				{ role: 'mentee', gender: null, people: 2 },
				{ role: 'mentor', gender: 'woman', people: 4 }
			]
		},
		...overrides
	};
}

describe('the report as shown', () => {
	const f = shownReport(raw());

	it('hides small groups, and one more wherever the total would give one away', () => {
		expect(f.pairs.formed).toEqual({
			total: 23,
			groups: [
				{ group: 'active', count: 17 },
				{ group: 'paused', count: null },
				{ group: 'ended', count: null }
			]
		});
		expect(f.pairs.stalled).toBeNull();
		// Four mentors would be given away by 27 people less 23 mentees: both are hidden.
		expect(f.participation.byRole).toEqual({
			total: 27,
			groups: [
				{ group: 'mentee', count: null },
				{ group: 'mentor', count: null }
			]
		});
		// So is everything broken down beneath a hidden count.
		expect(
			f.participation.genders.every((g) => g.genders.groups.every((x) => x.count === null))
		).toBe(true);
		expect(f.participation.rolesHeld).toBeNull();
		const again = f.again.find((a) => a.role === 'mentee' && a.checkpoint === 'end')!;
		expect(again.answers.groups.map((g) => g.count)).toEqual([7, null, null]);
		expect(f.trends.map((t) => t.pairsMet)).toEqual([15, null]);
		expect(f.outcomes.find((o) => o.role === 'mentor')!.groups.every((g) => g.count === null)).toBe(
			true
		);
		expect(f.outcomes.find((o) => o.role === 'mentee')!.groups.slice(0, 2)).toEqual([
			{ group: 'promotion', count: 5 },
			{ group: 'new-role', count: null }
		]);
	});

	it('shows a mean over five answers or more, and compares them both ways', () => {
		const confidence = f.changes.find(
			(c) => c.role === 'mentee' && c.question === 'confidence' && c.later === 'end'
		)!;
		expect(confidence).toMatchObject({
			baseline: { answers: 12, mean: 2.5 },
			after: { answers: 9, mean: 3.75 },
			differenceOfMeans: 1.25,
			paired: { answers: 8, mean: 1.13 }
		});
		const mentors = f.changes.find(
			(c) => c.role === 'mentor' && c.question === 'confidence' && c.later === 'end'
		)!;
		expect(mentors).toMatchObject({
			baseline: { answers: null, mean: null },
			differenceOfMeans: null,
			paired: { answers: null, mean: null }
		});
	});

	it('gathers rare self-descriptions so no one is named by their words', () => {
		const shown = shownReport(
			raw({
				participation: { ...raw().participation, byRole: { mentor: 9, mentee: 23 } }
			})
		);
		const mentees = shown.participation.genders.find((g) => g.role === 'mentee')!.genders;
		expect(mentees.groups.map((g) => g.group)).toEqual([
			'woman',
			'man',
			'non-binary',
			'another',
			'not-recorded'
		]);
		expect(mentees.groups.map((g) => g.count)).toEqual([12, 8, 0, null, null]);
	});

	it('writes the CSV with every hidden figure as "fewer than 5" and formulas defused', () => {
		const csv = reportCsv(
			{
				period: { kind: 'pilot', from: '2026-05-01', to: '2026-10-31' },
				asOf: '2026-10-31',
				figures: f
			},
			{ scheme: 'Member mentoring', organisation: 'Example Council', generatedOn: '2027-01-01' }
		);
		expect(csv.startsWith('\uFEFFSection,Measure,Group,Value\r\n')).toBe(true);
		const lines = csv.slice(1).trimEnd().split('\r\n');
		expect(lines).toContain('Pairs,Pairs formed,Total,23');
		expect(lines).toContain('Pairs,Pairs formed,Paused,fewer than 5');
		expect(lines).toContain('Pairs,Stalled,All,fewer than 5');
		expect(lines).toContain('Sessions and hours,Hours of sessions,All,135.5');
		expect(lines).toContain('Trends by month,Pairs that met each month,2026-06,fewer than 5');
		expect(lines).toContain(
			'Check-ins before and after,Confidence in the role: mean,"Mentees, Start",2.5'
		);
		expect(lines).toContain(
			`Shared comments,Comment,"A mentee, End","'=SUM(A1) it helped, ""a lot"""`
		);
		expect(lines).toContain('Participation,"People who joined, by role",Mentors,fewer than 5');
		expect(lines.filter((l) => l.startsWith('Participation,')).join('\n')).not.toMatch(/,[1-4]$/m);
	});
});

describe('the narrative form', () => {
	it('takes up to the limit, counting a line break once, and refuses more', () => {
		const at = 'x'.repeat(narrativeLimit - 2) + '\r\ny';
		expect(check(narrativeInput, { report: 'pilot', text: at })).toMatchObject({
			ok: true,
			value: { text: 'x'.repeat(narrativeLimit - 2) + '\ny' }
		});
		expect(
			check(narrativeInput, { report: 'review', text: 'x'.repeat(narrativeLimit + 1) })
		).toEqual({
			ok: false,
			problems: { text: 'too_long' }
		});
		expect(check(narrativeInput, { report: 'annual', text: '' })).toEqual({
			ok: false,
			problems: { report: 'invalid_choice' }
		});
	});
});
