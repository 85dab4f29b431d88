import type { FieldProblem } from '$lib/domain/validation';
import { limits } from '$lib/domain/limits';
import { m } from '$lib/paraglide/messages.js';

/** The words shown next to a field for each validation problem. */
export function problemText(problem: FieldProblem | undefined): string | undefined {
	switch (problem) {
		case undefined:
			return undefined;
		case 'required':
			return m.problem_required();
		case 'too_long':
			return m.problem_too_long();
		case 'invalid_date':
			return m.problem_invalid_date();
		case 'date_out_of_range':
			return m.problem_date_out_of_range({ from: limits.years.min, to: limits.years.max });
		case 'unstorable_text':
			return m.problem_unstorable_text();
		case 'invalid_time':
			return m.problem_invalid_time();
		case 'out_of_range':
			return m.problem_out_of_range();
		case 'end_before_start':
			return m.problem_end_before_start();
		case 'invalid_choice':
			return m.problem_invalid_choice();
		case 'invalid_email':
			return m.problem_invalid_email();
		case 'too_short':
			return m.problem_too_short();
		case 'passphrase_too_short':
			return m.problem_passphrase_too_short();
		case 'not_the_same':
			return m.problem_not_the_same();
		case 'invalid_link':
			return m.board_problem_invalid_link();
	}
}
