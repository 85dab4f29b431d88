// What mentors and mentees publish for matching, and the proposals made from it.
import { sql } from 'drizzle-orm';
import {
	boolean,
	doublePrecision,
	index,
	jsonb,
	pgTable,
	text,
	timestamp,
	uniqueIndex,
	uuid
} from 'drizzle-orm/pg-core';
// Relative paths: drizzle-kit reads these files without SvelteKit's $lib alias.
import type { SchemeMatchingSettings } from '../../../domain/matching/settings-input';
import type { Criterion, UnmatchedReason } from '../../../domain/matching/types';
import { declineReasons, matchingModes } from '../../../domain/matching/vocabulary';
import { proposalStatuses } from '../../../domain/matching/proposal-statuses';
import type { Needs, PenPicture } from '../../../protocol/publication-protocol';
import { createdAt } from './columns';
import { schemes, participants } from './people';
import { pairs } from './pairs';

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
