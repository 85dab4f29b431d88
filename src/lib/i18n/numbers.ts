import { getLocale } from '$lib/paraglide/runtime.js';

/** Hours from minutes, to one decimal place, in the reader's own number style. */
export function formatHours(minutes: number): string {
	const locale = getLocale() === 'cy' ? 'cy' : 'en-GB';
	return new Intl.NumberFormat(locale, { maximumFractionDigits: 1 }).format(minutes / 60);
}
