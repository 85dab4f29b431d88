import type { BoardPostForDevice } from '$lib/protocol/board-protocol';

/** The board as the last sync brought it: read offline from here. */
export interface CachedBoardPost extends BoardPostForDevice {
	/**
	 * When this device first received the post. "New since your last visit" counts by this,
	 * not by when it was posted: a post written offline can arrive days later.
	 */
	receivedAt: string;
}

/** When the person last looked at the board, and when the device last heard from it. */
export interface BoardState {
	key: 'state';
	/** Posts received after this are new to the person. */
	lastVisitAt: string | null;
	/** When the last pull that reached the scheme began. */
	pulledAt: string | null;
	/** The scheme holds older visible posts than the device keeps. */
	more: boolean;
}

/** The scheme's photo from the outset, kept for the anniversary. */
export interface BoardPhoto {
	key: 'photo';
	version: string;
	description: string;
	image: Blob;
}

/**
 * A win this person shared to the board, and the post it became. The link stays on the
 * device: the scheme never learns which of the pair's wins a post came from.
 */
export interface SharedWin {
	key: `shared-win:${string}`;
	winId: string;
	postId: string;
	sharedAt: string;
}

export type BoardMetaRow = BoardState | BoardPhoto | SharedWin;

/** Where the shared-win rows start among the board's own rows, in key order. */
export const sharedWinPrefix = 'shared-win:';
export const sharedWinKey = (winId: string): SharedWin['key'] => `${sharedWinPrefix}${winId}`;
