import * as v from 'valibot';
import { limits } from '$lib/domain/limits';
import { metricsPayloadVersion } from './metrics-version';
import { wireDay, wireId, wireTimestamp } from './wire-fields';

/**
 * The only thing a device will send the scheme about a pair: counts, dates, durations and
 * enums. One schema for both sides: the device builds its payload against it and the server
 * refuses anything else, naming the field. No field may ever hold free text.
 */
export { metricsPayloadVersion };

const count = v.pipe(
	v.number(),
	v.integer('must be a whole number'),
	v.minValue(0, 'must not be negative'),
	v.maxValue(100_000, 'is too large')
);
const week = v.pipe(
	v.string(),
	v.regex(/^20\d{2}-W(0[1-9]|[1-4]\d|5[0-3])$/, 'must be an ISO week (YYYY-Www) in 2000 to 2099')
);

export const metricsPayload = v.strictObject({
	/** Chosen by the device for this upload: a retried upload with the same id counts once. */
	uploadId: wireId,
	version: v.literal(metricsPayloadVersion),
	generatedAt: wireTimestamp,
	pair: wireId,
	sessionsHeld: v.pipe(
		v.array(
			v.strictObject({
				on: wireDay,
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
	agreementOn: v.nullable(wireDay),
	lastActivityOn: v.nullable(wireDay)
});

export type MetricsPayload = v.InferOutput<typeof metricsPayload>;
