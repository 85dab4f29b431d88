import type { Pair } from '$lib/domain/pair';
import type { Participation } from '$lib/protocol/participation';
import type { OutboxItem } from './outbox/outbox-item';
import { SchemeOutbox } from './outbox/scheme-outbox';
import type { ProposalAnswer } from '$lib/protocol/publication-protocol';
import type {
	OutboxEntry,
	SchemeMembership,
	SchemePairLink,
	StoredProposal
} from '$lib/local/rows/scheme-membership';
import type { SyncProblem } from '$lib/protocol/problems';
import type { Clock } from './clock';
import type { TandemDb } from './db';
import { newId } from './new-id';
import { takeOwnDevices } from './own-devices';
import { readPairRecords } from './pair-records';

/** The person's writing stays; what a scheme was asked to hold means nothing to another one. */
const unpublished = {
	state: 'draft',
	payload: null,
	writtenAt: null,
	publishedAt: null,
	unpublishedChanges: false,
	lastProblem: null
} as const;

/**
 * What the device knows about its scheme: membership, pair links, the outbox, and the
 * proposals waiting on the person.
 */
export class SchemeRepository {
	private readonly outboxItems: SchemeOutbox;

	constructor(
		private readonly db: TandemDb,
		private readonly clock: Clock
	) {
		this.outboxItems = new SchemeOutbox(db, clock);
	}

	membership(): Promise<SchemeMembership | undefined> {
		return this.db.membership.get('me');
	}

	/** Joining another scheme, or as someone else, starts the links and outbox afresh. */
	async join(membership: SchemeMembership): Promise<void> {
		const { db } = this;
		await db.transaction('rw', [...this.schemeTables(), db.membership], async () => {
			const before = await db.membership.get('me');
			if (before && before.participantId !== membership.participantId) await this.forget();
			await db.membership.put(membership);
		});
	}

	async updateMembership(changes: Partial<Omit<SchemeMembership, 'id'>>): Promise<void> {
		await this.db.membership.update('me', changes);
	}

	links(): Promise<SchemePairLink[]> {
		return this.db.schemePairs.toArray();
	}

	/**
	 * Takes in the scheme's view of this person: links each scheme pair to a local pair (making
	 * one when none fits) in one transaction, so nothing is linked twice or half-made.
	 */
	async applyParticipation(participation: Participation): Promise<void> {
		const { db } = this;
		// Only the sync needs these, and it runs after the first screen: load them then, outside
		// the transaction (which must not wait on anything but the database).
		const { planPairLinks } = await import('$lib/local/pair-linking');
		const tables = [
			db.membership,
			db.schemePairs,
			db.pairs,
			db.profile,
			db.proposals,
			db.supportRequests,
			db.outbox
		];
		await db.transaction('rw', tables, async () => {
			const links = await db.schemePairs.toArray();
			const linked = new Map(links.map((l) => [l.id, l.localPairId]));
			const localPairs = await db.pairs.toArray();
			const now = this.clock().toISOString();
			const profile = await db.profile.get('me');
			let current = profile?.currentPairId ?? null;
			for (const plan of planPairLinks(participation.pairs, linked, localPairs)) {
				let localPairId = plan.localPairId;
				if (!localPairId) {
					const pair: Pair = {
						id: newId(),
						createdAt: now,
						updatedAt: now,
						deleted: 0,
						deletedAt: null,
						partnerName: plan.schemePair.partnerName,
						startedOn: plan.schemePair.startsOn,
						endsOn: plan.schemePair.endsOn,
						agreement: null
					};
					await db.pairs.add(pair);
					localPairId = pair.id;
					current ??= pair.id;
				}
				await db.schemePairs.put({ ...plan.schemePair, localPairId });
			}
			if (profile && current !== profile.currentPairId) {
				await db.profile.put({ ...profile, currentPairId: current, updatedAt: now });
			}
			await db.membership.update('me', {
				schemeName: participation.scheme.name,
				organisation: participation.scheme.organisation,
				name: participation.participant.name,
				role: participation.participant.role,
				matching: participation.matching,
				published: participation.published,
				surveys: participation.surveys,
				milestones: participation.milestones,
				photo: participation.photo
			});
			await this.takeSupportRequests(participation.supportRequests);
			await takeOwnDevices(db, participation.devices);
			// The scheme's list is the truth; an answer given here stays with its proposal until
			// the scheme stops listing it, so a round that read the list before the answer went
			// does not bring the question back.
			const answers = new Map((await db.proposals.toArray()).map((p) => [p.id, p.answered]));
			await db.proposals.clear();
			await db.proposals.bulkPut(
				participation.proposals.map((p) => ({ ...p, answered: answers.get(p.id) ?? null }))
			);
		});
	}

