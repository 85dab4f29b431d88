import * as v from 'valibot';
import type { FieldProblem } from '$lib/domain/validation';
import type { Win } from '$lib/domain/win';
import { boardPostSchema, type BoardPostInput } from './board-protocol';

/**
 * The only way a board post is built: from what the person wrote for the board and the choices
 * they made, checked by the schema the server checks it with. The preview shows the object
 * built here, and that same object is queued.
 */

export type BoardPostField = 'text' | 'title' | 'url' | 'why' | 'wonOn' | 'form';
export type BoardPostProblems = Partial<Record<BoardPostField, FieldProblem>>;
export type BoardPostCheck<P extends BoardPostInput = BoardPostInput> =
	{ ok: true; value: P } | { ok: false; problems: BoardPostProblems };
type PostOf<K extends BoardPostInput['kind']> = Extract<BoardPostInput, { kind: K }>;

/** Chosen when the form opens and kept through retries, so the scheme stores the post once. */
export interface PostIds {
	id: string;
	postedAt: string;
}

export interface Naming {
	/** False: shown as "A member of the scheme". */
	showName: boolean;
}

function problemOf(field: string, issue: v.BaseIssue<unknown>): FieldProblem {
	switch (issue.type) {
		case 'non_empty':
			return 'required';
		case 'max_length':
			return 'too_long';
		case 'check':
			return field === 'url' ? 'invalid_link' : 'invalid_date';
		default:
			return 'invalid_choice';
	}
}

const fields: readonly string[] = ['text', 'title', 'url', 'why', 'wonOn'];

/** Checks a post against the wire schema, naming each field's first problem for a form. */
export function checkBoardPost(post: unknown): BoardPostCheck {
	const result = v.safeParse(boardPostSchema, post);
	if (result.success) return { ok: true, value: result.output };
	const problems: BoardPostProblems = {};
	for (const issue of result.issues) {
		const path = v.getDotPath(issue) ?? '';
		const field = (fields.includes(path) ? path : 'form') as BoardPostField;
		problems[field] ??= problemOf(path, issue);
	}
	return { ok: false, problems };
}

/** A post of one kind: the schema keeps the kind it was given, or refuses the post. */
const checkKind = <K extends BoardPostInput['kind']>(post: { kind: K } & Record<string, unknown>) =>
	checkBoardPost(post) as BoardPostCheck<PostOf<K>>;

/**
 * A win the person chose to share. Of the pair's record only the day it happened is read; the
 * words are the ones the person chose for the board (the win itself is never changed).
 */
export function sharedWinPost(
	win: Pick<Win, 'wonOn'>,
	words: string,
	naming: Naming,
	ids: PostIds
): BoardPostCheck<PostOf<'win'>> {
	return checkKind({
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
): BoardPostCheck<PostOf<'article'>> {
	return checkKind({
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
): BoardPostCheck<PostOf<'thought'>> {
	return checkKind({
		kind: 'thought',
		id: ids.id,
		text,
		showName: naming.showName,
		postedAt: ids.postedAt
	});
}
