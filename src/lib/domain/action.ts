import { differenceInCalendarDays } from 'date-fns';
import type { CalendarDate } from './calendar-date';
import { fromCalendarDate } from './calendar-date';
import type { Role } from './profile';
import type { RecordEnvelope } from './record';

/** Something agreed in a session, owned by one of the pair. */
export interface Action extends RecordEnvelope {
	pairId: string;
	sessionId: string | null;
	text: string;
	owner: Role;
	dueOn: CalendarDate | null;
	doneOn: CalendarDate | null;
}

export type Due = 'overdue' | 'today' | 'soon' | 'later' | 'undated';

/** How pressing an open action is; "soon" is within the coming week. */
export function dueness(action: Pick<Action, 'dueOn'>, today: Date): Due {
	if (action.dueOn === null) return 'undated';
	const days = differenceInCalendarDays(fromCalendarDate(action.dueOn), today);
	if (days < 0) return 'overdue';
	if (days === 0) return 'today';
	return days <= 7 ? 'soon' : 'later';
}

/** Open actions, most pressing first; undated ones last. */
export function openActions(actions: readonly Action[]): Action[] {
	return actions
		.filter((a) => a.deleted === 0 && a.doneOn === null)
		.sort((a, b) => (a.dueOn ?? '9999-12-31').localeCompare(b.dueOn ?? '9999-12-31'));
}

export type { ActionInput } from './form-inputs';
