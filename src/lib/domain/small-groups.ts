/**
 * Equality figures are never shown for groups smaller than five: a count of one or two in a
 * small scheme points at a person.
 */
export const smallestShownGroup = 5;

export interface GroupCount<K> {
	group: K;
	count: number;
}

/**
 * Each group with its count, or null where the group is too small to show. Shown groups come
 * first, largest first; hidden ones follow in their given order, so the order gives nothing away.
 */
export function suppressSmallGroups<K>(
	groups: readonly GroupCount<K>[],
	smallest = smallestShownGroup
): { group: K; count: number | null }[] {
	const shown = groups.filter((g) => g.count >= smallest).sort((a, b) => b.count - a.count);
	const hidden = groups.filter((g) => g.count < smallest);
	return [...shown, ...hidden.map((g) => ({ group: g.group, count: null }))];
}
