import * as v from 'valibot';
import { isCalendarDate } from '$lib/domain/calendar-date';
import { limits } from '$lib/domain/limits';
import { metricsPayloadVersion } from './metrics-version';

/**
 * The only thing a device will send the scheme about a pair: counts, dates, durations and
 * enums. One schema for both sides: the device builds its payload against it and the server
 * refuses anything else, naming the field. No field may ever hold free text.
 */
export { metricsPayloadVersion };

const day = v.pipe(v.string(), v.check(isCalendarDate, 'must be a date (YYYY-MM-DD)'));
const count = v.pipe(
	v.number(),
	v.integer('must be a whole number'),
	v.minValue(0, 'must not be negative'),
	v.maxValue(100_000, 'is too large')
);
const week = v.pipe(v.string(), v.regex(/^\d{4}-W\d{2}$/, 'must be an ISO week (YYYY-Www)'));

export const metricsPayload = v.strictObject({
	/** Chosen by the device for this upload: a retried upload with the same id counts once. */
	uploadId: v.pipe(v.string(), v.uuid('must be a UUID')),
	version: v.literal(metricsPayloadVersion),
	generatedAt: v.pipe(v.string(), v.isoTimestamp('must be an ISO timestamp')),
	pair: v.pipe(v.string(), v.uuid('must be a UUID')),
	sessionsHeld: v.pipe(
		v.array(
			v.strictObject({
				on: day,
				minutes: v.pipe(
					v.number(),
					v.integer('must be a whole number'),
					v.minValue(limits.sessionMinutes.min, 'is too short'),
					v.maxValue(limits.sessionMinutes.max, 'is longer than any session')
				)
			})
		),
		v.maxLength(1_000, 'has too many sessions')
	),
	sessionsScheduled: count,
	agendaItemsRaised: count,
	agendaItemsDiscussed: count,
	goalsSet: count,
	goalsAchieved: count,
	goalsDropped: count,
	actionsOpen: count,
	actionsDone: count,
	winsByWeek: v.pipe(
		v.array(v.strictObject({ week, wins: count })),
		v.maxLength(520, 'covers too many weeks')
	),
	agreementOn: v.nullable(day),
	lastActivityOn: v.nullable(day)
});

export type MetricsPayload = v.InferOutput<typeof metricsPayload>;

export type MetricsCheck =
	{ ok: true; payload: MetricsPayload } | { ok: false; field: string; problem: string };

/** Checks a payload, naming the first field that is wrong (for an HTTP 400 or a test). */
export function checkMetricsPayload(input: unknown): MetricsCheck {
	const result = v.safeParse(metricsPayload, input, { abortEarly: true });
	if (result.success) return { ok: true, payload: result.output };
	const issue = result.issues[0];
	const field = v.getDotPath(issue) ?? 'payload';
	return { ok: false, field, problem: issue.message };
}
