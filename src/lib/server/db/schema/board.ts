// The scheme's group board: posts people chose to share, reactions, the scheme's photo.
import {
	boolean,
	date,
	index,
	pgTable,
	primaryKey,
	text,
	timestamp,
	uuid
} from 'drizzle-orm/pg-core';
// Relative paths: drizzle-kit reads these files without SvelteKit's $lib alias.
import { boardPostKinds, boardPostStatuses, boardReactions } from '../../../domain/board';
import { bytea } from '../bytea';
import { createdAt } from './columns';
import { schemes, authUsers, participants } from './people';

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
