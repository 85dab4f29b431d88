// Check-in questionnaires: the ratings people send, with comments only when shared.
import {
	index,
	integer,
	jsonb,
	pgTable,
	text,
	timestamp,
	uniqueIndex,
	uuid
} from 'drizzle-orm/pg-core';
// Relative paths: drizzle-kit reads these files without SvelteKit's $lib alias.
import { againAnswers, checkpoints } from '../../../domain/survey';
import type { CheckpointDefinition, Outcome } from '../../../domain/survey';
import { schemes, participants } from './people';
import { pairs } from './pairs';

/** A scheme's check-ins (when each falls due, what it asks); defaults until changed. */
export const schemeSurveySettings = pgTable('scheme_survey_settings', {
	schemeId: uuid('scheme_id')
		.primaryKey()
		.references(() => schemes.id, { onDelete: 'cascade' }),
	definitions: jsonb('definitions').$type<CheckpointDefinition[]>().notNull(),
	updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow()
});

/**
 * One person's answers to one check-in about one pair: ratings and options, and a comment only
 * if they chose to share it. One row per person, pair and check-in; a later copy replaces it.
 */
export const surveyResponses = pgTable(
	'survey_responses',
	{
		id: uuid('id').primaryKey(),
		schemeId: uuid('scheme_id')
			.notNull()
			.references(() => schemes.id, { onDelete: 'cascade' }),
		pairId: uuid('pair_id')
			.notNull()
			.references(() => pairs.id, { onDelete: 'cascade' }),
		participantId: uuid('participant_id')
			.notNull()
			.references(() => participants.id, { onDelete: 'cascade' }),
		role: text('role', { enum: ['mentor', 'mentee'] }).notNull(),
		checkpoint: text('checkpoint', { enum: checkpoints }).notNull(),
		answeredAt: timestamp('answered_at', { withTimezone: true }).notNull(),
		confidence: integer('confidence'),
		goalProgress: integer('goal_progress'),
		relationship: integer('relationship'),
		meetingsUseful: integer('meetings_useful'),
		again: text('again', { enum: againAnswers }),
		outcomes: jsonb('outcomes').$type<Outcome[]>().notNull(),
		comment: text('comment'),
		receivedAt: timestamp('received_at', { withTimezone: true }).notNull().defaultNow()
	},
	(t) => [
		uniqueIndex('survey_responses_one').on(t.participantId, t.pairId, t.checkpoint),
		index('survey_responses_scheme').on(t.schemeId, t.checkpoint)
	]
);
