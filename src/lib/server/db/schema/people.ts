// Schemes, coordinators and participants, and the devices they join from.
import {
	boolean,
	date,
	index,
	integer,
	pgTable,
	primaryKey,
	text,
	timestamp,
	uniqueIndex,
	uuid
} from 'drizzle-orm/pg-core';
import { createdAt } from './columns';

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
	createdAt: createdAt()
});

// Coordinator accounts, in the shape better-auth expects (property names are its field names).
export const authUsers = pgTable('auth_users', {
	id: text('id').primaryKey(),
	name: text('name').notNull(),
	email: text('email').notNull().unique(),
	emailVerified: boolean('email_verified').notNull().default(false),
	image: text('image'),
	createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
	updatedAt: timestamp('updated_at', { withTimezone: true }).notNull()
});

export const authSessions = pgTable(
	'auth_sessions',
	{
		id: text('id').primaryKey(),
		expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
		token: text('token').notNull().unique(),
		createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
		updatedAt: timestamp('updated_at', { withTimezone: true }).notNull(),
		ipAddress: text('ip_address'),
		userAgent: text('user_agent'),
		userId: text('user_id')
			.notNull()
			.references(() => authUsers.id, { onDelete: 'cascade' })
	},
	(t) => [index('auth_sessions_user').on(t.userId)]
);

export const authAccounts = pgTable(
	'auth_accounts',
	{
		id: text('id').primaryKey(),
		accountId: text('account_id').notNull(),
		providerId: text('provider_id').notNull(),
		userId: text('user_id')
			.notNull()
			.references(() => authUsers.id, { onDelete: 'cascade' }),
		accessToken: text('access_token'),
		refreshToken: text('refresh_token'),
		idToken: text('id_token'),
		accessTokenExpiresAt: timestamp('access_token_expires_at', { withTimezone: true }),
		refreshTokenExpiresAt: timestamp('refresh_token_expires_at', { withTimezone: true }),
		scope: text('scope'),
		password: text('password'),
		createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
		updatedAt: timestamp('updated_at', { withTimezone: true }).notNull()
	},
	(t) => [index('auth_accounts_user').on(t.userId)]
);

export const authVerifications = pgTable('auth_verifications', {
	id: text('id').primaryKey(),
	identifier: text('identifier').notNull(),
	value: text('value').notNull(),
	expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
	createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
	updatedAt: timestamp('updated_at', { withTimezone: true }).notNull()
});

/** Which coordinator accounts run which scheme. */
export const schemeCoordinators = pgTable(
	'scheme_coordinators',
	{
		schemeId: uuid('scheme_id')
			.notNull()
			.references(() => schemes.id, { onDelete: 'cascade' }),
		userId: text('user_id')
			.notNull()
			.references(() => authUsers.id, { onDelete: 'cascade' }),
		createdAt: createdAt()
	},
	(t) => [primaryKey({ columns: [t.schemeId, t.userId] })]
);

/** A mentor or mentee of one scheme, from the moment they are invited. */
export const participants = pgTable(
	'participants',
	{
		id: uuid('id').primaryKey().defaultRandom(),
		schemeId: uuid('scheme_id')
			.notNull()
			.references(() => schemes.id, { onDelete: 'cascade' }),
		role: text('role', { enum: ['mentor', 'mentee'] }).notNull(),
		/** As the coordinator knows them, for the dashboard; typed by the coordinator. */
		name: text('name').notNull(),
		joinedAt: timestamp('joined_at', { withTimezone: true }),
		revokedAt: timestamp('revoked_at', { withTimezone: true }),
		/** Mentors: the day they completed mentor training, as the coordinator recorded it. */
		trainedOn: date('trained_on'),
		createdAt: createdAt()
	},
	(t) => [index('participants_scheme').on(t.schemeId)]
);

/**
 * A short-lived code that lets one person join (a participant's device) or help run (a second
 * coordinator) a scheme. Only a SHA-256 fingerprint of the code is kept.
 */
export const invitations = pgTable(
	'invitations',
	{
		id: uuid('id').primaryKey().defaultRandom(),
		schemeId: uuid('scheme_id')
			.notNull()
			.references(() => schemes.id, { onDelete: 'cascade' }),
		kind: text('kind', { enum: ['participant', 'coordinator'] }).notNull(),
		participantId: uuid('participant_id').references(() => participants.id, {
			onDelete: 'cascade'
		}),
		codeHash: text('code_hash').notNull(),
		expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
		usedAt: timestamp('used_at', { withTimezone: true }),
		createdBy: text('created_by').references(() => authUsers.id, { onDelete: 'set null' }),
		createdAt: createdAt()
	},
	(t) => [
		uniqueIndex('invitations_code').on(t.codeHash),
		index('invitations_scheme').on(t.schemeId)
	]
);

/** A device that joined through an invitation; it proves itself with a secret kept hashed. */
export const devices = pgTable(
	'devices',
	{
		id: uuid('id').primaryKey().defaultRandom(),
		participantId: uuid('participant_id')
			.notNull()
			.references(() => participants.id, { onDelete: 'cascade' }),
		secretHash: text('secret_hash').notNull(),
		/** What the device said it is when it joined ("Chrome on Android"), for its owner's list. */
		label: text('label'),
		lastSeenAt: timestamp('last_seen_at', { withTimezone: true }),
		revokedAt: timestamp('revoked_at', { withTimezone: true }),
		createdAt: createdAt()
	},
	(t) => [index('devices_participant').on(t.participantId)]
);
