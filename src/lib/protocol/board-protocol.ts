import * as v from 'valibot';
import {
	boardLimits,
	boardPostKinds,
	boardPostStatuses,
	boardReactions,
	isWebLink
} from '$lib/domain/board';
import { wireDay, wireId, wireTimestamp } from './wire-fields';

/**
 * The group board on the wire. Besides pen pictures and needs, board posts are the only words
 * of a person's that reach the scheme, and only after the preview and their explicit choice.
 * One schema for both sides: the device builds against it, the server refuses anything else,
 * naming the field. Text is plain text; the board renders it as text, never as HTML.
 */

const id = wireId;
const text = (max: number) =>
	v.pipe(v.string(), v.trim(), v.nonEmpty('must not be empty'), v.maxLength(max, 'is too long'));

export const boardPostSchema = v.variant('kind', [
	v.strictObject({
		kind: v.literal('win'),
		/** Chosen on the device: a retried post is stored once. */
		id,
		text: text(boardLimits.winText),
		wonOn: wireDay,
		/** False: shown as "A member of the scheme", never with the name. */
		showName: v.boolean(),
		postedAt: wireTimestamp
	}),
	v.strictObject({
		kind: v.literal('article'),
		id,
		title: text(boardLimits.articleTitle),
		url: v.pipe(
			v.string(),
			v.trim(),
			v.maxLength(boardLimits.articleUrl, 'is too long'),
			v.check(isWebLink, 'must be a web link (http or https)')
		),
		why: v.pipe(v.string(), v.trim(), v.maxLength(boardLimits.articleWhy, 'is too long')),
		showName: v.boolean(),
		postedAt: wireTimestamp
	}),
	v.strictObject({
		kind: v.literal('thought'),
		id,
		text: text(boardLimits.thoughtText),
		showName: v.boolean(),
		postedAt: wireTimestamp
	})
]);
export type BoardPostInput = v.InferOutput<typeof boardPostSchema>;

export const boardReactionSchema = v.strictObject({
	reaction: v.picklist(boardReactions, 'is not a reaction'),
	/** True adds the person's reaction, false takes it back; either way, saying it twice is harmless. */
	on: v.boolean()
});
export type BoardReactionInput = v.InferOutput<typeof boardReactionSchema>;

const reactionCounts = v.strictObject(
	Object.fromEntries(boardReactions.map((r) => [r, v.number()])) as Record<
		(typeof boardReactions)[number],
		v.NumberSchema<undefined>
	>
);

/** A post as a device reads it: the author named only if they chose so. */
export const boardPostForDeviceSchema = v.object({
	id,
	kind: v.picklist(boardPostKinds),
	/** Empty once removed by the coordinator: the words are erased. */
	text: v.string(),
	title: v.string(),
	url: v.string(),
	why: v.string(),
	wonOn: v.nullable(v.pipe(v.string(), v.isoDate())),
	/** null: posted anonymously (or by someone no longer in the scheme). */
	authorName: v.nullable(v.string()),
	byCoordinator: v.boolean(),
	postedAt: v.pipe(v.string(), v.isoTimestamp()),
	status: v.picklist(boardPostStatuses),
	/** The coordinator's reason, shown to the author when a post is hidden or removed. */
	moderationReason: v.nullable(v.string()),
	mine: v.boolean(),
	reactions: reactionCounts,
	myReactions: v.array(v.picklist(boardReactions))
});
export type BoardPostForDevice = v.InferOutput<typeof boardPostForDeviceSchema>;

/** The board as the scheme holds it: the newest visible posts, and all the person's own. */
export const boardListingSchema = v.object({
	posts: v.array(boardPostForDeviceSchema),
	/** There are older visible posts than these. */
	more: v.boolean()
});
export type BoardListing = v.InferOutput<typeof boardListingSchema>;
