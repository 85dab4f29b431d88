import { getLocale } from '$lib/paraglide/runtime.js';
import { fromCalendarDate, fromLocalDateTime } from '$lib/domain/calendar-date';

const styles = {
	date: { weekday: 'short', day: 'numeric', month: 'short', year: 'numeric' },
	dateTime: {
		weekday: 'short',
		day: 'numeric',
		month: 'short',
		hour: '2-digit',
		minute: '2-digit'
	},
	timestamp: { dateStyle: 'medium', timeStyle: 'short' }
} satisfies Record<string, Intl.DateTimeFormatOptions>;

// Building an Intl formatter costs far more than using one, and lists format hundreds of dates.
const formatters = new Map<string, Intl.DateTimeFormat>();

function formatter(style: keyof typeof styles): Intl.DateTimeFormat {
	// Welsh dates read best with the cy locale; English ones in the British style.
	const locale = getLocale() === 'cy' ? 'cy' : 'en-GB';
	const key = `${locale}:${style}`;
	let f = formatters.get(key);
	if (!f) {
		f = new Intl.DateTimeFormat(locale, styles[style]);
		formatters.set(key, f);
	}
	return f;
}

export function formatDate(date: string): string {
	return formatter('date').format(fromCalendarDate(date));
}

export function formatDateTime(localDateTime: string): string {
	return formatter('dateTime').format(fromLocalDateTime(localDateTime));
}

export function formatTimestamp(iso: string): string {
	return formatter('timestamp').format(new Date(iso));
}
