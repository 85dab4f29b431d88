import type { Role } from '$lib/domain/profile';
import type { AgainAnswer, Checkpoint, Outcome, RatingQuestion } from '$lib/domain/survey';
import type { Audience } from '$lib/domain/matching/vocabulary';
import type { CalendarDate } from '$lib/domain/calendar-date';
import type { ReportPeriod } from '$lib/domain/report-period';
import { councillorRoles, officerLevels } from '$lib/domain/matching/vocabulary';

/** A count of people or pairs: null when hidden. */
export type Shown = number | null;

export interface ShownGroup<K extends string = string> {
	group: K;
	count: Shown;
}

/** Groups that divide a total between them; hidden whole when the total is hidden. */
export interface ShownBreakdown<K extends string = string> {
	total: Shown;
	groups: ShownGroup<K>[];
}

export interface ShownRating {
	answers: Shown;
	/** Null when hidden or when nobody answered (answers 0). */
	mean: number | null;
}

export interface ShownChange {
	role: Role;
	question: RatingQuestion;
	later: 'end' | 'follow-up';
	baseline: ShownRating;
	after: ShownRating;
	/** The later mean minus the baseline mean; shown only when both are. */
	differenceOfMeans: number | null;
	/** Among people who answered both, about the same pair. */
	paired: ShownRating;
}

export type LevelGroup = (typeof officerLevels)[number] | 'not-recorded';

export type HeldGroup = (typeof councillorRoles)[number] | 'none-recorded';

/** The suggested words, each as its key; "another" gathers descriptions too rare to show. */
export type GenderGroup = 'woman' | 'man' | 'non-binary' | 'another' | 'not-recorded' | string;

export interface ShownReport {
	pairs: {
		formed: ShownBreakdown<'active' | 'paused' | 'ended'>;
		stalled: Shown;
	};
	sessions: { held: number; minutes: number; pairsMet: Shown };
	goals: { pairsReporting: Shown; set: number; achieved: number };
	wins: { logged: number; shared: number };
	checkIns: {
		role: Role;
		question: RatingQuestion;
		byCheckpoint: Record<Checkpoint, ShownRating>;
	}[];
	changes: ShownChange[];
	again: { role: Role; checkpoint: Checkpoint; answers: ShownBreakdown<AgainAnswer> }[];
	outcomes: { role: Role; answered: Shown; groups: ShownGroup<Outcome>[] }[];
	comments: CheckInFigures['comments'];
	participation: {
		audience: Audience;
		byRole: ShownBreakdown<Role>;
		levels: { role: Role; levels: ShownBreakdown<LevelGroup> }[];
		rolesHeld: ShownGroup<HeldGroup>[] | null;
		genders: { role: Role; genders: ShownBreakdown<GenderGroup> }[];
	};
	trends: {
		month: string;
		sessions: number;
		minutes: number;
		pairsMet: Shown;
		wins: number;
	}[];
}

export interface EvaluationReport {
	period: ReportPeriod;
	/** The day the "now" figures are taken on. */
	asOf: CalendarDate;
	figures: ShownReport;
}

export interface RatingFigure {
	role: Role;
	checkpoint: Checkpoint;
	question: RatingQuestion;
	answers: number;
	mean: number;
}

/** Among the people who rated a question at the baseline and at a later check-in of one pair. */
export interface PairedChange {
	role: Role;
	question: RatingQuestion;
	later: 'end' | 'follow-up';
	answers: number;
	meanChange: number;
}

export interface CheckInFigures {
	ratings: RatingFigure[];
	paired: PairedChange[];
	again: { role: Role; checkpoint: Checkpoint; answer: AgainAnswer; answers: number }[];
	/** People who answered an end or follow-up check-in, and those reporting each outcome. */
	answeredLater: { role: Role; people: number }[];
	outcomes: { role: Role; outcome: Outcome; people: number }[];
	comments: { role: Role; checkpoint: Checkpoint; text: string }[];
}
