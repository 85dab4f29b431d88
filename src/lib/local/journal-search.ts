import type MiniSearch from 'minisearch';
import type { JournalEntry } from '$lib/domain/journal';
import type { JournalRepository } from './journal-repository';

type Indexed = Pick<JournalEntry, 'id' | 'body' | 'tags'>;

/**
 * Full-text search over the journal. The index is built on the first search, not at start-up,
 * and then catches up on what changed since, so a query never re-reads the whole journal.
 */
export class JournalSearch {
	private index: MiniSearch<Indexed> | undefined;
	private caughtUpTo = '';

	constructor(private readonly journal: JournalRepository) {}

	/** The best matches, up to `limit`, and how many entries match in all. */
	async search(query: string, limit = 50): Promise<{ entries: JournalEntry[]; total: number }> {
		const index = await this.catchUp();
		// Typos are forgiven only in longer words: fuzzy matching of short ones finds noise, slowly.
		const hits = index.search(query, {
			prefix: true,
			fuzzy: (term) => (term.length >= 5 ? 0.2 : false),
			combineWith: 'AND'
		});
		const entries = await this.journal.byIds(hits.slice(0, limit).map((h) => String(h.id)));
		return { entries, total: hits.length };
	}

	private async catchUp(): Promise<MiniSearch<Indexed>> {
		if (!this.index) {
			const { default: MiniSearchClass } = await import('minisearch');
			this.index = new MiniSearchClass<Indexed>({
				fields: ['body', 'tagText'],
				extractField: (doc, field) =>
					field === 'tagText' ? doc.tags.join(' ') : String(doc[field as keyof Indexed])
			});
		}
		const index = this.index;
		const changed = await this.journal.changedSince(this.caughtUpTo);
		for (const entry of changed) {
			if (index.has(entry.id)) index.discard(entry.id);
			if (entry.deleted === 0) index.add({ id: entry.id, body: entry.body, tags: entry.tags });
			if (entry.updatedAt > this.caughtUpTo) this.caughtUpTo = entry.updatedAt;
		}
		return index;
	}
}
