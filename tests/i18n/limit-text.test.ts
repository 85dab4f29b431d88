import { describe, expect, it } from 'vitest';
import { storageLimitNames } from '$lib/domain/storage-limit';
import { limitProblemText } from '$lib/i18n/limit-text';
import { overwriteGetLocale } from '$lib/paraglide/runtime.js';

const words = (locale: 'en' | 'cy', problem: Parameters<typeof limitProblemText>[0]) => {
	overwriteGetLocale(() => locale);
	return limitProblemText(problem);
};

describe('the words for a limit the scheme’s server met', () => {
	it.each(storageLimitNames)(
		'say what %s is and what happens next, in English and Welsh',
		(limit) => {
			const held = { kind: 'limit', limit, max: 200, retryAt: null } as const;
			const later = { ...held, retryAt: '2026-12-07T15:30:00.000Z' };
			for (const locale of ['en', 'cy'] as const) {
				for (const problem of [held, later]) {
					const text = words(locale, problem);
					expect(text).not.toMatch(/[{}]|undefined|null/);
					expect(text.length).toBeGreaterThan(40);
				}
			}
			expect(words('cy', held)).not.toBe(words('en', held));
			expect(words('en', later)).toContain('sent again after');
			expect(words('en', held)).toContain('Nothing is lost');
		}
	);
});
