// Pairs and the progress metrics their devices report: counts and dates, never words.
import {
	date,
	index,
	integer,
	jsonb,
	pgTable,
	primaryKey,
	text,
	timestamp,
	uuid
} from 'drizzle-orm/pg-core';
import { createdAt } from './columns';
import { schemes, participants } from './people';

export const pairStatuses = ['active', 'paused', 'ended'] as const;

export const pairs = pgTable(
	'pairs',
	{
		id: uuid('id').primaryKey().defaultRandom(),
		schemeId: uuid('scheme_id')
			.notNull()
			.references(() => schemes.id, { onDelete: 'cascade' }),
		mentorId: uuid('mentor_id')
			.notNull()
			.references(() => participants.id, { onDelete: 'cascade' }),
		menteeId: uuid('mentee_id')
			.notNull()
			.references(() => participants.id, { onDelete: 'cascade' }),
		startsOn: date('starts_on').notNull(),
		endsOn: date('ends_on'),
		status: text('status', { enum: pairStatuses }).notNull().default('active'),
		createdAt: createdAt(),
		updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow()
	},
	(t) => [
		index('pairs_scheme').on(t.schemeId),
		index('pairs_mentor').on(t.mentorId),
		index('pairs_mentee').on(t.menteeId)
	]
);

/**
 * The latest progress report from each member of a pair: counts, dates and lengths only. The
 * two lists are stored as the payload had them (already checked by its schema), one row per
 * report, so an upload is a single upsert; SQL reads them with jsonb_array_elements.
 */
export const pairReports = pgTable(
	'pair_reports',
	{
		pairId: uuid('pair_id')
			.notNull()
			.references(() => pairs.id, { onDelete: 'cascade' }),
		participantId: uuid('participant_id')
			.notNull()
			.references(() => participants.id, { onDelete: 'cascade' }),
		generatedAt: timestamp('generated_at', { withTimezone: true }).notNull(),
		/**
		 * The device's id for the upload this report came in: the same upload again changes
		 * nothing, and an older one is stale. One row per member, so nothing grows with retries.
		 */
		uploadId: uuid('upload_id'),
		sessionsHeld: jsonb('sessions_held').$type<{ on: string; minutes: number }[]>().notNull(),
		sessionsScheduled: integer('sessions_scheduled').notNull(),
		agendaItemsRaised: integer('agenda_items_raised').notNull(),
		agendaItemsDiscussed: integer('agenda_items_discussed').notNull(),
		goalsSet: integer('goals_set').notNull(),
		goalsAchieved: integer('goals_achieved').notNull(),
		goalsDropped: integer('goals_dropped').notNull(),
		actionsOpen: integer('actions_open').notNull(),
		actionsDone: integer('actions_done').notNull(),
		winsByWeek: jsonb('wins_by_week').$type<{ week: string; wins: number }[]>().notNull(),
		agreementOn: date('agreement_on'),
		lastActivityOn: date('last_activity_on')
	},
	(t) => [primaryKey({ columns: [t.pairId, t.participantId] })]
);

/** Both members' reports merged, kept current on every upload so the dashboard reads one row. */
export const pairProgress = pgTable('pair_progress', {
	pairId: uuid('pair_id')
		.primaryKey()
		.references(() => pairs.id, { onDelete: 'cascade' }),
	sessionsHeld: integer('sessions_held').notNull(),
	minutesHeld: integer('minutes_held').notNull(),
	lastMetOn: date('last_met_on'),
	sessionsScheduled: integer('sessions_scheduled').notNull(),
	goalsSet: integer('goals_set').notNull(),
	goalsAchieved: integer('goals_achieved').notNull(),
	winsLogged: integer('wins_logged').notNull(),
	agreementOn: date('agreement_on'),
	lastActivityOn: date('last_activity_on'),
	updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow()
});

/**
 * A pair's sessions as the scheme counts them: both members' reports merged as for the
 * dashboard, one row a day. Kept current on every upload so that the evaluation report sums
 * indexed rows instead of unpacking every report's JSON (seconds for a large scheme on PGlite).
 */
export const pairSessions = pgTable(
	'pair_sessions',
	{
		pairId: uuid('pair_id')
			.notNull()
			.references(() => pairs.id, { onDelete: 'cascade' }),
		/** The pair's scheme, so a report reads one index range and joins nothing. */
		schemeId: uuid('scheme_id')
			.notNull()
			.references(() => schemes.id, { onDelete: 'cascade' }),
		heldOn: date('held_on').notNull(),
		minutes: integer('minutes').notNull()
	},
	(t) => [
		primaryKey({ columns: [t.pairId, t.heldOn] }),
		index('pair_sessions_scheme_day').on(t.schemeId, t.heldOn)
	]
);

/** A pair's wins per ISO week (by its Monday), merged as the sessions are; weeks with none are left out. */
export const pairWinWeeks = pgTable(
	'pair_win_weeks',
	{
		pairId: uuid('pair_id')
			.notNull()
			.references(() => pairs.id, { onDelete: 'cascade' }),
		schemeId: uuid('scheme_id')
			.notNull()
			.references(() => schemes.id, { onDelete: 'cascade' }),
		weekOf: date('week_of').notNull(),
		wins: integer('wins').notNull()
	},
	(t) => [
		primaryKey({ columns: [t.pairId, t.weekOf] }),
		index('pair_win_weeks_scheme_week').on(t.schemeId, t.weekOf)
	]
);

/**
 * A pair's merged sessions and wins month by month (wins by the month of their week's Monday),
 * kept with the two tables above: a report over months reads a row per pair and month instead
 * of one per session.
 */
export const pairMonths = pgTable(
	'pair_months',
	{
		pairId: uuid('pair_id')
			.notNull()
			.references(() => pairs.id, { onDelete: 'cascade' }),
		schemeId: uuid('scheme_id')
			.notNull()
			.references(() => schemes.id, { onDelete: 'cascade' }),
		/** The month's first day. */
		month: date('month').notNull(),
		sessions: integer('sessions').notNull(),
		minutes: integer('minutes').notNull(),
		wins: integer('wins').notNull()
	},
	(t) => [
		primaryKey({ columns: [t.pairId, t.month] }),
		index('pair_months_scheme_month').on(t.schemeId, t.month)
	]
);
