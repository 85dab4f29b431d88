import type { CalendarDate } from './calendar-date';
import type { RecordEnvelope } from './record';

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

export type { PairInput, AgreementInput } from './form-inputs';
