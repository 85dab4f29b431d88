import { sql } from 'drizzle-orm';
import {
	bigint,
	bigserial,
	boolean,
	date,
	doublePrecision,
	index,
	integer,
	jsonb,
	pgTable,
	primaryKey,
	text,
	timestamp,
	uniqueIndex,
	uuid
} from 'drizzle-orm/pg-core';
// Relative paths: drizzle-kit reads this file without SvelteKit's $lib alias.
import { boardPostKinds, boardPostStatuses, boardReactions } from '../../domain/board';
import type { SchemeMatchingSettings } from '../../domain/matching/settings-input';
import { supportKinds, supportStatuses, supportUrgencies } from '../../domain/support';
import { againAnswers, checkpoints } from '../../domain/survey';
import type { CheckpointDefinition, Outcome } from '../../domain/survey';
import type { Criterion, UnmatchedReason } from '../../domain/matching/types';
import { declineReasons, matchingModes } from '../../domain/matching/vocabulary';
import type { Needs, PenPicture } from '../../sync/publication-protocol';
import { bytea } from './bytea';

/**
 * The scheme server's tables. Nothing confidential is ever stored here in readable form:
 * coordinators, schemes, participants, pairs and progress metrics, plus ciphertext only the
 * devices can open (a pair's shared records, a person's backups; see the README's privacy model). Change this
 * file, then run `npm run db:generate` to write the migration; never edit a released migration.
 */

const createdAt = () => timestamp('created_at', { withTimezone: true }).notNull().defaultNow();

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

/**
 * A pair's shared log, relayed between its members' devices. The verifier is a fingerprint of
 * a proof derived from the pair key, so the server can tell whether a device holds the key
 * without ever holding it.
 */
export const pairChannels = pgTable('pair_channels', {
	pairId: uuid('pair_id')
		.primaryKey()
		.references(() => pairs.id, { onDelete: 'cascade' }),
	linkVerifier: text('link_verifier').notNull(),
	createdAt: createdAt(),
	/** Set when a member ends the pair: the log still reads, but takes no more operations. */
	endedAt: timestamp('ended_at', { withTimezone: true }),
	/** What the log holds, kept with each push, so its limits cost no count of the log. */
	opCount: integer('op_count').notNull().default(0),
	opBytes: bigint('op_bytes', { mode: 'number' }).notNull().default(0)
});

/** The devices that proved they hold a pair's key, and when each last pushed or pulled. */
export const pairChannelDevices = pgTable(
	'pair_channel_devices',
	{
		pairId: uuid('pair_id')
			.notNull()
			.references(() => pairChannels.pairId, { onDelete: 'cascade' }),
		deviceId: uuid('device_id')
			.notNull()
			.references(() => devices.id, { onDelete: 'cascade' }),
		linkedAt: timestamp('linked_at', { withTimezone: true }).notNull().defaultNow(),
		lastSyncedAt: timestamp('last_synced_at', { withTimezone: true })
	},
	(t) => [
		primaryKey({ columns: [t.pairId, t.deviceId] }),
		index('pair_channel_devices_device').on(t.deviceId)
	]
);

/**
 * One encrypted operation of a pair's log. The sequence number is the pull cursor; the id is
 * the device's, so a retried push is stored once.
 */
export const pairOps = pgTable(
	'pair_ops',
	{
		seq: bigserial('seq', { mode: 'number' }).primaryKey(),
		pairId: uuid('pair_id')
			.notNull()
			.references(() => pairChannels.pairId, { onDelete: 'cascade' }),
		opId: uuid('op_id').notNull(),
		deviceId: uuid('device_id').references(() => devices.id, { onDelete: 'set null' }),
		body: bytea('body').notNull(),
		receivedAt: timestamp('received_at', { withTimezone: true }).notNull().defaultNow()
	},
	(t) => [
		uniqueIndex('pair_ops_op').on(t.pairId, t.opId),
		index('pair_ops_pair_seq').on(t.pairId, t.seq)
	]
);

/**
 * The pair key wrapped under a short code the two members share in person, for a few minutes:
 * one open offer per pair.
 */
export const pairLinkOffers = pgTable('pair_link_offers', {
	pairId: uuid('pair_id')
		.primaryKey()
		.references(() => pairs.id, { onDelete: 'cascade' }),
	salt: bytea('salt').notNull(),
	iv: bytea('iv').notNull(),
	wrappedKey: bytea('wrapped_key').notNull(),
	expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
	createdByDevice: uuid('created_by_device')
		.notNull()
		.references(() => devices.id, { onDelete: 'cascade' })
});

/**
 * A person's backup key, wrapped under their passphrase and under their recovery code. The
 * fingerprint of a value derived from the recovery code lets that code stand in for an
 * invitation on a new device.
 */
