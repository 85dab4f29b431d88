import {
	dashboardColumns,
	type DashboardColumn,
	type SortDirection
} from '$lib/protocol/coordinator/dashboard';

export interface DashboardSort {
	column: DashboardColumn;
	direction: SortDirection;
}

/** Stalling pairs first: they are the ones a coordinator needs to chase. */
export const defaultSort: DashboardSort = { column: 'stalling', direction: 'desc' };

/** The sort asked for in `?sort=&dir=`; anything unknown falls back to the default. */
export function dashboardSort(params: URLSearchParams): DashboardSort {
	const column = params.get('sort');
	if (!dashboardColumns.includes(column as DashboardColumn)) return defaultSort;
	return {
		column: column as DashboardColumn,
		direction: params.get('dir') === 'desc' ? 'desc' : 'asc'
	};
}

/** Where a column's header link leads: that column ascending, or the other way if it already is. */
export function sortLink(current: DashboardSort, column: DashboardColumn): string {
	const direction = current.column === column && current.direction === 'asc' ? 'desc' : 'asc';
	return `?sort=${column}&dir=${direction}`;
}
