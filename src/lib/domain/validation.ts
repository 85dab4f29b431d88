import * as v from 'valibot';
import { isCalendarDate, isClockTime, isUsableDate } from './calendar-date';
import { limits } from './limits';
import { isStorableText } from './storable-text';

/** What went wrong with a field, as a code the UI turns into words in the user's language. */
export type FieldProblem =
	| 'required'
	| 'too_long'
	| 'invalid_date'
	| 'date_out_of_range'
	| 'unstorable_text'
	| 'invalid_time'
	| 'out_of_range'
	| 'end_before_start'
	| 'invalid_choice'
	| 'invalid_email'
	| 'too_short'
	| 'passphrase_too_short'
	| 'not_the_same'
	| 'invalid_link';

export type FieldProblems<T> = Partial<Record<keyof T & string, FieldProblem>>;

export type Checked<T> = { ok: true; value: T } | { ok: false; problems: FieldProblems<T> };

/** Runs a schema and reports the first problem of each field, never throwing. */
export function check<S extends v.GenericSchema>(
	schema: S,
	input: unknown
): Checked<v.InferOutput<S>> {
	const result = v.safeParse(schema, input);
	if (result.success) return { ok: true, value: result.output };
	const problems: Record<string, FieldProblem> = {};
	for (const issue of result.issues) {
		const key = v.getDotPath(issue)?.split('.')[0] ?? 'form';
		problems[key] ??= issue.message as FieldProblem;
	}
	return { ok: false, problems: problems as FieldProblems<v.InferOutput<S>> };
}

/** Text that can be stored: no NUL, no broken character (see storable-text). */
export const storable = v.check(isStorableText, 'unstorable_text');

export const requiredText = (max: number) =>
	v.pipe(
		v.string('required'),
		v.trim(),
		v.nonEmpty('required'),
		v.maxLength(max, 'too_long'),
		storable
	);

export const optionalText = (max: number) =>
	v.pipe(v.optional(v.string(), ''), v.trim(), v.maxLength(max, 'too_long'), storable);

export const calendarDate = v.pipe(
	v.string('required'),
	v.nonEmpty('required'),
	v.check(isCalendarDate, 'invalid_date'),
	v.check(isUsableDate, 'date_out_of_range')
);

export const optionalCalendarDate = v.pipe(
	v.optional(v.nullable(v.string()), null),
	v.transform((s) => (s === '' || s === undefined ? null : s)),
	v.check((s) => s === null || isCalendarDate(s), 'invalid_date'),
	v.check((s) => s === null || isUsableDate(s), 'date_out_of_range')
);

export const clockTime = v.pipe(
	v.string('required'),
	v.nonEmpty('required'),
	v.check(isClockTime, 'invalid_time')
);

export const wholeNumber = (min: number, max: number) =>
	v.pipe(
		v.union(
			[v.number(), v.pipe(v.string(), v.nonEmpty('required'), v.transform(Number))],
			'required'
		),
		v.number('out_of_range'),
		v.integer('out_of_range'),
		v.minValue(min, 'out_of_range'),
		v.maxValue(max, 'out_of_range')
	);

export const sessionMinutes = wholeNumber(limits.sessionMinutes.min, limits.sessionMinutes.max);

export const choice = <const T extends readonly [string, ...string[]]>(options: T) =>
	v.picklist(options, 'invalid_choice');
