// The coordinator's report narratives, rate limits and the server's own settings.
import {
	bigint,
	index,
	integer,
	pgTable,
	primaryKey,
	text,
	timestamp,
	uuid
} from 'drizzle-orm/pg-core';
import { schemes, authUsers } from './people';

/** The coordinator's own words for an evaluation report: one per scheme and kind of report. */
export const reportNarratives = pgTable(
	'report_narratives',
	{
		schemeId: uuid('scheme_id')
			.notNull()
			.references(() => schemes.id, { onDelete: 'cascade' }),
		report: text('report', { enum: ['pilot', 'review'] }).notNull(),
		text: text('text').notNull(),
		updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
		updatedBy: text('updated_by').references(() => authUsers.id, { onDelete: 'set null' })
	},
	(t) => [primaryKey({ columns: [t.schemeId, t.report] })]
);

/** Fixed-window counters shared by every app server (wrong codes, sign-in, sign-up, writes). */
export const rateLimits = pgTable(
	'rate_limits',
	{
		key: text('key').primaryKey(),
		windowStartedAt: bigint('window_started_at', { mode: 'number' }).notNull(),
		hits: integer('hits').notNull(),
		/** When the window closes: rows past it are purged, so counting never grows the table. */
		expiresAt: bigint('expires_at', { mode: 'number' }).notNull().default(0)
	},
	(t) => [index('rate_limits_expiry').on(t.expiresAt)]
);

/** Values every app server must agree on, such as the secret that signs session cookies. */
export const serverSettings = pgTable('server_settings', {
	key: text('key').primaryKey(),
	value: text('value').notNull()
});
