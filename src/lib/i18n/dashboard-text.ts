import type { DashboardColumn } from '$lib/protocol/coordinator/dashboard';
import { m } from '$lib/paraglide/messages.js';

/** The heading of each dashboard column, in the table and in the CSV download. */
export function columnText(column: DashboardColumn): string {
	switch (column) {
		case 'mentor':
			return m.coord_col_mentor();
		case 'mentee':
			return m.coord_col_mentee();
		case 'status':
			return m.coord_col_status();
		case 'sessions':
			return m.coord_col_sessions();
		case 'minutes':
			return m.coord_col_minutes();
		case 'lastMet':
			return m.coord_col_last_met();
		case 'goalsSet':
			return m.coord_col_goals_set();
		case 'goalsAchieved':
			return m.coord_col_goals_achieved();
		case 'wins':
			return m.coord_col_wins();
		case 'stalling':
			return m.coord_col_stalling();
	}
}
