import { eq } from 'drizzle-orm';
import * as v from 'valibot';
import {
	defaultMatchingSettings,
	matchingSettingsLimits,
	type SchemeMatchingSettings
} from '$lib/domain/matching/settings-input';
import { audiences, groupRules } from '$lib/domain/matching/vocabulary';
import type { SchemeMatchingInfo } from '$lib/protocol/publication-protocol';
import type { Database } from '../db/open-database';
import { schemeMatchingSettings } from '../db/schema';

export { defaultMatchingSettings, type SchemeMatchingSettings };

const { listEntry, listEntries, weight, formerMemberMonths, minimumFit, consentDays } =
	matchingSettingsLimits;
const between = ({ min, max }: { min: number; max: number }) =>
	v.pipe(v.number(), v.integer(), v.minValue(min), v.maxValue(max));
const list = v.pipe(
	v.array(v.pipe(v.string(), v.nonEmpty(), v.maxLength(listEntry))),
	v.maxLength(listEntries)
);

/** What may be stored: the form's output, checked again so nothing else reaches the column. */
const storedSettings = v.object({
	audience: v.picklist(audiences),
	areas: v.pipe(list, v.minLength(1)),
	serviceAreas: list,
	groups: list,
	weights: v.object({
		areas: between(weight),
		gender: between(weight),
		role: between(weight),
		experience: between(weight),
		group: between(weight)
	}),
	genderPreferences: v.boolean(),
	separateServiceAreas: v.boolean(),
	groupRule: v.picklist(groupRules),
	ownGroupExclusion: v.boolean(),
	requireTraining: v.boolean(),
	formerMemberMonths: between(formerMemberMonths),
	minimumFit: between(minimumFit),
	consentDays: between(consentDays)
});

/** The scheme's settings, or the defaults until the coordinator saves their own. */
export async function matchingSettingsOf(
	db: Database,
	schemeId: string
): Promise<SchemeMatchingSettings> {
	const [row] = await db
		.select({ settings: schemeMatchingSettings.settings })
		.from(schemeMatchingSettings)
		.where(eq(schemeMatchingSettings.schemeId, schemeId));
	if (!row) return defaultMatchingSettings();
	// Settings saved before a newer field existed take that field's default.
	const defaults = defaultMatchingSettings();
	return {
		...defaults,
		...row.settings,
		weights: { ...defaults.weights, ...row.settings.weights }
	};
}

/** Saves the settings (already checked by the form); anything malformed throws. */
export async function saveMatchingSettings(
	db: Database,
	schemeId: string,
	s: SchemeMatchingSettings
): Promise<void> {
	const settings = v.parse(storedSettings, s);
	const updatedAt = new Date();
	await db
		.insert(schemeMatchingSettings)
		.values({ schemeId, settings, updatedAt })
		.onConflictDoUpdate({ target: schemeMatchingSettings.schemeId, set: { settings, updatedAt } });
}

/** The lists a device needs to write a pen picture or needs. */
export function matchingInfoOf(s: SchemeMatchingSettings): SchemeMatchingInfo {
	return {
		audience: s.audience,
		areas: s.areas,
		serviceAreas: s.serviceAreas,
		groups: s.groups,
		genderPreferences: s.genderPreferences,
		ownGroupExclusion: s.ownGroupExclusion
	};
}
