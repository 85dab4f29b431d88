import { describe, expect, it } from 'vitest';
import {
	checkInDueOn,
	checkInWindows,
	defaultSurveyDefinitions,
	openCheckIns,
	type CheckpointDefinition
} from '$lib/domain/survey';
import { readSurveySettings, surveySettingsFormValues } from '$lib/domain/survey-settings-input';

const pair = { startsOn: '2026-01-31', endsOn: null };

describe('check-ins', () => {
	it('fall due months after the start, at the end of short months', () => {
		const [baseline, midpoint, end, followUp] = defaultSurveyDefinitions;
		expect(checkInDueOn(baseline!, pair)).toBe('2026-01-31');
		expect(checkInDueOn(midpoint!, pair)).toBe('2026-04-30');
		expect(checkInDueOn(end!, pair)).toBe('2026-07-31');
		expect(checkInDueOn(followUp!, pair)).toBe('2027-01-31');
	});

	it('ask the end check-in on the pair’s own end date when it has one', () => {
		const [, , end] = defaultSurveyDefinitions;
		expect(checkInDueOn(end!, { ...pair, endsOn: '2026-06-15' })).toBe('2026-06-15');
	});

	it('stay open until the day before the next, the last for sixty days', () => {
		expect(checkInWindows(defaultSurveyDefinitions, pair)).toEqual([
			expect.objectContaining({
				checkpoint: 'baseline',
				opensOn: '2026-01-31',
				closesOn: '2026-04-29'
			}),
			expect.objectContaining({
				checkpoint: 'midpoint',
				opensOn: '2026-04-30',
				closesOn: '2026-07-30'
			}),
			expect.objectContaining({ checkpoint: 'end', opensOn: '2026-07-31', closesOn: '2027-01-30' }),
			expect.objectContaining({
				checkpoint: 'follow-up',
				opensOn: '2027-01-31',
				closesOn: '2027-04-01'
			})
		]);
	});

	it('leave out a check-in that asks nothing, and never overlap when an end comes early', () => {
		const defs: CheckpointDefinition[] = defaultSurveyDefinitions.map((d) =>
			d.checkpoint === 'midpoint' ? { ...d, questions: [] } : d
		);
		const windows = checkInWindows(defs, { startsOn: '2026-01-31', endsOn: '2026-02-15' });
		expect(windows.map((w) => w.checkpoint)).toEqual(['baseline', 'end', 'follow-up']);
		expect(windows[0]).toMatchObject({ opensOn: '2026-01-31', closesOn: '2026-02-14' });
		expect(openCheckIns(windows, '2026-02-14').map((w) => w.checkpoint)).toEqual(['baseline']);
		expect(openCheckIns(windows, '2026-02-15').map((w) => w.checkpoint)).toEqual(['end']);
		expect(openCheckIns(windows, '2030-01-01')).toEqual([]);
	});
});

describe('the check-in settings form', () => {
	it('round-trips the defaults', () => {
		const values = surveySettingsFormValues(defaultSurveyDefinitions);
		expect(readSurveySettings(values)).toEqual({ ok: true, value: defaultSurveyDefinitions });
	});

	it('turns a check-in off when it asks nothing', () => {
		const values = surveySettingsFormValues(defaultSurveyDefinitions);
		for (const key of Object.keys(values)) if (key.startsWith('ask.midpoint.')) delete values[key];
		const read = readSurveySettings(values);
		expect(read.ok && read.value.find((d) => d.checkpoint === 'midpoint')?.questions).toEqual([]);
	});

	it('names each month field that is missing, out of range or out of order', () => {
		const values = surveySettingsFormValues(defaultSurveyDefinitions);
		expect(readSurveySettings({ ...values, 'months.midpoint': '' })).toEqual({
			ok: false,
			problems: { 'months.midpoint': 'required' }
		});
		expect(readSurveySettings({ ...values, 'months.end': '2' })).toEqual({
			ok: false,
			problems: { 'months.end': 'out_of_range' }
		});
		expect(readSurveySettings({ ...values, 'months.follow-up': '37' })).toEqual({
			ok: false,
			problems: { 'months.follow-up': 'out_of_range' }
		});
		expect(readSurveySettings({ ...values, 'months.midpoint': '2.5' })).toMatchObject({
			ok: false
		});
	});
});