export const backupKeys = pgTable('backup_keys', {
	participantId: uuid('participant_id')
		.primaryKey()
		.references(() => participants.id, { onDelete: 'cascade' }),
	salt: bytea('salt').notNull(),
	iterations: integer('iterations').notNull(),
	passphraseIv: bytea('passphrase_iv').notNull(),
	passphraseKey: bytea('passphrase_key').notNull(),
	recoveryIv: bytea('recovery_iv').notNull(),
	recoveryKey: bytea('recovery_key').notNull(),
	recoveryAuthHash: text('recovery_auth_hash').notNull().unique(),
	updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow()
});

/**
 * One encrypted backup, uploaded in parts by one device. The totals and checksum are set when
 * the device commits it; until then it is an upload in progress that no one else sees.
 */
export const backups = pgTable(
	'backups',
	{
		id: uuid('id').primaryKey(),
		participantId: uuid('participant_id')
			.notNull()
			.references(() => participants.id, { onDelete: 'cascade' }),
		deviceId: uuid('device_id')
			.notNull()
			.references(() => devices.id, { onDelete: 'cascade' }),
		parts: integer('parts'),
		bytes: integer('bytes'),
		sha256: text('sha256'),
		committedAt: timestamp('committed_at', { withTimezone: true }),
		createdAt: createdAt()
	},
	(t) => [index('backups_participant').on(t.participantId)]
);

export const backupParts = pgTable(
	'backup_parts',
	{
		backupId: uuid('backup_id')
			.notNull()
			.references(() => backups.id, { onDelete: 'cascade' }),
		index: integer('index').notNull(),
		data: bytea('data').notNull()
	},
	(t) => [primaryKey({ columns: [t.backupId, t.index] })]
);

/** A scheme's matching lists, weights and rules; checked before they are written. */
export const schemeMatchingSettings = pgTable('scheme_matching_settings', {
	schemeId: uuid('scheme_id')
		.primaryKey()
		.references(() => schemes.id, { onDelete: 'cascade' }),
	settings: jsonb('settings').$type<SchemeMatchingSettings>().notNull(),
	updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow()
});

/**
 * A mentor's pen picture as they published it from their device (already checked against the
 * publication schema and the scheme's lists). Withdrawing it deletes the row.
 */
export const mentorProfiles = pgTable('mentor_profiles', {
	participantId: uuid('participant_id')
		.primaryKey()
		.references(() => participants.id, { onDelete: 'cascade' }),
	penPicture: jsonb('pen_picture').$type<PenPicture>().notNull(),
	/** When the device wrote it: an older copy arriving late changes nothing. */
	writtenAt: timestamp('written_at', { withTimezone: true }).notNull(),
	publishedAt: timestamp('published_at', { withTimezone: true }).notNull()
});

/** A mentee's needs as they published them; the same rules as a pen picture. */
export const menteeNeeds = pgTable('mentee_needs', {
	participantId: uuid('participant_id')
		.primaryKey()
		.references(() => participants.id, { onDelete: 'cascade' }),
	needs: jsonb('needs').$type<Needs>().notNull(),
	writtenAt: timestamp('written_at', { withTimezone: true }).notNull(),
	publishedAt: timestamp('published_at', { withTimezone: true }).notNull()
});

export const proposalStatuses = [
	'draft',
	'rejected',
	'with-mentee',
	'with-mentor',
	'accepted',
	'declined',
	'timed-out',
	'withdrawn'
] as const;

/**
 * A mentor proposed for a mentee: a draft the coordinator adjusts, then a question to the
 * mentee and then the mentor, until both accept (and the pair is created) or it comes back.
 */
