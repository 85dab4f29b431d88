import * as v from 'valibot';
import { matchingModes } from './matching/vocabulary';
import { choice, optionalCalendarDate, type FieldProblem } from './validation';

/**
 * What the coordinator's matching and mentor pool pages post. Ids come from the page, so a
 * wrong one is a stale or tampered form: it is refused by name, never looked up.
 */

// A missing field reads as empty, so it is refused as 'required' like an empty one.
const id = v.pipe(v.optional(v.string(), ''), v.nonEmpty('required'), v.uuid('invalid_choice'));

export const proposeInput = v.object({
	mode: v.pipe(v.optional(v.string(), ''), choice(matchingModes))
});

export const proposalInput = v.object({ proposalId: id });

export const lockInput = v.object({
	proposalId: id,
	locked: v.pipe(
		v.optional(v.string(), ''),
		choice(['true', 'false']),
		v.transform((locked) => locked === 'true')
	)
});

export const swapInput = v.object({ proposalId: id, mentorId: id });

export const trainingInput = v.object({ participantId: id, trainedOn: optionalCalendarDate });

/** The first field a refused form got wrong, for fail(400, { field, problem }). */
export function firstProblem(problems: Partial<Record<string, FieldProblem>>): {
	field: string;
	problem: FieldProblem;
} {
	const [field, problem] = Object.entries(problems)[0] ?? ['form', 'invalid_choice'];
	return { field, problem: problem ?? 'invalid_choice' };
}
