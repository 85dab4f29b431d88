import { describe, expect, it } from 'vitest';
import { journalInput, pairInput, sessionScheduleInput } from '$lib/domain/form-inputs';
import { check } from '$lib/domain/validation';

describe('form validation', () => {
	it('names the empty field', () => {
		const r = check(journalInput, { entryDate: '2026-11-23', body: '   ' });
		expect(r).toEqual({ ok: false, problems: { body: 'required' } });
	});

	it('refuses 100,000 characters of text', () => {
		const r = check(journalInput, { entryDate: '2026-11-23', body: 'x'.repeat(100_000) });
		expect(r).toEqual({ ok: false, problems: { body: 'too_long' } });
	});

	it('refuses a date that does not exist', () => {
		const r = check(journalInput, { entryDate: '2026-02-30', body: 'Note' });
		expect(r).toEqual({ ok: false, problems: { entryDate: 'invalid_date' } });
	});

	it('refuses an end before the start', () => {
		const r = check(pairInput, {
			partnerName: 'Rhian',
			startedOn: '2026-11-23',
			endsOn: '2026-05-01'
		});
		expect(r).toEqual({ ok: false, problems: { endsOn: 'end_before_start' } });
	});

	it('reports every bad field of a session at once', () => {
		const r = check(sessionScheduleInput, {
			date: '2026-11-31',
			time: '25:00',
			plannedMinutes: 10_000,
			mode: 'carrier pigeon',
			place: ''
		});
		expect(r).toEqual({
			ok: false,
			problems: {
				date: 'invalid_date',
				time: 'invalid_time',
				plannedMinutes: 'out_of_range',
				mode: 'invalid_choice'
			}
		});
	});

	it('trims, lower-cases and de-duplicates tags', () => {
		const r = check(journalInput, {
			entryDate: '2026-11-23',
			body: 'Note',
			tags: ['Media', 'media ', '']
		});
		expect(r.ok && r.value.tags).toEqual(['media']);
	});
});
