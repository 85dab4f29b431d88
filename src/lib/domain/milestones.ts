import { addDays, addYears, differenceInCalendarDays } from 'date-fns';
import type { CalendarDate } from './calendar-date';
import { fromCalendarDate, toCalendarDate } from './calendar-date';

/**
 * A scheme's milestones and first anniversaries. The seed schemes mark the shared commitment
 * with a photo at the outset, framed on the first anniversary: a reminder goes to everyone
 * beforehand, and the photo is shown on the board around the day.
 */

/** How many days ahead a reminder of a first anniversary appears. */
export const anniversaryNoticeDays = 14;
/** How long after the anniversary the scheme photo stays on the board. */
export const photoAfterAnniversaryDays = 30;

export function firstAnniversary(startsOn: CalendarDate): CalendarDate {
	return toCalendarDate(addYears(fromCalendarDate(startsOn), 1));
}

/** Days from today to a date: 0 on the day, negative once it has passed. */
export function daysUntil(on: CalendarDate, today: CalendarDate): number {
	return differenceInCalendarDays(fromCalendarDate(on), fromCalendarDate(today));
}

/** Whether a first anniversary is near enough to remind people of it (up to the day itself). */
export function anniversaryDue(startsOn: CalendarDate, today: CalendarDate): boolean {
	const days = daysUntil(firstAnniversary(startsOn), today);
	return days >= 0 && days <= anniversaryNoticeDays;
}

/** The days the scheme's photo is on the board: from the reminder to a month after the day. */
export function schemePhotoWindow(schemeStartsOn: CalendarDate): {
	from: CalendarDate;
	until: CalendarDate;
} {
	const anniversary = fromCalendarDate(firstAnniversary(schemeStartsOn));
	return {
		from: toCalendarDate(addDays(anniversary, -anniversaryNoticeDays)),
		until: toCalendarDate(addDays(anniversary, photoAfterAnniversaryDays))
	};
}

/** Whether the scheme's photo belongs on the board today: around its first anniversary. */
export function schemePhotoShown(schemeStartsOn: CalendarDate, today: CalendarDate): boolean {
	const { from, until } = schemePhotoWindow(schemeStartsOn);
	return from <= today && today <= until;
}

export type MilestoneKind = 'scheme-start' | 'pilot-end' | 'review' | 'scheme-anniversary';

export interface Milestone {
	kind: MilestoneKind;
	on: CalendarDate;
}

export interface SchemeMilestoneDates {
	startsOn: CalendarDate;
	pilotEndsOn: CalendarDate;
	reviewOn: CalendarDate | null;
}

/** The scheme's milestones in date order. */
export function schemeMilestones(dates: SchemeMilestoneDates): Milestone[] {
	const all: Milestone[] = [
		{ kind: 'scheme-start', on: dates.startsOn },
		{ kind: 'pilot-end', on: dates.pilotEndsOn },
		{ kind: 'scheme-anniversary', on: firstAnniversary(dates.startsOn) },
		...(dates.reviewOn ? [{ kind: 'review' as const, on: dates.reviewOn }] : [])
	];
	return all.sort((a, b) => a.on.localeCompare(b.on));
}

export interface AnniversaryReminder {
	kind: 'pair' | 'scheme';
	on: CalendarDate;
	/** A pair's reminder names the partner. */
	partnerName: string | null;
}

/** The first anniversaries, of the person's pairs still going and of the scheme, due a reminder. */
export function anniversaryReminders(
	pairs: readonly { startsOn: CalendarDate; status: string; partnerName: string }[],
	schemeStartsOn: CalendarDate | null,
	today: CalendarDate
): AnniversaryReminder[] {
	const reminders: AnniversaryReminder[] = pairs
		.filter((p) => p.status !== 'ended' && anniversaryDue(p.startsOn, today))
		.map((p) => ({ kind: 'pair', on: firstAnniversary(p.startsOn), partnerName: p.partnerName }));
	if (schemeStartsOn && anniversaryDue(schemeStartsOn, today)) {
		reminders.push({ kind: 'scheme', on: firstAnniversary(schemeStartsOn), partnerName: null });
	}
	return reminders;
}
