import * as v from 'valibot';
import { roles, languages } from './profile';
import { journalPrompts } from './journal';
import { goalOutcomes, goalStatuses } from './goal';
import { meetingModes } from './session';
import { limits } from './limits';
import {
	calendarDate,
	choice,
	clockTime,
	optionalCalendarDate,
	optionalText,
	requiredText,
	sessionMinutes,
	storable,
	wholeNumber
} from './validation';

/**
 * What each form may submit. Kept apart from the records and rules so that the validation code
 * loads when someone first saves, not with the first screen.
 */
export const profileInput = v.object({
	role: choice(roles),
	name: requiredText(limits.name),
	language: choice(languages)
});
export type ProfileInput = v.InferOutput<typeof profileInput>;

export const pairInput = v.pipe(
	v.object({
		partnerName: requiredText(limits.name),
		startedOn: calendarDate,
		endsOn: optionalCalendarDate
	}),
	v.forward(
		v.check((p) => p.endsOn === null || p.endsOn >= p.startedOn, 'end_before_start'),
		['endsOn']
	)
);
export type PairInput = v.InferOutput<typeof pairInput>;

export const agreementInput = v.object({
	meetEveryWeeks: wholeNumber(1, 12),
	meetingMinutes: sessionMinutes,
	agreedOn: calendarDate
});
export type AgreementInput = v.InferOutput<typeof agreementInput>;

const tag = v.pipe(
	v.string(),
	v.trim(),
	v.toLowerCase(),
	v.maxLength(limits.tag, 'too_long'),
	storable
);

export const journalInput = v.object({
	entryDate: calendarDate,
	prompt: v.pipe(
		v.optional(v.nullable(v.union([choice(journalPrompts), v.literal('')])), null),
		v.transform((p) => (p === '' || p === undefined ? null : p))
	),
	body: requiredText(limits.longText),
	tags: v.pipe(
		v.optional(v.array(tag), []),
		v.transform((tags) => [...new Set(tags.filter((t) => t.length > 0))]),
		v.maxLength(limits.tags, 'too_long')
	)
});
export type JournalInput = v.InferOutput<typeof journalInput>;

export const goalInput = v.object({
	title: requiredText(limits.title),
	outcome: choice(goalOutcomes),
	why: optionalText(limits.shortText),
	successLooksLike: optionalText(limits.shortText),
	targetDate: optionalCalendarDate,
	status: choice(goalStatuses),
	manualProgress: wholeNumber(0, 100)
});
export type GoalInput = v.InferOutput<typeof goalInput>;

export const milestoneInput = v.object({ text: requiredText(limits.title) });
export type MilestoneInput = v.InferOutput<typeof milestoneInput>;

export const agendaItemInput = v.object({
	title: requiredText(limits.title),
	details: optionalText(limits.shortText)
});
export type AgendaItemInput = v.InferOutput<typeof agendaItemInput>;

export const sessionScheduleInput = v.object({
	date: calendarDate,
	time: clockTime,
	plannedMinutes: sessionMinutes,
	mode: choice(meetingModes),
	place: optionalText(limits.place)
});
export type SessionScheduleInput = v.InferOutput<typeof sessionScheduleInput>;

export const sessionLogInput = v.object({
	actualMinutes: sessionMinutes,
	notes: optionalText(limits.longText)
});
export type SessionLogInput = v.InferOutput<typeof sessionLogInput>;

export const actionInput = v.object({
	text: requiredText(limits.title),
	owner: choice(roles),
	dueOn: optionalCalendarDate
});
export type ActionInput = v.InferOutput<typeof actionInput>;

export const winInput = v.object({
	wonOn: calendarDate,
	text: requiredText(limits.shortText)
});
export type WinInput = v.InferOutput<typeof winInput>;

export const prepNoteInput = v.object({ body: requiredText(limits.longText) });
export type PrepNoteInput = v.InferOutput<typeof prepNoteInput>;
