/** One page of a long list, read from an index rather than the whole table. */
export interface Page<T> {
	items: T[];
	/** True when there are older records beyond this page. */
	more: boolean;
}

/** Reads one more than a page, so the page knows whether more follow without counting. */
export async function readPage<T>(
	collection: { limit(n: number): { toArray(): Promise<T[]> } },
	limit: number
): Promise<Page<T>> {
	const items = await collection.limit(limit + 1).toArray();
	return { items: items.slice(0, limit), more: items.length > limit };
}
