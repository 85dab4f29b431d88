/**
 * The words a scheme matches by. Ids are stored and sent; the UI turns them into English or
 * Welsh. A scheme may add its own areas and groups, which are shown as the coordinator typed them.
 */

/** Who a scheme serves: councillors mentoring councillors, or officers mentoring officers. */
export const audiences = ['members', 'officers'] as const;
export type Audience = (typeof audiences)[number];

/** The areas the seed schemes offer; a scheme starts with these and may add its own. */
export const builtInAreas = [
	'learning-the-ropes',
	'time-and-workload',
	'officer-member-relationships',
	'new-role',
	'political-or-community-challenge',
	'leadership',
	'community-engagement',
	'media-relations',
	'career-change'
] as const;

/** Roles a councillor may have held. */
export const councillorRoles = [
	'leader',
	'cabinet',
	'committee-chair',
	'group-leader',
	'ward-member'
] as const;
export type CouncillorRole = (typeof councillorRoles)[number];

/** An officer's level; the service area is one of the scheme's own list. */
export const officerLevels = [
	'chief-officer',
	'head-of-service',
	'manager',
	'team-leader',
	'officer'
] as const;
export type OfficerLevel = (typeof officerLevels)[number];

/** How much a mentee's preference counts: a must is a hard rule, a nice-to-have adds points. */
export const preferenceStrengths = ['must', 'nice'] as const;
export type PreferenceStrength = (typeof preferenceStrengths)[number];

/** A member scheme's rule on political groups. */
export const groupRules = [
	'none',
	'prefer-same',
	'prefer-cross',
	'exclude-same',
	'exclude-cross'
] as const;
export type GroupRule = (typeof groupRules)[number];

/**
 * Best fit maximises the cohort's total score and may leave a mentee waiting rather than give
 * them a poor match; "everyone" first matches as many mentees as the rules allow.
 */
export const matchingModes = ['best-fit', 'everyone'] as const;
export type MatchingMode = (typeof matchingModes)[number];

/** Why a mentee or mentor said no; chosen from a list, never typed. */
export const declineReasons = ['not-right-fit', 'timing', 'know-each-other', 'other'] as const;
export type DeclineReason = (typeof declineReasons)[number];
