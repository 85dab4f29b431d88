import * as v from 'valibot';
import { roles, languages } from './profile';
import { journalPrompts } from './journal';
import { goalOutcomes, goalStatuses } from './goal';
import { meetingModes, sessionStatuses } from './session';
import { limits } from './limits';
import { isCalendarDate } from './calendar-date';
import {
	againAnswers,
	checkpoints,
	outcomes,
	ratingScale,
	surveyCommentMax,
	type SurveyAnswer
} from './survey';

/**
 * The shape of an export file, checked record by record before an import writes anything,
 * so a damaged or hand-edited file is refused whole instead of half-applied.
 */
export const exportFormat = 'tandem-export';

const text = (max: number) => v.pipe(v.string(), v.maxLength(max));
const date = v.pipe(v.string(), v.check(isCalendarDate));
const maybeDate = v.nullable(date);
const timestamp = v.pipe(v.string(), v.isoTimestamp());
const id = v.pipe(v.string(), v.minLength(1), v.maxLength(64));
const count = (max: number) => v.pipe(v.number(), v.integer(), v.minValue(0), v.maxValue(max));

const envelope = {
	id,
	createdAt: timestamp,
	updatedAt: timestamp,
	deleted: v.picklist([0, 1]),
	deletedAt: v.nullable(timestamp)
};

/** One record of each table as a file (or another device) may carry it. */
export const exportedRecord = {
	profile: v.object({
		id: v.literal('me'),
		role: v.picklist(roles),
		name: text(limits.name),
		language: v.picklist(languages),
		currentPairId: v.nullable(id),
		createdAt: timestamp,
		updatedAt: timestamp
	}),
	pairs: v.object({
		...envelope,
		partnerName: text(limits.name),
		startedOn: date,
		endsOn: maybeDate,
		agreement: v.nullable(
			v.object({ meetEveryWeeks: count(12), meetingMinutes: count(600), agreedOn: date })
		)
	}),
	journal: v.object({
		...envelope,
		entryDate: date,
		prompt: v.nullable(v.picklist(journalPrompts)),
		body: text(limits.longText),
		tags: v.pipe(v.array(text(limits.tag)), v.maxLength(limits.tags))
	}),
	goals: v.object({
		...envelope,
		pairId: id,
		title: text(limits.title),
		outcome: v.picklist(goalOutcomes),
		why: text(limits.shortText),
		successLooksLike: text(limits.shortText),
		targetDate: maybeDate,
		status: v.picklist(goalStatuses),
		manualProgress: count(100),
		milestones: v.pipe(
			v.array(v.object({ id, text: text(limits.title), doneOn: maybeDate })),
			v.maxLength(limits.milestones)
		)
	}),
	agendaItems: v.object({
		...envelope,
		pairId: id,
		title: text(limits.title),
		details: text(limits.shortText),
		raisedBy: v.picklist(roles),
		position: v.number(),
		discussedInSessionId: v.nullable(id),
		carriedOver: count(10_000)
	}),
	sessions: v.object({
		...envelope,
		pairId: id,
		startsAt: v.pipe(v.string(), v.regex(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}$/)),
		plannedMinutes: count(limits.sessionMinutes.max),
		mode: v.picklist(meetingModes),
		place: text(limits.place),
		status: v.picklist(sessionStatuses),
		actualMinutes: v.nullable(count(limits.sessionMinutes.max)),
		notes: text(limits.longText)
	}),
	actions: v.object({
		...envelope,
		pairId: id,
		sessionId: v.nullable(id),
		text: text(limits.title),
		owner: v.picklist(roles),
		dueOn: maybeDate,
		doneOn: maybeDate
	}),
	wins: v.object({ ...envelope, pairId: id, wonOn: date, text: text(limits.shortText) }),
	prepNotes: v.object({
		...envelope,
		pairId: id,
		sessionId: v.nullable(id),
		body: text(limits.longText)
	})
};

const rating = v.nullable(
	v.pipe(v.number(), v.integer(), v.minValue(ratingScale.min), v.maxValue(ratingScale.max))
);

/** A check-in answer as the file carries it: the whole answer, comment included. */
const exportedSurveyAnswer = v.object({
	id,
	pairId: id,
	checkpoint: v.picklist(checkpoints),
	ratings: v.object({
		confidence: rating,
		goalProgress: rating,
		relationship: rating,
		meetingsUseful: rating
	}),
	again: v.nullable(v.picklist(againAnswers)),
	outcomes: v.pipe(v.array(v.picklist(outcomes)), v.maxLength(outcomes.length)),
	comment: text(surveyCommentMax),
	shareComment: v.boolean(),
	createdAt: timestamp,
	answeredAt: timestamp
}) satisfies v.GenericSchema<unknown, SurveyAnswer>;

export const exportFile = v.object({
	format: v.literal(exportFormat),
	schemaVersion: v.pipe(v.number(), v.integer(), v.minValue(1)),
	exportedAt: timestamp,
	tables: v.object({
		profile: v.optional(v.array(exportedRecord.profile), []),
		pairs: v.optional(v.array(exportedRecord.pairs), []),
		journal: v.optional(v.array(exportedRecord.journal), []),
		goals: v.optional(v.array(exportedRecord.goals), []),
		agendaItems: v.optional(v.array(exportedRecord.agendaItems), []),
		sessions: v.optional(v.array(exportedRecord.sessions), []),
		actions: v.optional(v.array(exportedRecord.actions), []),
		wins: v.optional(v.array(exportedRecord.wins), []),
		prepNotes: v.optional(v.array(exportedRecord.prepNotes), [])
	}),
	/** Files from before check-ins have none. */
	surveyAnswers: v.optional(v.array(exportedSurveyAnswer), [])
});
export type ExportFile = v.InferOutput<typeof exportFile>;
