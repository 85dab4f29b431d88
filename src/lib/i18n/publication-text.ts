import { toCalendarDate } from '$lib/domain/calendar-date';
import type { FieldProblem } from '$lib/domain/validation';
import { m } from '$lib/paraglide/messages.js';
import type { DraftProblem, PublicationStanding } from '$lib/domain/publication-draft';
import type { PublicationProblem } from '$lib/protocol/problems';
import { formatDate } from './format';
import { problemText } from './problem-text';
import { syncProblemText } from './sync-text';

/** A timestamp as the day it fell on, in the reader's language. */
export const dayOf = (iso: string) => formatDate(toCalendarDate(new Date(iso)));

/** Where a pen picture or needs stands with the scheme, one line each. */
export function publicationStateLines(p: PublicationStanding | undefined): string[] {
	if (!p) return [m.publish_state_none()];
	const lines = [];
	switch (p.state) {
		case 'draft':
			lines.push(m.publish_state_none());
			break;
		case 'to-publish':
			lines.push(m.publish_state_waiting());
			break;
		case 'published':
			lines.push(m.publish_state_published({ date: dayOf(p.publishedAt ?? p.editedAt) }));
			break;
		case 'to-withdraw':
			lines.push(m.publish_state_withdrawing());
			break;
	}
	if (p.unpublishedChanges && p.state !== 'to-withdraw') lines.push(m.publish_state_changes());
	return lines;
}

const fieldLabels: Record<string, () => string> = {
	text: m.publish_field_text,
	roles: m.publish_field_roles,
	level: m.publish_field_level,
	serviceArea: m.publish_field_service_area,
	group: m.publish_field_group,
	areas: m.publish_field_areas,
	yearsExperience: m.publish_field_years,
	capacity: m.publish_field_capacity,
	gender: m.publish_field_gender,
	formerMemberSince: m.publish_field_former_member,
	summary: m.publish_field_summary,
	preferences: m.publish_preferences,
	'preferences.gender': m.publish_field_gender_preference,
	'preferences.role': m.publish_field_role_preference,
	'preferences.experience': m.publish_field_experience_preference,
	avoid: m.publish_avoid,
	'avoid.lineManager': m.publish_field_line_manager
};

/** A field the scheme named ('penPicture.areas', 'needs.preferences.role.value'), as labelled. */
function fieldLabel(field: string): string {
	const [, name = '', detail = ''] = field.split('.');
	return (fieldLabels[`${name}.${detail}`] ?? fieldLabels[name])?.() ?? field;
}

export function publicationProblemText(problem: PublicationProblem): string {
	if (problem.kind !== 'refused') return syncProblemText(problem);
	if (problem.field === 'role') return m.publish_refused_role();
	const said = problem.problem.includes("scheme's list")
		? m.publish_refused_not_listed()
		: m.publish_refused_other({ problem: problem.problem });
	return m.publish_refused({ field: fieldLabel(problem.field), problem: said });
}

const listProblems: Record<Exclude<DraftProblem, FieldProblem>, () => string> = {
	none_chosen: m.publish_problem_none_chosen,
	too_many: m.publish_problem_too_many,
	twice: m.publish_problem_twice
};

export function draftProblemText(problem: DraftProblem | undefined): string | undefined {
	if (problem === undefined) return undefined;
	return problem in listProblems
		? listProblems[problem as keyof typeof listProblems]()
		: problemText(problem as FieldProblem);
}

/** A problem a single input's Field can show; the list problems belong to a fieldset. */
export function fieldProblem(problem: DraftProblem | undefined): FieldProblem | undefined {
	return problem === undefined || problem in listProblems ? undefined : (problem as FieldProblem);
}
