import { emptyNeedsDraft, emptyPenPictureDraft } from '$lib/domain/publication-draft';
import type {
	DraftOf,
	DuePublication,
	PayloadOf,
	Publication,
	PublicationKind,
	PublicationOf
} from '$lib/local/rows/publication-record';
import type { PublicationProblem, SyncProblem } from '$lib/protocol/problems';
import { stillLimited } from '$lib/protocol/limit-problem';
import type { PublishedState } from '$lib/protocol/publication-protocol';
import type { Clock } from './clock';
import type { TandemDb } from './db';
import { writing } from './storage-full';

function blank<K extends PublicationKind>(kind: K, now: string): PublicationOf<K> {
	const draft = kind === 'pen-picture' ? emptyPenPictureDraft() : emptyNeedsDraft();
	return {
		kind,
		draft,
		state: 'draft',
		editedAt: now,
		writtenAt: null,
		publishedAt: null,
		unpublishedChanges: false,
		payload: null,
		lastProblem: null
	} as PublicationOf<K>;
}

const heldAt = (published: PublishedState, kind: PublicationKind) =>
	kind === 'pen-picture' ? published.penPictureAt : published.needsAt;

/**
 * A mentor's pen picture and a mentee's needs: the draft written on the device, and what the
 * person asked the scheme to hold. Nothing leaves from here; the scheme sync sends what is due.
 */
export class PublicationRepository {
	constructor(
		private readonly db: TandemDb,
		private readonly clock: Clock
	) {}

	get<K extends PublicationKind>(kind: K): Promise<PublicationOf<K> | undefined> {
		return this.db.publications.get(kind) as Promise<PublicationOf<K> | undefined>;
	}

	/** Keeps the draft; a change after publishing is marked as not yet published. */
	async saveDraft<K extends PublicationKind>(
		kind: K,
		draft: DraftOf<K>
	): Promise<PublicationOf<K>> {
		return this.change(kind, (p, now) => {
			if (JSON.stringify(p.draft) === JSON.stringify(draft)) return p;
			const held = p.state !== 'draft' || p.publishedAt !== null;
			return { ...p, draft, editedAt: now, unpublishedChanges: held };
		});
	}

	/** Queues exactly this payload (built from this draft) for the scheme. */
	async queuePublish<K extends PublicationKind>(
		kind: K,
		draft: DraftOf<K>,
		payload: PayloadOf<K>
	): Promise<PublicationOf<K>> {
		return this.change(kind, (p, now) => ({
			...p,
			draft,
			payload,
			state: 'to-publish',
			editedAt: JSON.stringify(p.draft) === JSON.stringify(draft) ? p.editedAt : now,
			writtenAt: now,
			unpublishedChanges: false,
			lastProblem: null
		}));
	}

	/** Asks the scheme to delete its copy; the draft stays here. */
	async queueWithdraw(kind: PublicationKind): Promise<Publication> {
		return this.change(kind, (p) => ({ ...p, state: 'to-withdraw', lastProblem: null }));
	}

	/** What the next sync round has to send. */
	async due(now = new Date()): Promise<DuePublication[]> {
		const all = await this.db.publications.toArray();
		const due: DuePublication[] = [];
		for (const p of all) {
			// At the scheme's limit on publishing: it waits as long as the scheme said.
			if (stillLimited(p.lastProblem, now)) continue;
			if (p.state === 'to-withdraw') due.push({ kind: p.kind, action: 'withdraw' });
			if (p.state !== 'to-publish' || !p.payload || !p.writtenAt) continue;
			due.push(
				p.kind === 'pen-picture'
					? { kind: p.kind, action: 'publish', writtenAt: p.writtenAt, payload: p.payload }
					: { kind: p.kind, action: 'publish', writtenAt: p.writtenAt, payload: p.payload }
			);
		}
		return due;
	}

	/**
	 * The scheme did what was asked. Unless the person asked for something else meanwhile (a
	 * newer Publish, or Withdraw), which the next round sends.
	 */
	async markDone(due: DuePublication): Promise<void> {
		await this.whileStill(due, (p, now) =>
			due.action === 'publish'
				? { ...p, state: 'published', publishedAt: now, lastProblem: null }
				: {
						...p,
						state: 'draft',
						payload: null,
						writtenAt: null,
						publishedAt: null,
						unpublishedChanges: false,
						lastProblem: null
					}
		);
	}

	/** The scheme refused the payload: it waits for the person to change it and publish again. */
	async markRefused(due: DuePublication, field: string, problem: string): Promise<void> {
		await this.whileStill(due, (p) => ({
			...p,
			state: p.publishedAt ? 'published' : 'draft',
			unpublishedChanges: p.publishedAt !== null,
			lastProblem: { kind: 'refused', field, problem }
		}));
	}

	/** The attempt did not get through; it stays due for the next round. */
	async markProblem(due: DuePublication, problem: PublicationProblem): Promise<void> {
		await this.whileStill(due, (p) => ({ ...p, lastProblem: problem }));
	}

	/** The round could not reach the scheme at all: says so on everything waiting. */
	async noteProblem(problem: SyncProblem): Promise<void> {
		for (const due of await this.due()) await this.markProblem(due, problem);
	}

	/**
	 * Takes in what the scheme says it holds: a copy withdrawn elsewhere (from the person's other
	 * device) is no longer published here; one published elsewhere shows as published, with this
	 * device's draft as changes not yet sent.
	 */
	async reconcile(published: PublishedState): Promise<void> {
		const { db } = this;
		await db.transaction('rw', db.publications, async () => {
			for (const p of await db.publications.toArray()) {
				const at = heldAt(published, p.kind);
				if (p.state === 'published' && at === null) {
					await db.publications.put({
						...p,
						state: 'draft',
						publishedAt: null,
						unpublishedChanges: false
					});
				} else if (p.state === 'draft' && p.publishedAt === null && at !== null) {
					await db.publications.put({
						...p,
						state: 'published',
						publishedAt: at,
						unpublishedChanges: true
					});
				}
			}
		});
	}

	private async change<K extends PublicationKind>(
		kind: K,
		update: (p: PublicationOf<K>, now: string) => PublicationOf<K>
	): Promise<PublicationOf<K>> {
		const { db } = this;
		return writing(() =>
			db.transaction('rw', db.publications, async () => {
				const now = this.clock().toISOString();
				const before =
					((await db.publications.get(kind)) as PublicationOf<K> | undefined) ?? blank(kind, now);
				const after = update(before, now);
				if (after !== before) await db.publications.put(after);
				return after;
			})
		);
	}

	private async whileStill(
		due: DuePublication,
		update: (p: Publication, now: string) => Publication
	): Promise<void> {
		const { db } = this;
		await db.transaction('rw', db.publications, async () => {
			const p = await db.publications.get(due.kind);
			if (!p) return;
			const unchanged =
				due.action === 'publish'
					? p.state === 'to-publish' && p.writtenAt === due.writtenAt
					: p.state === 'to-withdraw';
			if (unchanged) await db.publications.put(update(p, this.clock().toISOString()));
		});
	}
}
