import type { ReportKind } from '$lib/domain/report-period';
import { smallestShownGroup } from '$lib/domain/small-groups';
import type { Role } from '$lib/domain/profile';
import type { GenderGroup, HeldGroup, LevelGroup, Shown } from '$lib/protocol/coordinator/report';
import { m } from '$lib/paraglide/messages.js';
import { getLocale } from '$lib/paraglide/runtime.js';
import { roleOrLevelText } from './matching-vocabulary-text';

/** The words of the evaluation report, on its page and in its CSV. */

export function reportKindText(kind: ReportKind): string {
	return kind === 'pilot' ? m.coord_report_kind_pilot() : m.coord_report_kind_review();
}

const locale = () => (getLocale() === 'cy' ? 'cy' : 'en-GB');

/** A count as the report shows it: the number, or "fewer than 5" where it is hidden. */
export function shownText(count: Shown): string {
	return count === null
		? m.coord_match_fewer_than({ count: smallestShownGroup })
		: new Intl.NumberFormat(locale()).format(count);
}

/** A mean rating or change, to two places; "not shown" when hidden, "no answers" when none. */
export function meanText(mean: number | null, answers: Shown, signed = false): string {
	if (answers === 0) return m.coord_report_no_answers();
	if (mean === null) return m.coord_report_hidden_mean();
	return new Intl.NumberFormat(locale(), {
		minimumFractionDigits: 2,
		maximumFractionDigits: 2,
		signDisplay: signed ? 'exceptZero' : 'auto'
	}).format(mean);
}

export function hoursText(minutes: number): string {
	return new Intl.NumberFormat(locale(), { maximumFractionDigits: 1 }).format(minutes / 60);
}

/** "May 2026", from YYYY-MM. */
export function monthText(month: string): string {
	const [year, monthIndex] = month.split('-').map(Number) as [number, number];
	return new Intl.DateTimeFormat(locale(), { month: 'short', year: 'numeric' }).format(
		new Date(year, monthIndex - 1, 1)
	);
}

export function rolesText(role: Role): string {
	return role === 'mentee' ? m.coord_report_mentees() : m.coord_report_mentors();
}

export function aRoleText(role: Role): string {
	return role === 'mentee' ? m.coord_report_a_mentee() : m.coord_report_a_mentor();
}

export function againQuestionText(role: Role): string {
	return role === 'mentee' ? m.coord_report_again_mentee() : m.coord_report_again_mentor();
}

export function levelText(level: LevelGroup): string {
	return level === 'not-recorded' ? m.coord_report_not_recorded() : roleOrLevelText(level);
}

export function heldText(held: HeldGroup): string {
	return held === 'none-recorded' ? m.coord_report_none_recorded() : roleOrLevelText(held);
}

/** The suggested words in the reader's language; a description five or more share, as written. */
export function genderText(gender: GenderGroup): string {
	switch (gender) {
		case 'woman':
			return m.coord_report_gender_woman();
		case 'man':
			return m.coord_report_gender_man();
		case 'non-binary':
			return m.coord_report_gender_non_binary();
		case 'another':
			return m.coord_report_gender_another();
		case 'not-recorded':
			return m.coord_report_not_recorded();
		default:
			return gender;
	}
}
