import type { Pair } from '$lib/domain/pair';
import type { SchemePairInfo } from '$lib/protocol/participation';

export type PairLinkPlan = { schemePair: SchemePairInfo; localPairId: string | null };

const words = (name: string) => name.trim().toLocaleLowerCase().split(/\s+/).filter(Boolean);

/** "Rhian" typed on the device and "Rhian Jones" in the scheme are the same person. */
function samePerson(a: string, b: string): boolean {
	const [x, y] = [words(a), words(b)];
	if (x.length === 0 || y.length === 0) return false;
	return x.join(' ') === y.join(' ') || x[0] === y[0];
}

/**
 * Decides which local pair each of the scheme's pairs belongs to, so the pair someone started
 * before joining keeps everything in it. An existing link stands; otherwise the local pair
 * whose partner has the same name, or the only candidate when there is just one of each;
 * failing that, null: a new local pair is made.
 */
export function planPairLinks(
	schemePairs: readonly SchemePairInfo[],
	linked: ReadonlyMap<string, string>,
	localPairs: readonly Pair[]
): PairLinkPlan[] {
	const taken = new Set(linked.values());
	const free = () => localPairs.filter((p) => p.deleted === 0 && !taken.has(p.id));
	const unlinked = schemePairs.filter((s) => !linked.has(s.id));
	const plans = new Map<string, string | null>();
	for (const s of unlinked) {
		const match = free().find((p) => samePerson(p.partnerName, s.partnerName));
		if (match) {
			plans.set(s.id, match.id);
			taken.add(match.id);
		}
	}
	const stillUnlinked = unlinked.filter((s) => !plans.has(s.id));
	const candidates = free();
	if (stillUnlinked.length === 1 && candidates.length === 1) {
		plans.set(stillUnlinked[0]!.id, candidates[0]!.id);
	}
	return schemePairs.map((s) => ({
		schemePair: s,
		localPairId: linked.get(s.id) ?? plans.get(s.id) ?? null
	}));
}
