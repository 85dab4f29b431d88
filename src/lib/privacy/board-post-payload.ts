import type { Win } from '$lib/domain/win';
import {
	checkBoardPostOf,
	type BoardPostCheck,
	type BoardPostOf
} from '$lib/protocol/board-post-check';

/**
 * The only way a board post is built: from what the person wrote for the board and the choices
 * they made, checked by the schema the server checks it with. The preview shows the object
 * built here, and that same object is queued.
 */

/** Chosen when the form opens and kept through retries, so the scheme stores the post once. */
export interface PostIds {
	id: string;
	postedAt: string;
}

export interface Naming {
	/** False: shown as "A member of the scheme". */
	showName: boolean;
}

/**
 * A win the person chose to share. Of the pair's record only the day it happened is read; the
 * words are the ones the person chose for the board (the win itself is never changed).
 */
export function sharedWinPost(
	win: Pick<Win, 'wonOn'>,
	words: string,
	naming: Naming,
	ids: PostIds
): BoardPostCheck<BoardPostOf<'win'>> {
	return checkBoardPostOf({
		kind: 'win',
		id: ids.id,
		text: words,
		wonOn: win.wonOn,
		showName: naming.showName,
		postedAt: ids.postedAt
	});
}

export interface ArticleDraft {
	title: string;
	url: string;
	why: string;
}

export function articlePost(
	draft: ArticleDraft,
	naming: Naming,
	ids: PostIds
): BoardPostCheck<BoardPostOf<'article'>> {
	return checkBoardPostOf({
		kind: 'article',
		id: ids.id,
		title: draft.title,
		url: draft.url,
		why: draft.why,
		showName: naming.showName,
		postedAt: ids.postedAt
	});
}

export function thoughtPost(
	text: string,
	naming: Naming,
	ids: PostIds
): BoardPostCheck<BoardPostOf<'thought'>> {
	return checkBoardPostOf({
		kind: 'thought',
		id: ids.id,
		text,
		showName: naming.showName,
		postedAt: ids.postedAt
	});
}
