import { getLocale } from '$lib/paraglide/runtime.js';
import { fromCalendarDate, fromLocalDateTime } from '$lib/domain/calendar-date';

/** Welsh dates read best with the cy locale; English ones in the British style. */
function intlLocale(): string {
	return getLocale() === 'cy' ? 'cy' : 'en-GB';
}

export function formatDate(date: string): string {
	return new Intl.DateTimeFormat(intlLocale(), {
		weekday: 'short',
		day: 'numeric',
		month: 'short',
		year: 'numeric'
	}).format(fromCalendarDate(date));
}

export function formatDateTime(localDateTime: string): string {
	return new Intl.DateTimeFormat(intlLocale(), {
		weekday: 'short',
		day: 'numeric',
		month: 'short',
		hour: '2-digit',
		minute: '2-digit'
	}).format(fromLocalDateTime(localDateTime));
}

export function formatTimestamp(iso: string): string {
	return new Intl.DateTimeFormat(intlLocale(), { dateStyle: 'medium', timeStyle: 'short' }).format(
		new Date(iso)
	);
}