export const matchProposals = pgTable(
	'match_proposals',
	{
		id: uuid('id').primaryKey().defaultRandom(),
		schemeId: uuid('scheme_id')
			.notNull()
			.references(() => schemes.id, { onDelete: 'cascade' }),
		menteeId: uuid('mentee_id')
			.notNull()
			.references(() => participants.id, { onDelete: 'cascade' }),
		mentorId: uuid('mentor_id')
			.notNull()
			.references(() => participants.id, { onDelete: 'cascade' }),
		status: text('status', { enum: proposalStatuses }).notNull().default('draft'),
		locked: boolean('locked').notNull().default(false),
		score: doublePrecision('score').notNull(),
		criteria: jsonb('criteria').$type<Criterion[]>().notNull(),
		createdAt: createdAt(),
		sentAt: timestamp('sent_at', { withTimezone: true }),
		respondBy: timestamp('respond_by', { withTimezone: true }),
		menteeAnsweredAt: timestamp('mentee_answered_at', { withTimezone: true }),
		mentorAnsweredAt: timestamp('mentor_answered_at', { withTimezone: true }),
		/** Declined: who said no. Timed out: whose answer was missing. Withdrawn: who withdrew. */
		declinedBy: text('declined_by', { enum: ['mentee', 'mentor'] }),
		declineReason: text('decline_reason', { enum: declineReasons }),
		/** When it came back declined, timed out or withdrawn, or was accepted. */
		closedAt: timestamp('closed_at', { withTimezone: true }),
		pairId: uuid('pair_id').references(() => pairs.id, { onDelete: 'set null' })
	},
	(t) => [
		index('match_proposals_scheme_status').on(t.schemeId, t.status),
		index('match_proposals_mentor').on(t.mentorId),
		index('match_proposals_mentee').on(t.menteeId),
		index('match_proposals_respond_by')
			.on(t.respondBy)
			.where(sql`${t.status} in ('with-mentee', 'with-mentor')`),
		// A mentee is in at most one draft or open question at a time.
		uniqueIndex('match_proposals_one_open')
			.on(t.menteeId)
			.where(sql`${t.status} in ('draft', 'with-mentee', 'with-mentor')`)
	]
);

/** A scheme's latest matching run: how it was asked for and who it left unmatched, and why. */
export const matchingRuns = pgTable('matching_runs', {
	schemeId: uuid('scheme_id')
		.primaryKey()
		.references(() => schemes.id, { onDelete: 'cascade' }),
	mode: text('mode', { enum: matchingModes }).notNull(),
	ranAt: timestamp('ran_at', { withTimezone: true }).notNull(),
	totalScore: doublePrecision('total_score').notNull(),
	unmatched: jsonb('unmatched').$type<{ menteeId: string; reason: UnmatchedReason }[]>().notNull()
});

/**
 * A post on a scheme's group board: a win a participant chose to share, an article or a
 * thought. Its id is the author's device's (or the coordinator page's), so a retry is stored
 * once. A withdrawal deletes the row; a removal by the coordinator erases the words and keeps
 * the reason, so the author can be told why.
 */
export const boardPosts = pgTable(
	'board_posts',
	{
		id: uuid('id').primaryKey(),
		schemeId: uuid('scheme_id')
			.notNull()
			.references(() => schemes.id, { onDelete: 'cascade' }),
		/** The participant who posted it; null when a coordinator did. */
		authorId: uuid('author_id').references(() => participants.id, { onDelete: 'cascade' }),
		/** The coordinator who posted it, when one did. */
		coordinatorId: text('coordinator_id').references(() => authUsers.id, {
			onDelete: 'set null'
		}),
		kind: text('kind', { enum: boardPostKinds }).notNull(),
		text: text('text').notNull().default(''),
		title: text('title').notNull().default(''),
		url: text('url').notNull().default(''),
		why: text('why').notNull().default(''),
		/** A shared win: the day it happened. */
		wonOn: date('won_on'),
		showName: boolean('show_name').notNull(),
		/** When the author posted it, by their device's clock. */
		postedAt: timestamp('posted_at', { withTimezone: true }).notNull(),
		status: text('status', { enum: boardPostStatuses }).notNull().default('visible'),
		moderationReason: text('moderation_reason'),
		moderatedAt: timestamp('moderated_at', { withTimezone: true }),
		createdAt: createdAt()
	},
	(t) => [
		index('board_posts_scheme_posted').on(t.schemeId, t.postedAt),
		index('board_posts_author').on(t.authorId)
	]
);

/** One participant's reaction to a post; saying it twice is one row. */
export const boardPostReactions = pgTable(
	'board_reactions',
	{
		postId: uuid('post_id')
			.notNull()
			.references(() => boardPosts.id, { onDelete: 'cascade' }),
		participantId: uuid('participant_id')
			.notNull()
			.references(() => participants.id, { onDelete: 'cascade' }),
		reaction: text('reaction', { enum: boardReactions }).notNull(),
		createdAt: createdAt()
	},
	(t) => [primaryKey({ columns: [t.postId, t.participantId, t.reaction] })]
);

/** The scheme's photo from the outset, shown on the board at its first anniversary. */
export const schemePhotos = pgTable('scheme_photos', {
	schemeId: uuid('scheme_id')
		.primaryKey()
		.references(() => schemes.id, { onDelete: 'cascade' }),
	image: bytea('image').notNull(),
	mediaType: text('media_type').notNull(),
	/** What the photo shows, for anyone who cannot see it. */
	description: text('description').notNull(),
	uploadedAt: timestamp('uploaded_at', { withTimezone: true }).notNull().defaultNow()
});

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
