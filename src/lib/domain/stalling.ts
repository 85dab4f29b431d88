import { addDays, differenceInCalendarDays, parseISO } from 'date-fns';
import type { PairStatus } from './pair-lifecycle';

export interface PairActivity {
	status: PairStatus;
	startsOn: string;
	lastMetOn: string | null;
}

/** The scheme's window in days: quiet for longer than this is stalling. */
export const stallWindowDays = (stallAfterWeeks: number) => stallAfterWeeks * 7;

/** Nothing has happened since `since` (or ever, when null) for longer than the window. */
export function quietTooLong(since: string | null, stallAfterWeeks: number, today: string) {
	if (since === null) return true;
	return (
		differenceInCalendarDays(parseISO(today), parseISO(since)) > stallWindowDays(stallAfterWeeks)
	);
}

/**
 * An active pair is stalling when it has not met for the scheme's window (six weeks unless the
 * scheme says otherwise), counting from its start if it has never met. Paused and ended pairs
 * are not chased, and a pair that has not started yet cannot stall.
 */
export function isStalling(pair: PairActivity, stallAfterWeeks: number, today: string): boolean {
	if (pair.status !== 'active' || pair.startsOn > today) return false;
	return quietTooLong(pair.lastMetOn ?? pair.startsOn, stallAfterWeeks, today);
}

/** The date from which a pair that has not met since will count as stalling. */
export function stallsFrom(pair: PairActivity, stallAfterWeeks: number): string {
	const since = pair.lastMetOn ?? pair.startsOn;
	return addDays(parseISO(since), stallWindowDays(stallAfterWeeks) + 1)
		.toISOString()
		.slice(0, 10);
}
