import { date, integer, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';

/**
 * The scheme server's tables. Nothing confidential is ever stored here: schemes, participants
 * and progress metrics only (see the README's privacy model). Change this file, then run
 * `npm run db:generate` to write the migration; never edit a released migration.
 */

/** A mentoring scheme run by a council: one server hosts many, each fully separate. */
export const schemes = pgTable('schemes', {
	id: uuid('id').primaryKey().defaultRandom(),
	name: text('name').notNull(),
	organisation: text('organisation').notNull(),
	pilotStartsOn: date('pilot_starts_on').notNull(),
	pilotEndsOn: date('pilot_ends_on').notNull(),
	reviewOn: date('review_on'),
	/** A pair with no session for this many weeks is flagged as stalling. */
	stallAfterWeeks: integer('stall_after_weeks').notNull().default(6),
	createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow()
});
