/**
 * The scheme's group board: wins people chose to share, articles worth reading and thoughts
 * for the day. Everything on it was published on purpose, after a preview.
 */
export const boardPostKinds = ['win', 'article', 'thought'] as const;
export type BoardPostKind = (typeof boardPostKinds)[number];

/** A small fixed set, so a reaction never carries words. */
export const boardReactions = ['applause', 'inspiring', 'thanks', 'support'] as const;
export type BoardReaction = (typeof boardReactions)[number];

/**
 * visible: on the board; hidden: the coordinator took it off the board for now (restorable);
 * removed: the coordinator removed it for good and its words are erased. A person's own
 * withdrawal deletes the post outright.
 */
export const boardPostStatuses = ['visible', 'hidden', 'removed'] as const;
export type BoardPostStatus = (typeof boardPostStatuses)[number];

export const boardLimits = {
	winText: 500,
	thoughtText: 280,
	articleTitle: 120,
	articleUrl: 500,
	articleWhy: 280,
	moderationReason: 300,
	/** The newest posts a device keeps for reading offline. */
	postsKept: 200,
	/** The scheme photo: a phone picture, a little reduced. */
	photoBytes: 2 * 1024 * 1024,
	photoDescription: 300
} as const;

/** The photo types every browser shows; anything else is refused by its bytes, not its name. */
export const photoTypes = ['image/jpeg', 'image/png', 'image/webp'] as const;
export type PhotoType = (typeof photoTypes)[number];

/** Links on the board open a web page and nothing else: http(s) only, no scripts or files. */
export function isWebLink(value: string): boolean {
	try {
		const url = new URL(value);
		return (url.protocol === 'https:' || url.protocol === 'http:') && url.hostname !== '';
	} catch {
		return false;
	}
}
