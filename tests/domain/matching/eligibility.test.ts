import { describe, expect, it } from 'vitest';
import { mentorUnavailability } from '$lib/domain/matching';
import { mentor, settings } from './matching-builders';

const today = '2026-06-01';

describe('whether a mentor takes part in a run', () => {
	it('takes a trained mentor with a place left', () => {
		expect(mentorUnavailability(mentor('m', { capacity: 2, load: 1 }), settings(), today)).toBe(
			null
		);
	});

	it('leaves out a mentor with no place left, or who set their capacity to 0', () => {
		expect(mentorUnavailability(mentor('m', { capacity: 2, load: 2 }), settings(), today)).toBe(
			'no-capacity'
		);
		expect(mentorUnavailability(mentor('m', { capacity: 0 }), settings(), today)).toBe(
			'no-capacity'
		);
	});

	it('asks for recorded training only where the scheme does, and not dated in the future', () => {
		const training = settings({ requireTraining: true });
		expect(mentorUnavailability(mentor('m', { trainedOn: null }), training, today)).toBe(
			'untrained'
		);
		expect(mentorUnavailability(mentor('m', { trainedOn: '2026-06-02' }), training, today)).toBe(
			'untrained'
		);
		expect(mentorUnavailability(mentor('m', { trainedOn: today }), training, today)).toBe(null);
		expect(mentorUnavailability(mentor('m', { trainedOn: null }), settings(), today)).toBe(null);
	});

	it('keeps a former member for the months the scheme allows, up to the day', () => {
		const rules = settings({ formerMemberMonths: 12 });
		const stepped = (formerMemberSince: string) => mentor('m', { formerMemberSince });
		expect(mentorUnavailability(stepped('2025-06-01'), rules, today)).toBe(null);
		expect(mentorUnavailability(stepped('2025-05-31'), rules, today)).toBe(
			'former-member-period-over'
		);
		expect(
			mentorUnavailability(stepped('2025-05-31'), settings({ formerMemberMonths: 13 }), today)
		).toBe(null);
	});
});
