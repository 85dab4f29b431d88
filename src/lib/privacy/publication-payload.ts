import type {
	DraftCheck,
	DraftProblem,
	DraftProblems,
	NeedsDraft,
	PenPictureDraft
} from '$lib/domain/publication-draft';
import * as v from 'valibot';
import { councillorRoles, officerLevels } from '$lib/domain/matching/vocabulary';

import {
	needsSchema,
	penPictureSchema,
	type Needs,
	type PenPicture,
	type SchemeMatchingInfo
} from '$lib/protocol/publication-protocol';

const orNull = (text: string) => (text.trim() === '' ? null : text);
const listed = (chosen: string[], list: readonly string[]) =>
	chosen.filter((c) => list.includes(c));

/**
 * Turns a draft into exactly what the scheme would receive: the one object the preview shows
 * and Publish sends. Only the fields the scheme's audience uses are kept, areas the scheme no
 * longer lists are dropped, and the result is checked against the shared schema.
 */
export function penPicturePayload(
	draft: PenPictureDraft,
	matching: SchemeMatchingInfo
): DraftCheck<PenPicture> {
	const members = matching.audience === 'members';
	const payload = {
		text: draft.text,
		roles: members ? listed(draft.roles, councillorRoles) : [],
		level: members ? null : orNull(draft.level),
		serviceArea: members ? null : orNull(draft.serviceArea),
		group: members ? orNull(draft.group) : null,
		areas: listed(draft.areas, matching.areas),
		// An emptied number input binds to undefined.
		yearsExperience: draft.yearsExperience ?? null,
		capacity: draft.capacity ?? null,
		gender: orNull(draft.gender),
		formerMemberSince: members ? orNull(draft.formerMemberSince) : null
	};
	return checked(penPictureSchema, payload, officerFields(payload, matching), penPicturePath);
}

/** The same for a mentee's needs; problems are named by the draft's fields. */
export function needsPayload(draft: NeedsDraft, matching: SchemeMatchingInfo): DraftCheck<Needs> {
	const members = matching.audience === 'members';
	const roles: readonly string[] = members ? councillorRoles : officerLevels;
	const preference = <T>(value: T | null | undefined, strength: NeedsDraft['role']['strength']) =>
		value === null || value === undefined ? null : { value, strength };
	// Empty inputs are left out; a problem is shown at the input it came from.
	const avoided = draft.avoidPeople.flatMap((name, input) =>
		name.trim() === '' ? [] : [{ name, input }]
	);
	const payload = {
		summary: draft.summary,
		areas: listed(draft.areas, matching.areas),
		level: members ? null : orNull(draft.level),
		serviceArea: members ? null : orNull(draft.serviceArea),
		group: members ? orNull(draft.group) : null,
		preferences: {
			gender: matching.genderPreferences
				? preference(orNull(draft.gender.value), draft.gender.strength)
				: null,
			role: preference(
				roles.includes(draft.role.value) ? draft.role.value : null,
				draft.role.strength
			),
			experience: preference(draft.experience.value, draft.experience.strength)
		},
		avoid: {
			lineManager: orNull(draft.lineManager),
			people: avoided.map((a) => a.name),
			ownGroup: members && matching.ownGroupExclusion && draft.ownGroup
		},
		gender: orNull(draft.ownGender ?? '')
	};
	return checked(needsSchema, payload, officerFields(payload, matching), (path) => {
		const [head, field, index] = path.split('.');
		if (head === 'preferences') return field ?? head;
		if (head === 'avoid' && field === 'people') {
			const input = index === undefined ? undefined : avoided[Number(index)]?.input;
			return input === undefined ? 'avoidPeople' : `avoidPeople.${input}`;
		}
		if (head === 'avoid') return field ?? head;
		if (head === 'gender') return 'ownGender';
		return head ?? path;
	});
}

/** Officers' schemes match on level and service area, so both must be given where listed. */
function officerFields(
	p: { level: string | null; serviceArea: string | null },
	matching: SchemeMatchingInfo
): DraftProblems {
	if (matching.audience !== 'officers') return {};
	const problems: DraftProblems = {};
	if (p.level === null) problems.level = 'required';
	if (p.serviceArea === null && matching.serviceAreas.length > 0) problems.serviceArea = 'required';
	return problems;
}

function checked<S extends v.GenericSchema>(
	schema: S,
	payload: unknown,
	extra: DraftProblems,
	fieldOf: (path: string) => string
): DraftCheck<v.InferOutput<S>> {
	const result = v.safeParse(schema, payload);
	if (result.success && Object.keys(extra).length === 0) {
		return { ok: true, value: result.output };
	}
	const problems: DraftProblems = { ...extra };
	for (const issue of result.issues ?? []) {
		problems[fieldOf(v.getDotPath(issue) ?? '')] ??= problemOf(issue);
	}
	return { ok: false, problems };
}

const penPicturePath = (path: string) => path.split('.')[0] ?? path;

function problemOf(issue: v.BaseIssue<unknown>): DraftProblem {
	const list = Array.isArray(issue.input);
	switch (issue.type) {
		case 'non_empty':
			return 'required';
		case 'min_length':
			return list ? 'none_chosen' : 'required';
		case 'max_length':
			return list ? 'too_many' : 'too_long';
		case 'check':
			return list ? 'twice' : 'invalid_date';
		case 'number':
			return issue.input === null || issue.input === undefined ? 'required' : 'out_of_range';
		case 'integer':
		case 'min_value':
		case 'max_value':
			return 'out_of_range';
		default:
			return 'invalid_choice';
	}
}
