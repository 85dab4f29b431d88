import type { FieldProblem } from './validation';
import {
	checkpoints,
	surveyQuestions,
	type Checkpoint,
	type CheckpointDefinition,
	type SurveyQuestion
} from './survey';

/**
 * The coordinator's form for a scheme's check-ins: when each after the start falls due (the
 * baseline is always at the start) and which questions it asks. A check-in asking nothing is
 * off. Fields: `months.<checkpoint>` and a checkbox `ask.<checkpoint>.<question>`.
 */
export const surveyMonths = { min: 1, max: 36 } as const;

const timed = checkpoints.filter((c) => c !== 'baseline');

export const monthsField = (checkpoint: Checkpoint) => `months.${checkpoint}`;
export const askField = (checkpoint: Checkpoint, question: SurveyQuestion) =>
	`ask.${checkpoint}.${question}`;

export function surveySettingsFormValues(
	definitions: readonly CheckpointDefinition[]
): Record<string, string> {
	const values: Record<string, string> = {};
	for (const d of definitions) {
		if (d.checkpoint !== 'baseline') values[monthsField(d.checkpoint)] = String(d.monthsAfterStart);
		for (const q of d.questions) values[askField(d.checkpoint, q)] = 'on';
	}
	return values;
}

export type SurveySettingsCheck =
	| { ok: true; value: CheckpointDefinition[] }
	| { ok: false; problems: Partial<Record<string, FieldProblem>> };

/** Reads the form; each check-in must come after the one before it, in whole months. */
export function readSurveySettings(input: Record<string, unknown>): SurveySettingsCheck {
	const problems: Partial<Record<string, FieldProblem>> = {};
	const months: Partial<Record<Checkpoint, number>> = { baseline: 0 };
	let previous = 0;
	for (const checkpoint of timed) {
		const field = monthsField(checkpoint);
		const raw = input[field];
		const value = typeof raw === 'string' && raw.trim() !== '' ? Number(raw) : NaN;
		if (typeof raw !== 'string' || raw.trim() === '') problems[field] = 'required';
		else if (
			!Number.isInteger(value) ||
			value < surveyMonths.min ||
			value > surveyMonths.max ||
			value <= previous
		)
			problems[field] = 'out_of_range';
		else previous = value;
		months[checkpoint] = value;
	}
	if (Object.keys(problems).length > 0) return { ok: false, problems };
	return {
		ok: true,
		value: checkpoints.map((checkpoint) => ({
			checkpoint,
			monthsAfterStart: months[checkpoint]!,
			questions: surveyQuestions.filter((q) => input[askField(checkpoint, q)] === 'on')
		}))
	};
}
