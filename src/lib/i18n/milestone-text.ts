import { daysUntil, type MilestoneKind } from '$lib/domain/milestones';
import type { CalendarDate } from '$lib/domain/calendar-date';
import { m } from '$lib/paraglide/messages.js';

export function milestoneText(kind: MilestoneKind): string {
	switch (kind) {
		case 'scheme-start':
			return m.milestone_scheme_start();
		case 'pilot-end':
			return m.milestone_pilot_end();
		case 'review':
			return m.milestone_review();
		case 'scheme-anniversary':
			return m.milestone_scheme_anniversary();
	}
}

/** How far a date is from today, in words: "in 3 days", "yesterday". */
export function fromTodayText(on: CalendarDate, today: CalendarDate): string {
	const days = daysUntil(on, today);
	if (days === 0) return m.milestone_today();
	if (days === 1) return m.milestone_tomorrow();
	if (days === -1) return m.milestone_yesterday();
	return days > 0 ? m.milestone_in_days({ days }) : m.milestone_days_ago({ days: -days });
}
