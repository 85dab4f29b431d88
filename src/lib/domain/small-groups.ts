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

/** A count of people as a report may show it: null where the group is too small. */
export function suppressCount(count: number, smallest = smallestShownGroup): number | null {
	return count > 0 && count < smallest ? null : count;
}

/**
 * The groups of one breakdown (each person in exactly one group, beside a total that is
 * shown), with every group of one to four people hidden. None is a count that points at no
 * one, so it shows. When exactly one group is hidden, the total minus the others would give it
 * away, so the next smallest group is hidden too (complementary suppression).
 */
export function suppressBreakdown(
	counts: readonly number[],
	smallest = smallestShownGroup
): (number | null)[] {
	const hidden = counts.map((c) => suppressCount(c, smallest) === null);
	if (hidden.filter(Boolean).length === 1) {
		let next = -1;
		counts.forEach((c, i) => {
			if (!hidden[i] && (next < 0 || c < counts[next]!)) next = i;
		});
		if (next >= 0) hidden[next] = true;
	}
	return counts.map((c, i) => (hidden[i] ? null : c));
}

/** A mean is shown only over five answers or more. */
export function suppressMean(
	mean: number | null,
	answers: number,
	smallest = smallestShownGroup
): number | null {
	return answers < smallest ? null : mean;
}
