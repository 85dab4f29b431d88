import { afterEach, describe, expect, it, vi } from 'vitest';

const locale = vi.hoisted(() => ({ current: 'en' }));
vi.mock('$lib/paraglide/runtime.js', () => ({ getLocale: () => locale.current }));

const { formatDate } = await import('$lib/i18n/format');

describe('date formatting', () => {
	afterEach(() => vi.restoreAllMocks());

	it('writes English dates the British way', () => {
		locale.current = 'en';
		expect(formatDate('2026-11-23')).toBe('Mon, 23 Nov 2026');
	});

	it('keeps Welsh dates Welsh even where the browser has no Welsh date data', async () => {
		locale.current = 'cy';
		vi.spyOn(Intl.DateTimeFormat, 'supportedLocalesOf').mockReturnValue([]);
		vi.resetModules();
		const fresh = await import('$lib/i18n/format');
		expect(fresh.formatDate('2026-11-23')).toBe('Llun 23 Tach 2026');
		expect(fresh.formatDateTime('2026-12-03T10:30')).toBe('Iau 3 Rhag, 10:30');
	});
});
