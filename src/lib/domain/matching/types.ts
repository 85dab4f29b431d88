import type { Audience, GroupRule, MatchingMode, PreferenceStrength } from './vocabulary';

/** The scheme's matching rules and weights, as the coordinator set them. */
export interface MatchingSettings {
	audience: Audience;
	/** Points each criterion is worth (0 to 10); 0 turns it off. */
	weights: { areas: number; gender: number; role: number; experience: number; group: number };
	/** Gender preferences count only when the scheme turns them on (equality data is optional). */
	genderPreferences: boolean;
	/** Officer schemes: never match two people from one service area (one reporting line). */
	separateServiceAreas: boolean;
	/** Member schemes: prefer or exclude same-group and cross-party pairs. */
	groupRule: GroupRule;
	/** Member schemes: a mentee may ask not to be matched within their own political group. */
	ownGroupExclusion: boolean;
	/** Only mentors whose training the coordinator has recorded are proposed. */
	requireTraining: boolean;
	/** How long a former member may stay on as a mentor after stepping down. */
	formerMemberMonths: number;
	/** Best fit proposes no pair scoring under this (0 to 100). */
	minimumFit: number;
}

export interface MentorCandidate {
	id: string;
	name: string;
	/** Areas they can help with (ids of the scheme's list). */
	areas: string[];
	/** Members: councillor roles held. Officers: empty. */
	roles: string[];
	/** Officers only. */
	level: string | null;
	serviceArea: string | null;
	/** Members only: political group, when given. */
	group: string | null;
	yearsExperience: number;
	gender: string | null;
	/** Mentees at once; 0 while unavailable. */
	capacity: number;
	/** Mentees they mentor now plus proposals waiting on an answer: slots already taken. */
	load: number;
	trainedOn: string | null;
	/** Members who have stepped down: the date they did. */
	formerMemberSince: string | null;
}

export interface Preference<T> {
	value: T;
	strength: PreferenceStrength;
}

export interface MenteeCandidate {
	id: string;
	name: string;
	/** Areas they want help with, most wanted first. */
	areas: string[];
	level: string | null;
	serviceArea: string | null;
	group: string | null;
	preferences: {
		gender: Preference<string> | null;
		/** A councillor role (members) or an officer level (officers) they want the mentor to have. */
		role: Preference<string> | null;
		experience: Preference<number> | null;
	};
	/** Mentors they must not be matched with (their line manager, named people), by id. */
	excludedMentorIds: string[];
	/** They asked not to be matched within their own political group. */
	excludeOwnGroup: boolean;
}

export interface MenteeMentor {
	menteeId: string;
	mentorId: string;
}

export interface MatchingRequest {
	mentors: MentorCandidate[];
	mentees: MenteeCandidate[];
	settings: MatchingSettings;
	/** YYYY-MM-DD: training and former-member periods are judged on this day. */
	today: string;
	mode: MatchingMode;
	/** Kept as they are: the coordinator locked or chose them. They use capacity like any other. */
	locked: MenteeMentor[];
	/** Never proposed again in this round. */
	rejected: MenteeMentor[];
}

/** One line of a proposal's explanation; the UI words it ("shares 3 of 4 areas"). */
export type Criterion =
	| { kind: 'areas'; shared: number; of: number; points: number; max: number }
	| { kind: 'gender'; met: boolean; strength: PreferenceStrength; points: number; max: number }
	| {
			kind: 'role';
			value: string;
			met: boolean;
			strength: PreferenceStrength;
			points: number;
			max: number;
	  }
	| {
			kind: 'experience';
			years: number;
			asked: number;
			met: boolean;
			strength: PreferenceStrength;
			points: number;
			max: number;
	  }
	| { kind: 'group'; same: boolean; rule: GroupRule; points: number; max: number }
	| { kind: 'load'; after: number; capacity: number };

export interface PairScore {
	/** 0 to 100: points earned of the points this mentee's needs make possible. */
	score: number;
	criteria: Criterion[];
}

/** Why a pair may never be proposed. */
export type HardRule =
	| 'excluded-by-mentee'
	| 'same-service-area'
	| 'same-group-excluded'
	| 'cross-party-excluded'
	| 'own-group-excluded'
	| 'must-gender'
	| 'must-role'
	| 'must-experience'
	| 'rejected';

/** Why a mentor takes no part in a run. */
export type MentorUnavailability = 'no-capacity' | 'untrained' | 'former-member-period-over';

export interface MatchProposal extends MenteeMentor, PairScore {
	locked: boolean;
}

export type UnmatchedReason =
	/** Every mentor is ruled out for them by a hard rule or unavailability. */
	| 'no-allowed-mentor'
	/** Allowed mentors exist, but their places went to others. */
	| 'no-capacity'
	/** Best fit: no allowed mentor reaches the scheme's minimum fit. */
	| 'below-minimum-fit'
	/** Best fit: a match was possible, but taking it would lower the cohort's total. */
	| 'left-for-better-fit';

export interface MatchingResult {
	/** Ordered by mentee name, then id: the same input always gives the same output. */
	proposals: MatchProposal[];
	unmatched: { menteeId: string; reason: UnmatchedReason }[];
	unavailableMentors: { mentorId: string; reason: MentorUnavailability }[];
	totalScore: number;
}
