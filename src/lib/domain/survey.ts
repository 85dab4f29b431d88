import { addMonths } from 'date-fns';
import type { CalendarDate } from './calendar-date';
import { fromCalendarDate, toCalendarDate } from './calendar-date';

/**
 * The scheme's check-ins: at the start of a pair (the baseline), the mid-point and the end, and
 * a follow-up a year on. Only the ratings and chosen options ever reach the scheme; a comment
 * goes only when the person ticks to share it.
 */
export const checkpoints = ['baseline', 'midpoint', 'end', 'follow-up'] as const;
export type Checkpoint = (typeof checkpoints)[number];

/** Rated 1 (not at all) to 5 (very much). */
export const ratingQuestions = [
	'confidence',
	'goalProgress',
	'relationship',
	'meetingsUseful'
] as const;
export type RatingQuestion = (typeof ratingQuestions)[number];

export const surveyQuestions = [...ratingQuestions, 'again', 'outcomes'] as const;
export type SurveyQuestion = (typeof surveyQuestions)[number];

/** Would you mentor (a mentor) or be mentored (a mentee) again? */
export const againAnswers = ['yes', 'maybe', 'no'] as const;
export type AgainAnswer = (typeof againAnswers)[number];

/** What has happened since the mentoring began, as the seed schemes evaluate it. */
export const outcomes = ['promotion', 'new-role', 'new-responsibility', 'opportunity'] as const;
export type Outcome = (typeof outcomes)[number];

export const ratingScale = { min: 1, max: 5 } as const;
export const surveyCommentMax = 1_000;

/** One check-in as a scheme defines it: when, counted from the pair's start, and what it asks. */
export interface CheckpointDefinition {
	checkpoint: Checkpoint;
	/** 0 asks at the start; the end asks at the pair's own end date when it has one. */
	monthsAfterStart: number;
	questions: SurveyQuestion[];
}

export const defaultSurveyDefinitions: readonly CheckpointDefinition[] = [
	{ checkpoint: 'baseline', monthsAfterStart: 0, questions: ['confidence', 'goalProgress'] },
	{
		checkpoint: 'midpoint',
		monthsAfterStart: 3,
		questions: ['confidence', 'goalProgress', 'relationship', 'meetingsUseful']
	},
	{ checkpoint: 'end', monthsAfterStart: 6, questions: [...surveyQuestions] },
	{ checkpoint: 'follow-up', monthsAfterStart: 12, questions: ['confidence', 'again', 'outcomes'] }
];

/** How long a check-in stays open when no later one closes it first. */
export const lastCheckInOpenDays = 60;

export interface PairDates {
	startsOn: CalendarDate;
	endsOn: CalendarDate | null;
}

/** The day a check-in falls due for a pair. */
export function checkInDueOn(definition: CheckpointDefinition, pair: PairDates): CalendarDate {
	if (definition.checkpoint === 'end' && pair.endsOn) return pair.endsOn;
	return toCalendarDate(addMonths(fromCalendarDate(pair.startsOn), definition.monthsAfterStart));
}

export interface CheckInWindow {
	checkpoint: Checkpoint;
	opensOn: CalendarDate;
	/** The last day it can be answered: the day before the next check-in opens. */
	closesOn: CalendarDate;
	questions: SurveyQuestion[];
}

/** Every check-in of a pair with the days it is open, in order; none overlaps the next. */
export function checkInWindows(
	definitions: readonly CheckpointDefinition[],
	pair: PairDates
): CheckInWindow[] {
	const order = (c: Checkpoint) => checkpoints.indexOf(c);
	const opens = [...definitions]
		.filter((d) => d.questions.length > 0)
		.sort((a, b) => order(a.checkpoint) - order(b.checkpoint))
		.map((d) => ({ definition: d, opensOn: checkInDueOn(d, pair) }));
	return opens.map(({ definition, opensOn }, i) => {
		const next = opens.slice(i + 1).find((o) => o.opensOn > opensOn);
		const last = fromCalendarDate(next ? next.opensOn : opensOn);
		last.setDate(last.getDate() + (next ? -1 : lastCheckInOpenDays));
		return {
			checkpoint: definition.checkpoint,
			opensOn,
			closesOn: toCalendarDate(last),
			questions: definition.questions
		};
	});
}

/** The check-ins open on a day (a late start can leave two open; the earlier comes first). */
export function openCheckIns(windows: readonly CheckInWindow[], today: CalendarDate) {
	return windows.filter((w) => w.opensOn <= today && today <= w.closesOn);
}

/**
 * A person's answers to one check-in about one pair, on their device. The comment is theirs:
 * it reaches the scheme only if `shareComment` is ticked, and then exactly as written.
 */
export interface SurveyAnswer {
	id: string;
	/** The scheme's pair id (check-ins exist only for pairs in a scheme). */
	pairId: string;
	checkpoint: Checkpoint;
	ratings: Record<RatingQuestion, number | null>;
	again: AgainAnswer | null;
	outcomes: Outcome[];
	comment: string;
	shareComment: boolean;
	createdAt: string;
	/** When the answers last changed: sent with them, so a late copy loses on the server. */
	answeredAt: string;
}
