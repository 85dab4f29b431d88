import * as v from 'valibot';
import type { CalendarDate } from './calendar-date';
import type { RecordEnvelope } from './record';
import { limits } from './limits';
import {
	calendarDate,
	optionalCalendarDate,
	requiredText,
	sessionMinutes,
	wholeNumber
} from './validation';

/**
 * A mentoring relationship as this device knows it: the person's partner and the agreement
 * they made. A mentor may have several pairs; a mentee usually one.
 */
export interface Pair extends RecordEnvelope {
	partnerName: string;
	startedOn: CalendarDate;
	/** A pilot usually runs six months; open-ended pairs leave this empty. */
	endsOn: CalendarDate | null;
	agreement: MentoringAgreement | null;
}

/** What the two agreed at their first meeting (see the Guide). */
export interface MentoringAgreement {
	meetEveryWeeks: number;
	meetingMinutes: number;
	agreedOn: CalendarDate;
}

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
