import type { CalendarDate, WeekKey } from './calendar-date';
import { weekKeyOf, weekStart } from './calendar-date';
import type { RecordEnvelope } from './record';

/** Something that went well this week, however small. */
export interface Win extends RecordEnvelope {
	pairId: string;
	wonOn: CalendarDate;
	text: string;
}

export interface WinWeek {
	week: WeekKey;
	/** Monday of that week, for display. */
	startsOn: CalendarDate;
	wins: Win[];
}

/** Groups wins (newest first) into weeks, newest week first. */
export function winsByWeek(wins: readonly Win[]): WinWeek[] {
	const weeks = new Map<WeekKey, WinWeek>();
	for (const win of [...wins].sort((a, b) => b.wonOn.localeCompare(a.wonOn))) {
		const week = weekKeyOf(win.wonOn);
		let group = weeks.get(week);
		if (!group) {
			group = { week, startsOn: weekStart(win.wonOn), wins: [] };
			weeks.set(week, group);
		}
		group.wins.push(win);
	}
	return [...weeks.values()];
}

export type { WinInput } from './form-inputs';
