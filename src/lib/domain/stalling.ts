import { addDays, differenceInCalendarDays, parseISO } from 'date-fns';
import type { PairStatus } from './pair-lifecycle';

export interface PairActivity {
	status: PairStatus;
	startsOn: string;
	lastMetOn: string | null;
}

/**
 * An active pair is stalling when it has not met for the scheme's window (six weeks unless the
 * scheme says otherwise), counting from its start if it has never met. Paused and ended pairs
 * are not chased, and a pair that has not started yet cannot stall.
 */
export function isStalling(pair: PairActivity, stallAfterWeeks: number, today: string): boolean {
	if (pair.status !== 'active' || pair.startsOn > today) return false;
	const since = pair.lastMetOn ?? pair.startsOn;
	return differenceInCalendarDays(parseISO(today), parseISO(since)) > stallAfterWeeks * 7;
}

/** The date from which a pair that has not met since will count as stalling. */
export function stallsFrom(pair: PairActivity, stallAfterWeeks: number): string {
	const since = pair.lastMetOn ?? pair.startsOn;
	return addDays(parseISO(since), stallAfterWeeks * 7 + 1)
		.toISOString()
		.slice(0, 10);
}
