import type { BoardPostForDevice } from './board-protocol';

/** The board as the last sync brought it: read offline from here. */
export type CachedBoardPost = BoardPostForDevice;

/** When the person last looked at the board, and when the device last heard from it. */
export interface BoardState {
	key: 'state';
	/** Posts after this are new to the person. */
	lastVisitAt: string | null;
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

export type BoardMetaRow = BoardState | BoardPhoto;
