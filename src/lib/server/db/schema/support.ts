// Mentors' requests for supervision and the coordinator's replies.
import { index, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';
// Relative paths: drizzle-kit reads these files without SvelteKit's $lib alias.
import { supportKinds, supportStatuses, supportUrgencies } from '../../../domain/support';
import { createdAt } from './columns';
import { schemes, authUsers, participants } from './people';

/** A mentor's one-tap request for support or supervision, and the coordinator's reply. */
export const supportRequests = pgTable(
	'support_requests',
	{
		id: uuid('id').primaryKey(),
		schemeId: uuid('scheme_id')
			.notNull()
			.references(() => schemes.id, { onDelete: 'cascade' }),
		participantId: uuid('participant_id')
			.notNull()
			.references(() => participants.id, { onDelete: 'cascade' }),
		kind: text('kind', { enum: supportKinds }).notNull(),
		urgency: text('urgency', { enum: supportUrgencies }).notNull(),
		requestedAt: timestamp('requested_at', { withTimezone: true }).notNull(),
		status: text('status', { enum: supportStatuses }).notNull().default('open'),
		reply: text('reply'),
		answeredAt: timestamp('answered_at', { withTimezone: true }),
		answeredBy: text('answered_by').references(() => authUsers.id, { onDelete: 'set null' }),
		createdAt: createdAt()
	},
	(t) => [
		index('support_requests_scheme').on(t.schemeId, t.status),
		index('support_requests_participant').on(t.participantId)
	]
);
