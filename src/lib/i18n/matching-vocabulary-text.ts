import {
	builtInAreas,
	type Audience,
	type DeclineReason,
	type GroupRule,
	type MatchingMode,
	type PreferenceStrength
} from '$lib/domain/matching/vocabulary';
import { m } from '$lib/paraglide/messages.js';

/** The words for the matching vocabulary, in the reader's language. */

const areaWords: Record<(typeof builtInAreas)[number], () => string> = {
	'learning-the-ropes': m.match_area_learning_the_ropes,
	'time-and-workload': m.match_area_time_and_workload,
	'officer-member-relationships': m.match_area_officer_member_relationships,
	'new-role': m.match_area_new_role,
	'political-or-community-challenge': m.match_area_political_or_community_challenge,
	leadership: m.match_area_leadership,
	'community-engagement': m.match_area_community_engagement,
	'media-relations': m.match_area_media_relations,
	'career-change': m.match_area_career_change
};

const roleWords: Record<string, () => string> = {
	leader: m.match_role_leader,
	cabinet: m.match_role_cabinet,
	'committee-chair': m.match_role_committee_chair,
	'group-leader': m.match_role_group_leader,
	'ward-member': m.match_role_ward_member,
	'chief-officer': m.match_level_chief_officer,
	'head-of-service': m.match_level_head_of_service,
	manager: m.match_level_manager,
	'team-leader': m.match_level_team_leader,
	officer: m.match_level_officer
};

function isBuiltInArea(area: string): area is (typeof builtInAreas)[number] {
	return (builtInAreas as readonly string[]).includes(area);
}

/** A built-in area in the reader's language; a scheme's own area as the coordinator typed it. */
export function areaText(area: string): string {
	return isBuiltInArea(area) ? areaWords[area]() : area;
}

/** A councillor role or an officer level. */
export function roleOrLevelText(role: string): string {
	return roleWords[role]?.() ?? role;
}

export function strengthText(strength: PreferenceStrength): string {
	return strength === 'must' ? m.match_strength_must() : m.match_strength_nice();
}

export function declineReasonText(reason: DeclineReason): string {
	switch (reason) {
		case 'not-right-fit':
			return m.match_decline_not_right_fit();
		case 'timing':
			return m.match_decline_timing();
		case 'know-each-other':
			return m.match_decline_know_each_other();
		case 'other':
			return m.match_decline_other();
	}
}

export function groupRuleText(rule: GroupRule): string {
	switch (rule) {
		case 'none':
			return m.match_group_rule_none();
		case 'prefer-same':
			return m.match_group_rule_prefer_same();
		case 'prefer-cross':
			return m.match_group_rule_prefer_cross();
		case 'exclude-same':
			return m.match_group_rule_exclude_same();
		case 'exclude-cross':
			return m.match_group_rule_exclude_cross();
	}
}

export function matchingModeText(mode: MatchingMode): string {
	return mode === 'best-fit' ? m.match_mode_best_fit() : m.match_mode_everyone();
}

export function audienceText(audience: Audience): string {
	return audience === 'members' ? m.match_audience_members() : m.match_audience_officers();
}
