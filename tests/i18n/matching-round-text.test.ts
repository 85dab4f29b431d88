import { afterEach, describe, expect, it } from 'vitest';
import {
	mentorAvailabilityText,
	returnedText,
	swapProblemText,
	unmatchedReasonText,
	type EndedProposal
} from '$lib/i18n/matching-round-text';
import { getLocale, overwriteGetLocale } from '$lib/paraglide/runtime.js';

const english = getLocale;
const ended = (overrides: Partial<EndedProposal>): EndedProposal => ({
	status: 'declined',
	declinedBy: 'mentee',
	declineReason: 'timing',
	respondBy: null,
	...overrides
});

describe('the words for a matching round', () => {
	afterEach(() => overwriteGetLocale(english));

	it('says who sent a proposal back to the pool, and why', () => {
		expect(returnedText(ended({}))).toBe('Declined by the mentee: Not the right time');
		expect(returnedText(ended({ declinedBy: 'mentor', declineReason: 'know-each-other' }))).toBe(
			'Declined by the mentor: We know each other too well'
		);
		const lapsed = returnedText(
			ended({ status: 'timed-out', declinedBy: 'mentor', respondBy: '2026-12-03T10:00:00Z' })
		);
		expect(lapsed).toMatch(/^No answer from the mentor by .*3 Dec 2026/);
		expect(returnedText(ended({ status: 'withdrawn', declinedBy: 'mentee' }))).toBe(
			'The mentee withdrew from matching'
		);
		overwriteGetLocale(() => 'cy');
		expect(returnedText(ended({}))).toBe("Gwrthodwyd gan y mentorai: Nid yw'n amser addas");
	});

	it('names every reason a mentee was left unmatched or a mentor cannot be proposed', () => {
		for (const reason of [
			'no-allowed-mentor',
			'no-capacity',
			'below-minimum-fit',
			'left-for-better-fit'
		] as const)
			expect(unmatchedReasonText(reason)).not.toBe('');
		expect(mentorAvailabilityText(null)).toBe('Available');
		expect(mentorAvailabilityText('untrained')).toBe('Training not recorded');
		expect(mentorAvailabilityText('not-published')).toBe('No pen picture published');
	});

	it('says why a swap was refused', () => {
		expect(swapProblemText('no-capacity')).toBe('That mentor has no free place.');
		expect(swapProblemText('required')).toBe('This cannot be empty.');
	});
});
