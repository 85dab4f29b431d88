import type { FieldProblems } from '$lib/domain/validation';

/** A write either stores the whole record or reports what is wrong with the input, field by field. */
export type WriteResult<R, I = unknown> =
	{ ok: true; record: R } | { ok: false; problems: FieldProblems<I> };
