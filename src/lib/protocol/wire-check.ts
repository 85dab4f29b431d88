import * as v from 'valibot';
import { unstorableTextPath, unstorableTextProblem } from '$lib/domain/storable-text';

export type WireCheck<T> = { ok: true; value: T } | { ok: false; field: string; problem: string };

/**
 * Checks a body against its shared schema, naming the first field that is wrong (for an HTTP
 * 400, or for the device before it queues anything). Text that could not be stored is refused
 * first, wherever it is, so no field can forget that rule.
 */
export function checkWire<S extends v.GenericSchema>(
	schema: S,
	input: unknown
): WireCheck<v.InferOutput<S>> {
	const unstorable = unstorableTextPath(input);
	if (unstorable !== undefined)
		return { ok: false, field: unstorable, problem: unstorableTextProblem };
	const result = v.safeParse(schema, input, { abortEarly: true });
	if (result.success) return { ok: true, value: result.output };
	const issue = result.issues[0];
	return { ok: false, field: v.getDotPath(issue) ?? 'body', problem: issue.message };
}
