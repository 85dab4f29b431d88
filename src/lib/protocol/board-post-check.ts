import * as v from 'valibot';
import type { FieldProblem } from '$lib/domain/validation';
import { boardPostSchema, type BoardPostInput } from './board-protocol';

export type BoardPostField = 'text' | 'title' | 'url' | 'why' | 'wonOn' | 'form';
export type BoardPostProblems = Partial<Record<BoardPostField, FieldProblem>>;
export type BoardPostCheck<P extends BoardPostInput = BoardPostInput> =
	{ ok: true; value: P } | { ok: false; problems: BoardPostProblems };
export type BoardPostOf<K extends BoardPostInput['kind']> = Extract<BoardPostInput, { kind: K }>;

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
export const checkBoardPostOf = <K extends BoardPostInput['kind']>(
	post: { kind: K } & Record<string, unknown>
) => checkBoardPost(post) as BoardPostCheck<BoardPostOf<K>>;
