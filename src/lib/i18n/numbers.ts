import { getLocale } from '$lib/paraglide/runtime.js';

/** Hours from minutes, to one decimal place, in the reader's own number style. */
export function formatHours(minutes: number): string {
	const locale = getLocale() === 'cy' ? 'cy' : 'en-GB';
	return new Intl.NumberFormat(locale, { maximumFractionDigits: 1 }).format(minutes / 60);
}

/** A size in bytes as people read it: 840 KB, 2.4 MB. */
export function formatSize(bytes: number): string {
	const locale = getLocale() === 'cy' ? 'cy' : 'en-GB';
	const [value, unit] =
		bytes >= 1_000_000 ? [bytes / 1_000_000, 'MB'] : [Math.max(1, Math.round(bytes / 1_000)), 'KB'];
	return `${new Intl.NumberFormat(locale, { maximumFractionDigits: 1 }).format(value)} ${unit}`;
}
