import { getLocale } from '$lib/paraglide/runtime.js';
import { fromCalendarDate, fromLocalDateTime } from '$lib/domain/calendar-date';

type Style = 'date' | 'dateTime' | 'timestamp';

const options: Record<Style, Intl.DateTimeFormatOptions> = {
	date: { weekday: 'short', day: 'numeric', month: 'short', year: 'numeric' },
	dateTime: {
		weekday: 'short',
		day: 'numeric',
		month: 'short',
		hour: '2-digit',
		minute: '2-digit'
	},
	timestamp: { dateStyle: 'medium', timeStyle: 'short' }
};

// Some browsers ship without Welsh date data (Debian's Chromium among them) and would fall
// back to American English; these names keep Welsh dates Welsh there.
const welshDays = ['Sul', 'Llun', 'Maw', 'Mer', 'Iau', 'Gwen', 'Sad'];
const welshMonths = [
	'Ion',
	'Chwef',
	'Maw',
	'Ebr',
	'Mai',
	'Meh',
	'Gorff',
	'Awst',
	'Medi',
	'Hyd',
	'Tach',
	'Rhag'
];

function welsh(style: Style, d: Date): string {
	const time = `${String(d.getHours()).padStart(2, '0')}:${String(d.getMinutes()).padStart(2, '0')}`;
	const day = `${d.getDate()} ${welshMonths[d.getMonth()]}`;
	switch (style) {
		case 'date':
			return `${welshDays[d.getDay()]} ${day} ${d.getFullYear()}`;
		case 'dateTime':
			return `${welshDays[d.getDay()]} ${day}, ${time}`;
		case 'timestamp':
			return `${day} ${d.getFullYear()}, ${time}`;
	}
}

// Building an Intl formatter costs far more than using one, and lists format hundreds of dates.
const formatters = new Map<string, Intl.DateTimeFormat | null>();

function format(style: Style, d: Date): string {
	// Welsh dates read best with the cy locale; English ones in the British style.
	const locale = getLocale() === 'cy' ? 'cy' : 'en-GB';
	const key = `${locale}:${style}`;
	let f = formatters.get(key);
	if (f === undefined) {
		f =
			Intl.DateTimeFormat.supportedLocalesOf(locale).length > 0
				? new Intl.DateTimeFormat(locale, options[style])
				: null;
		formatters.set(key, f);
	}
	return f ? f.format(d) : locale === 'cy' ? welsh(style, d) : d.toLocaleString();
}

export function formatDate(date: string): string {
	return format('date', fromCalendarDate(date));
}

export function formatDateTime(localDateTime: string): string {
	return format('dateTime', fromLocalDateTime(localDateTime));
}

export function formatTimestamp(iso: string): string {
	return format('timestamp', new Date(iso));
}
