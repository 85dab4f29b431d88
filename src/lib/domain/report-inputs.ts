import * as v from 'valibot';
import { reportKinds } from './report-period';
import { choice, storable } from './validation';

/** Long enough for a page of the coordinator's own account; a committee reads the figures too. */
export const narrativeLimit = 5_000;

/** The narrative form: line endings as one character each, so the limit counts what is seen. */
export const narrativeInput = v.object({
	report: choice(reportKinds),
	text: v.pipe(
		v.optional(v.string(), ''),
		storable,
		v.transform((text) => text.replace(/\r\n?/g, '\n').trim()),
		v.maxLength(narrativeLimit, 'too_long')
	)
});
export type NarrativeInput = v.InferOutput<typeof narrativeInput>;
