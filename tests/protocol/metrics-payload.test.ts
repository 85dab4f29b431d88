import { describe, expect, it } from 'vitest';
import { metricsPayload, type MetricsPayload } from '$lib/protocol/metrics-payload';
import { checkWire } from '$lib/protocol/wire-check';

const valid: MetricsPayload = {
	uploadId: '6f1c3a52-8a52-4f0e-9f55-0e2b7b1c9d10',
	version: 1,
	generatedAt: '2026-11-23T10:00:00.000Z',
	pair: '0b7d2c4e-2f1a-4c55-8d7e-3c9a1b2d4e5f',
	sessionsHeld: [{ on: '2026-11-20', minutes: 45 }],
	sessionsScheduled: 1,
	agendaItemsRaised: 3,
	agendaItemsDiscussed: 1,
	goalsSet: 2,
	goalsAchieved: 0,
	goalsDropped: 0,
	actionsOpen: 1,
	actionsDone: 0,
	winsByWeek: [{ week: '2026-W47', wins: 1 }],
	agreementOn: '2026-06-08',
	lastActivityOn: '2026-11-20'
};

describe('the metrics payload schema', () => {
	it('accepts a well-formed payload', () => {
		expect(checkWire(metricsPayload, valid)).toEqual({ ok: true, value: valid });
	});

	it.each([
		['an unknown key', { ...valid, notes: 'hello' }, 'notes'],
		['a string where a number belongs', { ...valid, goalsSet: '2' }, 'goalsSet'],
		[
			'10,000 minutes in a session',
			{ ...valid, sessionsHeld: [{ on: '2026-11-20', minutes: 10_000 }] },
			'sessionsHeld.0.minutes'
		],
		[
			'text smuggled into a session',
			{ ...valid, sessionsHeld: [{ on: '2026-11-20', minutes: 45, title: 'x' }] },
			'sessionsHeld.0.title'
		],
		['a date that does not exist', { ...valid, agreementOn: '2026-02-30' }, 'agreementOn'],
		['a negative count', { ...valid, actionsOpen: -1 }, 'actionsOpen'],
		['a missing upload id', { ...valid, uploadId: undefined }, 'uploadId'],
		[
			'a week that is not a week',
			{ ...valid, winsByWeek: [{ week: 'W47', wins: 1 }] },
			'winsByWeek.0.week'
		],
		['a week 60', { ...valid, winsByWeek: [{ week: '2026-W60', wins: 1 }] }, 'winsByWeek.0.week'],
		['a day in year 9999', { ...valid, lastActivityOn: '9999-12-31' }, 'lastActivityOn'],
		['a day in year 0000', { ...valid, agreementOn: '0000-01-01' }, 'agreementOn'],
		[
			'a timestamp with a spaced offset',
			{ ...valid, generatedAt: '2026-01-01T00:00:00 +01' },
			'generatedAt'
		],
		['a timestamp in year 0000', { ...valid, generatedAt: '0000-01-01T00:00:00Z' }, 'generatedAt'],
		['the 31st of February', { ...valid, generatedAt: '2026-02-31T00:00:00Z' }, 'generatedAt'],
		['a timestamp in year 9999', { ...valid, generatedAt: '9999-12-31T23:59:59Z' }, 'generatedAt'],
		['a NUL in a string', { ...valid, uploadId: 'a\u0000b' }, 'uploadId'],
		['a lone surrogate in a key', { ...valid, ['x\ud800']: 1 }, '(a key)']
	])('refuses %s, naming the field', (_, input, field) => {
		const result = checkWire(metricsPayload, input);
		expect(result.ok).toBe(false);
		expect(!result.ok && result.field).toBe(field);
	});

	it('refuses what is not an object at all', () => {
		expect(checkWire(metricsPayload, 'hello')).toMatchObject({ ok: false, field: 'body' });
		expect(checkWire(metricsPayload, null)).toMatchObject({ ok: false, field: 'body' });
	});
});
