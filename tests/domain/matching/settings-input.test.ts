import { describe, expect, it } from 'vitest';
import {
	defaultMatchingSettings,
	matchingSettingsFormValues,
	matchingSettingsInput,
	matchingSettingsLimits
} from '$lib/domain/matching/settings-input';
import { check } from '$lib/domain/validation';
import { publicationLimits } from '$lib/protocol/publication-protocol';

const form = (overrides: Record<string, string> = {}) => ({
	...matchingSettingsFormValues(defaultMatchingSettings()),
	...overrides
});

describe('the matching settings form', () => {
	it('round-trips the defaults through the form', () => {
		expect(check(matchingSettingsInput, form())).toEqual({
			ok: true,
			value: defaultMatchingSettings()
		});
	});

	it('reads one list entry a line, dropping blanks and repeats', () => {
		const r = check(
			matchingSettingsInput,
			form({
				audience: 'officers',
				areas: 'leadership\r\n\n  Budget   setting \nleadership',
				serviceAreas: 'Housing\nPlanning',
				groups: ''
			})
		);
		expect(r).toMatchObject({
			ok: true,
			value: {
				audience: 'officers',
				areas: ['leadership', 'Budget setting'],
				serviceAreas: ['Housing', 'Planning'],
				groups: []
			}
		});
	});

	it('treats an unticked checkbox, which the browser does not send, as off', () => {
		const { genderPreferences, requireTraining, ...rest } = form({ genderPreferences: 'on' });
		expect(genderPreferences).toBe('on');
		expect(requireTraining).toBe('on');
		const r = check(matchingSettingsInput, { ...rest, genderPreferences });
		expect(r).toMatchObject({
			ok: true,
			value: { genderPreferences: true, requireTraining: false }
		});
	});

	it('names each field that is wrong, by its form name', () => {
		const r = check(
			matchingSettingsInput,
			form({
				audience: 'everyone',
				areas: ' \n ',
				groups: 'x'.repeat(81),
				weightRole: '11',
				weightGroup: '',
				groupRule: 'whatever',
				formerMemberMonths: '61',
				minimumFit: '1.5',
				consentDays: '0'
			})
		);
		expect(r).toEqual({
			ok: false,
			problems: {
				audience: 'invalid_choice',
				areas: 'required',
				groups: 'too_long',
				weightRole: 'out_of_range',
				weightGroup: 'required',
				groupRule: 'invalid_choice',
				formerMemberMonths: 'out_of_range',
				minimumFit: 'out_of_range',
				consentDays: 'out_of_range'
			}
		});
	});

	it('refuses more entries than a device could show', () => {
		const many = Array.from({ length: 41 }, (_, i) => `Area ${i}`).join('\n');
		expect(check(matchingSettingsInput, form({ areas: many }))).toEqual({
			ok: false,
			problems: { areas: 'too_long' }
		});
	});

	it('allows list entries exactly as long as a publication may name', () => {
		expect(matchingSettingsLimits.listEntry).toBe(publicationLimits.listEntry);
	});
});
