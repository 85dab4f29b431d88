import type { GoalOutcome, GoalStatus } from '$lib/domain/goal';
import { m } from '$lib/paraglide/messages.js';

export function outcomeText(outcome: GoalOutcome): string {
	switch (outcome) {
		case 'learning_ropes':
			return m.outcome_learning_ropes();
		case 'new_role':
			return m.outcome_new_role();
		case 'new_skill':
			return m.outcome_new_skill();
		case 'leadership':
			return m.outcome_leadership();
		case 'promotion':
			return m.outcome_promotion();
		case 'challenge':
			return m.outcome_challenge();
		case 'other':
			return m.outcome_other();
	}
}

export function goalStatusText(status: GoalStatus): string {
	switch (status) {
		case 'active':
			return m.goal_status_active();
		case 'achieved':
			return m.goal_status_achieved();
		case 'paused':
			return m.goal_status_paused();
		case 'dropped':
			return m.goal_status_dropped();
	}
}
