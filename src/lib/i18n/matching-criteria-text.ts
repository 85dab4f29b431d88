import type { Criterion } from '$lib/domain/matching/types';
import { roleOrLevelText } from '$lib/i18n/matching-vocabulary-text';
import { m } from '$lib/paraglide/messages.js';

/**
 * Why a proposal scored what it did, one line per criterion, so a coordinator can explain a
 * match to the people in it: "Areas in common: 3 of 4 – 3.8 of 5 points".
 */
export function criteriaText(criteria: Criterion[]): string[] {
	return criteria.map(criterionText);
}

export function criterionText(criterion: Criterion): string {
	if (criterion.kind === 'load')
		return m.coord_match_crit_load({ after: criterion.after, capacity: criterion.capacity });
	const text =
		'strength' in criterion && criterion.strength === 'must'
			? m.coord_match_crit_must({ text: saying(criterion) })
			: saying(criterion);
	return criterion.max > 0
		? m.coord_match_crit_points({
				text,
				points: points(criterion.points),
				max: points(criterion.max)
			})
		: text;
}

function saying(criterion: Exclude<Criterion, { kind: 'load' }>): string {
	switch (criterion.kind) {
		case 'areas':
			return m.coord_match_crit_areas({ shared: criterion.shared, of: criterion.of });
		case 'gender':
			return criterion.met ? m.coord_match_crit_gender_met() : m.coord_match_crit_gender_missed();
		case 'role': {
			const role = roleOrLevelText(criterion.value);
			return criterion.met
				? m.coord_match_crit_role_met({ role })
				: m.coord_match_crit_role_missed({ role });
		}
		case 'experience':
			return m.coord_match_crit_experience({ years: criterion.years, asked: criterion.asked });
		case 'group':
			return criterion.same ? m.coord_match_crit_group_same() : m.coord_match_crit_group_cross();
	}
}

// Points may be fractional (a share of the areas weight); one decimal place says enough.
const points = (value: number) => String(Math.round(value * 10) / 10);
