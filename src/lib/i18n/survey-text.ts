import type { Role } from '$lib/domain/profile';
import type { AgainAnswer, Checkpoint, Outcome, SurveyQuestion } from '$lib/domain/survey';
import { m } from '$lib/paraglide/messages.js';

/** The words for a scheme's check-ins, their questions and answers. */
export function checkpointText(checkpoint: Checkpoint): string {
	switch (checkpoint) {
		case 'baseline':
			return m.survey_checkpoint_baseline();
		case 'midpoint':
			return m.survey_checkpoint_midpoint();
		case 'end':
			return m.survey_checkpoint_end();
		case 'follow-up':
			return m.survey_checkpoint_follow_up();
	}
}

/** A check-in's short name, for a table's column. */
export function checkpointShortText(checkpoint: Checkpoint): string {
	switch (checkpoint) {
		case 'baseline':
			return m.coord_report_checkpoint_baseline();
		case 'midpoint':
			return m.coord_report_checkpoint_midpoint();
		case 'end':
			return m.coord_report_checkpoint_end();
		case 'follow-up':
			return m.coord_report_checkpoint_follow_up();
	}
}

/** A question as the person answering it reads it. */
export function questionText(question: SurveyQuestion, role: Role): string {
	switch (question) {
		case 'confidence':
			return role === 'mentor'
				? m.survey_question_confidence_mentor()
				: m.survey_question_confidence_mentee();
		case 'goalProgress':
			return m.survey_question_goal_progress();
		case 'relationship':
			return m.survey_question_relationship();
		case 'meetingsUseful':
			return m.survey_question_meetings_useful();
		case 'again':
			return role === 'mentor'
				? m.survey_question_again_mentor()
				: m.survey_question_again_mentee();
		case 'outcomes':
			return m.survey_question_outcomes();
	}
}

/** A question's short name, for the coordinator's settings and report. */
export function questionShortText(question: SurveyQuestion): string {
	switch (question) {
		case 'confidence':
			return m.survey_short_confidence();
		case 'goalProgress':
			return m.survey_short_goal_progress();
		case 'relationship':
			return m.survey_short_relationship();
		case 'meetingsUseful':
			return m.survey_short_meetings_useful();
		case 'again':
			return m.survey_short_again();
		case 'outcomes':
			return m.survey_short_outcomes();
	}
}

export function againText(answer: AgainAnswer): string {
	switch (answer) {
		case 'yes':
			return m.survey_again_yes();
		case 'maybe':
			return m.survey_again_maybe();
		case 'no':
			return m.survey_again_no();
	}
}

export function outcomeText(outcome: Outcome): string {
	switch (outcome) {
		case 'promotion':
			return m.survey_outcome_promotion();
		case 'new-role':
			return m.survey_outcome_new_role();
		case 'new-responsibility':
			return m.survey_outcome_new_responsibility();
		case 'opportunity':
			return m.survey_outcome_opportunity();
	}
}

/** An outcome named on its own ("A promotion"), as the report lists them. */
export function outcomeNounText(outcome: Outcome): string {
	switch (outcome) {
		case 'promotion':
			return m.coord_report_outcome_promotion();
		case 'new-role':
			return m.coord_report_outcome_new_role();
		case 'new-responsibility':
			return m.coord_report_outcome_new_responsibility();
		case 'opportunity':
			return m.coord_report_outcome_opportunity();
	}
}
