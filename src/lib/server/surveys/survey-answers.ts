import { eq, lte } from 'drizzle-orm';
import { ratingQuestions, type CheckpointDefinition } from '$lib/domain/survey';
import { notAfter } from '$lib/domain/timestamp';
import type { SurveyAnswerPayload } from '$lib/protocol/survey-protocol';
import type { Database } from '../db/open-database';
import { surveyResponses } from '../db/schema';
import type { DeviceIdentity } from '../devices';
import { memberPair, notInPair } from '../pair-membership';
import { refused, type Outcome } from '../refusals';
import { withinRate } from '../write-rate';
import { surveyDefinitionsOf } from './survey-settings';

export type SurveyAnswerOutcome = 'saved' | 'stale';

/** An answer to a question the check-in does not ask: a device built it against old settings. */
const notAsked = (field: string) => refused('invalid', field, 'is not asked at this check-in');

/** Only what the scheme's check-in asks may be answered; anything else is refused by name. */
function checkAgainst(definition: CheckpointDefinition, a: SurveyAnswerPayload) {
	const asked = new Set(definition.questions);
	for (const question of ratingQuestions) {
		if (a.ratings[question] !== null && !asked.has(question)) {
			return notAsked(`ratings.${question}`);
		}
	}
	if (a.again !== null && !asked.has('again')) return notAsked('again');
	if (a.outcomes.length > 0 && !asked.has('outcomes')) return notAsked('outcomes');
	return null;
}

/**
 * Stores a person's answers to one check-in about one of their pairs. One row per person, pair
 * and check-in: a copy written later replaces it, an earlier one (a late retry, another of
 * their devices) changes nothing and answers 'stale'.
 */
export async function saveSurveyAnswer(
	db: Database,
	who: DeviceIdentity,
	answer: SurveyAnswerPayload,
	now = new Date()
): Promise<Outcome<SurveyAnswerOutcome>> {
	const pair = await memberPair(db, who, answer.pair);
	if (!pair) return notInPair;
	const rate = await withinRate(db, who, 'check-in-answers-per-day', now);
	if (!rate.ok) return rate;
	const definitions = await surveyDefinitionsOf(db, who.schemeId);
	const definition = definitions.find(
		(d) => d.checkpoint === answer.checkpoint && d.questions.length > 0
	);
	if (!definition) return refused('invalid', 'checkpoint', 'is not one of the scheme’s check-ins');
	const wrong = checkAgainst(definition, answer);
	if (wrong) return wrong;

	// A clock running ahead must not make this copy win against every later one.
	const answeredAt = notAfter(new Date(answer.answeredAt), now);
	const [taken] = await db
		.select({ participantId: surveyResponses.participantId, pairId: surveyResponses.pairId })
		.from(surveyResponses)
		.where(eq(surveyResponses.id, answer.id));
	if (taken && (taken.participantId !== who.participantId || taken.pairId !== answer.pair)) {
		return refused('invalid', 'id', 'is already used');
	}
	const row = {
		id: answer.id,
		answeredAt,
		...answer.ratings,
		again: answer.again,
		outcomes: answer.outcomes,
		comment: answer.comment,
		receivedAt: now
	};
	// A retry of the same copy writes the same values again: harmless, and still 'saved'.
	const saved = await db
		.insert(surveyResponses)
		.values({
			...row,
			schemeId: who.schemeId,
			pairId: answer.pair,
			participantId: who.participantId,
			role: who.role,
			checkpoint: answer.checkpoint
		})
		.onConflictDoUpdate({
			target: [surveyResponses.participantId, surveyResponses.pairId, surveyResponses.checkpoint],
			set: row,
			setWhere: lte(surveyResponses.answeredAt, answeredAt)
		})
		.returning({ id: surveyResponses.id });
	return { ok: true, value: saved.length > 0 ? 'saved' : 'stale' };
}
