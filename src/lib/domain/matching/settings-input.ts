import * as v from 'valibot';
import { choice, storable, wholeNumber } from '../validation';
import type { MatchingSettings } from './types';
import { audiences, builtInAreas, groupRules } from './vocabulary';

/** A scheme's matching rules plus the lists its people choose from when they publish. */
export interface SchemeMatchingSettings extends MatchingSettings {
	/** Built-in area ids and/or the scheme's own labels. */
	areas: string[];
	/** Officer schemes. */
	serviceAreas: string[];
	/** Member schemes: political groups. */
	groups: string[];
	/** Days each person has to answer a proposal. */
	consentDays: number;
}

export const matchingSettingsLimits = {
	/** As long as an area, service area or group a publication may name (publicationLimits). */
	listEntry: 80,
	listEntries: 40,
	weight: { min: 0, max: 10 },
	formerMemberMonths: { min: 0, max: 60 },
	minimumFit: { min: 0, max: 100 },
	consentDays: { min: 1, max: 60 }
} as const;

/** What a scheme starts with: the seed framework's areas, weights and rules. */
export function defaultMatchingSettings(): SchemeMatchingSettings {
	return {
		audience: 'members',
		areas: [...builtInAreas],
		serviceAreas: [],
		groups: [],
		weights: { areas: 5, gender: 2, role: 3, experience: 2, group: 2 },
		genderPreferences: false,
		separateServiceAreas: true,
		groupRule: 'none',
		ownGroupExclusion: true,
		requireTraining: true,
		formerMemberMonths: 12,
		minimumFit: 20,
		consentDays: 14
	};
}

const linesOf = (text: string) => [
	...new Set(
		text
			.split(/\r?\n/)
			.map((line) => line.trim().replace(/\s+/g, ' '))
			.filter((line) => line !== '')
	)
];

/** A textarea holding one entry a line; blank lines and repeats are dropped. */
const lines = (required: boolean) =>
	v.pipe(
		v.optional(v.string(), ''),
		storable,
		v.transform(linesOf),
		v.check((list) => !required || list.length > 0, 'required'),
		v.check((list) => list.every((e) => e.length <= matchingSettingsLimits.listEntry), 'too_long'),
		v.check((list) => list.length <= matchingSettingsLimits.listEntries, 'too_long')
	);

const checkbox = v.pipe(
	v.optional(v.string(), ''),
	v.transform((value) => value === 'on')
);

const { weight, formerMemberMonths, minimumFit, consentDays } = matchingSettingsLimits;
const weightField = wholeNumber(weight.min, weight.max);

const fields = v.object({
	audience: choice(audiences),
	areas: lines(true),
	serviceAreas: lines(false),
	groups: lines(false),
	weightAreas: weightField,
	weightGender: weightField,
	weightRole: weightField,
	weightExperience: weightField,
	weightGroup: weightField,
	genderPreferences: checkbox,
	separateServiceAreas: checkbox,
	ownGroupExclusion: checkbox,
	requireTraining: checkbox,
	groupRule: choice(groupRules),
	formerMemberMonths: wholeNumber(formerMemberMonths.min, formerMemberMonths.max),
	minimumFit: wholeNumber(minimumFit.min, minimumFit.max),
	consentDays: wholeNumber(consentDays.min, consentDays.max)
});

/** The form's field names: `check` reports problems under these, not the stored shape's. */
export type MatchingSettingsField = keyof typeof fields.entries;

/** The coordinator's matching settings form, field by field; the output is what is stored. */
export const matchingSettingsInput = v.pipe(
	fields,
	v.transform((f): SchemeMatchingSettings => ({
		audience: f.audience,
		areas: f.areas,
		serviceAreas: f.serviceAreas,
		groups: f.groups,
		weights: {
			areas: f.weightAreas,
			gender: f.weightGender,
			role: f.weightRole,
			experience: f.weightExperience,
			group: f.weightGroup
		},
		genderPreferences: f.genderPreferences,
		separateServiceAreas: f.separateServiceAreas,
		groupRule: f.groupRule,
		ownGroupExclusion: f.ownGroupExclusion,
		requireTraining: f.requireTraining,
		formerMemberMonths: f.formerMemberMonths,
		minimumFit: f.minimumFit,
		consentDays: f.consentDays
	}))
);

/** The form's values for settings already saved: the inverse of `matchingSettingsInput`. */
export function matchingSettingsFormValues(s: SchemeMatchingSettings): Record<string, string> {
	const tick = (on: boolean) => (on ? 'on' : '');
	return {
		audience: s.audience,
		areas: s.areas.join('\n'),
		serviceAreas: s.serviceAreas.join('\n'),
		groups: s.groups.join('\n'),
		weightAreas: String(s.weights.areas),
		weightGender: String(s.weights.gender),
		weightRole: String(s.weights.role),
		weightExperience: String(s.weights.experience),
		weightGroup: String(s.weights.group),
		genderPreferences: tick(s.genderPreferences),
		separateServiceAreas: tick(s.separateServiceAreas),
		ownGroupExclusion: tick(s.ownGroupExclusion),
		requireTraining: tick(s.requireTraining),
		groupRule: s.groupRule,
		formerMemberMonths: String(s.formerMemberMonths),
		minimumFit: String(s.minimumFit),
		consentDays: String(s.consentDays)
	};
}
