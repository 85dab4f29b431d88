import type MiniSearch from 'minisearch';
import type { JournalEntry } from '$lib/domain/journal';
import type { JournalRepository } from './journal-repository';

type Indexed = Pick<JournalEntry, 'id' | 'body' | 'tags'>;

/**
 * Full-text search over the journal. The index is built when the journal is first opened or
 * searched, in chunks that leave the page responsive, and then catches up on what changed
 * since, so a query never re-reads the whole journal.
 */
export class JournalSearch {
	private index: MiniSearch<Indexed> | undefined;
	private caughtUpTo = '';
	// Catch-ups run one after another: two at once would index the same entries twice.
	private queue: Promise<MiniSearch<Indexed>> | undefined;

	constructor(private readonly journal: JournalRepository) {}

	/** Builds the index ahead of the first search. */
	async warm(): Promise<void> {
		await this.catchUp();
	}

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

	private catchUp(): Promise<MiniSearch<Indexed>> {
		const next = (this.queue ?? Promise.resolve()).then(() => this.applyChanges());
		this.queue = next.catch(() => this.index!);
		return next;
	}

	private async applyChanges(): Promise<MiniSearch<Indexed>> {
		const changed = await this.journal.changedSince(this.caughtUpTo);
		if (!this.index) {
			const { default: MiniSearchClass } = await import('minisearch');
			const index = new MiniSearchClass<Indexed>({
				fields: ['body', 'tagText'],
				extractField: (doc, field) =>
					field === 'tagText' ? doc.tags.join(' ') : String(doc[field as keyof Indexed])
			});
			await index.addAllAsync(
				changed.filter((e) => e.deleted === 0).map(({ id, body, tags }) => ({ id, body, tags })),
				{ chunkSize: 250 }
			);
			this.index = index;
		} else {
			for (const entry of changed) {
				if (this.index.has(entry.id)) this.index.discard(entry.id);
				if (entry.deleted === 0) {
					this.index.add({ id: entry.id, body: entry.body, tags: entry.tags });
				}
			}
		}
		for (const entry of changed) {
			if (entry.updatedAt > this.caughtUpTo) this.caughtUpTo = entry.updatedAt;
		}
		return this.index;
	}
}