	/**
	 * The scheme's view of the person's requests for support is the truth, except for a request
	 * whose news (asking, cancelling) is still waiting in the outbox: that one stays as it is here.
	 */
	private async takeSupportRequests(fromScheme: Participation['supportRequests']): Promise<void> {
		const { db } = this;
		const pending = await db.outbox.where('state').equals('pending').toArray();
		const waiting = new Set(
			pending.flatMap((e) =>
				e.kind === 'support-request'
					? [e.payload.id]
					: e.kind === 'support-cancellation'
						? [e.payload.requestId]
						: []
			)
		);
		const kept = (await db.supportRequests.toArray()).filter((r) => waiting.has(r.id));
		await db.supportRequests.clear();
		await db.supportRequests.bulkPut([...fromScheme.filter((r) => !waiting.has(r.id)), ...kept]);
	}

	/** Proposals waiting on the person's answer, the one due soonest first. */
	async proposals(): Promise<StoredProposal[]> {
		const all = await this.db.proposals.toArray();
		return all
			.filter((p) => p.answered === null)
			.sort((a, b) => a.respondBy.localeCompare(b.respondBy));
	}

	proposal(id: string): Promise<StoredProposal | undefined> {
		return this.db.proposals.get(id);
	}

	async recordAnswer(id: string, answer: ProposalAnswer, status: string): Promise<void> {
		const answered = { answer: answer.answer, status, at: this.clock().toISOString() };
		await this.db.proposals.update(id, { answered });
	}

	/** The scheme no longer has the proposal open (it closed, or ran out of time). */
	async forgetProposal(id: string): Promise<void> {
		await this.db.proposals.delete(id);
	}

	/** The pair has ended (either of the two ended it); the scheme will say the same. */
	async markPairEnded(schemePairId: string, endsOn: string): Promise<void> {
		await this.db.schemePairs.update(schemePairId, { status: 'ended', endsOn });
	}

	/**
	 * Builds each linked pair's report from the allowlist and queues it when it says something
	 * new. A newer report replaces one still waiting: each is a whole snapshot.
	 */
	async queueReports(): Promise<number> {
		const { db } = this;
		const { progressMetrics } = await import('$lib/privacy/progress-metrics');
		let queued = 0;
		const links = await db.schemePairs.toArray();
		for (const link of links) {
			if (link.status === 'ended') continue;
			await db.transaction(
				'rw',
				[db.outbox, db.pairs, db.sessions, db.agendaItems, db.goals, db.actions, db.wins],
				async () => {
					const records = await readPairRecords(db, link.localPairId);
					if (!records) return;
					const ids = { uploadId: newId(), pair: link.id };
					const payload = progressMetrics(records, ids, this.clock());
					if (await this.queue({ kind: 'metrics', pairId: link.id, payload })) queued++;
				}
			);
		}
		return queued;
	}

	/** Queues an item for the scheme (see SchemeOutbox.queue). */
	queue(item: OutboxItem): Promise<boolean> {
		return this.outboxItems.queue(item);
	}

	due(nowMs: number): Promise<OutboxEntry[]> {
		return this.outboxItems.due(nowMs);
	}

	pending(): Promise<OutboxEntry[]> {
		return this.outboxItems.pending();
	}

	outbox(): Promise<OutboxEntry[]> {
		return this.outboxItems.all();
	}

	markSent(entry: OutboxEntry): Promise<void> {
		return this.outboxItems.markSent(entry);
	}

	markFailed(entry: OutboxEntry, problem: SyncProblem, nextAttemptAt: number): Promise<void> {
		return this.outboxItems.markFailed(entry, problem, nextAttemptAt);
	}

	/** Leaves the scheme on this device: the pairs and everything in them stay. */
	async leave(): Promise<void> {
		const { db } = this;
		await db.transaction('rw', [...this.schemeTables(), db.membership], async () => {
			await Promise.all([db.membership.clear(), this.forget()]);
		});
	}

	private schemeTables() {
		const { db } = this;
		return [
			db.schemePairs,
			db.outbox,
			db.proposals,
			db.publications,
			db.supportRequests,
			db.boardPosts,
			db.boardMeta
		];
	}

	/** Everything tied to one membership (the board too); drafts stay, unpublished. */
	private async forget(): Promise<void> {
		const { db } = this;
		await Promise.all([
			db.schemePairs.clear(),
			db.outbox.clear(),
			db.proposals.clear(),
			db.supportRequests.clear(),
			db.boardPosts.clear(),
			db.boardMeta.clear()
		]);
		await db.publications.toCollection().modify(unpublished);
	}
}
