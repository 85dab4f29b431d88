import type { Pair } from '$lib/domain/pair';
import type { MetricsPayload } from '$lib/sync/metrics-payload';
import type { Participation } from '$lib/sync/participation';
import type {
	OutboxEntry,
	SchemeMembership,
	SchemePairLink,
	SyncProblem
} from '$lib/sync/scheme-membership';
import type { Clock } from './clock';
import type { TandemDb } from './db';
import { newId } from './new-id';
import { readPairRecords } from './pair-records';

/** The payload minus what changes on every build, to tell whether anything new is to be said. */
function contentKey(payload: MetricsPayload): string {
	const { uploadId, generatedAt, ...content } = payload;
	return JSON.stringify(content);
}

/** What the device knows about its scheme: membership, pair links and the outbox. */
export class SchemeRepository {
	constructor(
		private readonly db: TandemDb,
		private readonly clock: Clock
	) {}

	membership(): Promise<SchemeMembership | undefined> {
		return this.db.membership.get('me');
	}

	/** Joining another scheme, or as someone else, starts the links and outbox afresh. */
	async join(membership: SchemeMembership): Promise<void> {
		const { db } = this;
		await db.transaction('rw', [db.membership, db.schemePairs, db.outbox], async () => {
			const before = await db.membership.get('me');
			if (before && before.participantId !== membership.participantId) {
				await Promise.all([db.schemePairs.clear(), db.outbox.clear()]);
			}
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
		const { planPairLinks } = await import('$lib/sync/pair-linking');
		await db.transaction('rw', [db.membership, db.schemePairs, db.pairs, db.profile], async () => {
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
				role: participation.participant.role
			});
		});
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
		const { progressMetrics } = await import('$lib/sync/progress-metrics');
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
					const now = this.clock();
					const payload = progressMetrics(records, { uploadId: newId(), pair: link.id }, now);
					const key = contentKey(payload);
					const entries = await db.outbox.where('pairId').equals(link.id).toArray();
					if (entries.some((e) => e.contentKey === key)) return;
					await db.outbox.bulkDelete(
						entries.filter((e) => e.state === 'pending').map((e) => e.uploadId)
					);
					await db.outbox.add({
						uploadId: payload.uploadId,
						pairId: link.id,
						state: 'pending',
						payload,
						contentKey: key,
						queuedAt: now.toISOString(),
						attempts: 0,
						nextAttemptAt: 0,
						lastProblem: null,
						sentAt: null
					});
					queued++;
				}
			);
		}
		return queued;
	}

	/** Reports whose next attempt is due, oldest first. */
	async due(nowMs: number): Promise<OutboxEntry[]> {
		const pending = await this.db.outbox.where('state').equals('pending').toArray();
		return pending
			.filter((e) => e.nextAttemptAt <= nowMs)
			.sort((a, b) => a.queuedAt.localeCompare(b.queuedAt));
	}

	pending(): Promise<OutboxEntry[]> {
		return this.db.outbox.where('state').equals('pending').toArray();
	}

	/** The report the scheme has, and the one waiting, for each pair. */
	outbox(): Promise<OutboxEntry[]> {
		return this.db.outbox.toArray();
	}

	/** Keeps only the latest sent report per pair: what the scheme now holds. */
	async markSent(entry: OutboxEntry): Promise<void> {
		const { db } = this;
		await db.transaction('rw', db.outbox, async () => {
			const current = await db.outbox.get(entry.uploadId);
			if (!current) return;
			const older = await db.outbox
				.where('[pairId+state]')
				.equals([entry.pairId, 'sent'])
				.primaryKeys();
			await db.outbox.bulkDelete(older);
			await db.outbox.put({
				...current,
				state: 'sent',
				sentAt: this.clock().toISOString(),
				lastProblem: null
			});
		});
	}

	async markFailed(entry: OutboxEntry, problem: SyncProblem, nextAttemptAt: number) {
		await this.db.outbox.update(entry.uploadId, {
			attempts: entry.attempts + 1,
			nextAttemptAt,
			lastProblem: problem
		});
	}

	/** Leaves the scheme on this device: the pairs and everything in them stay. */
	async leave(): Promise<void> {
		const { db } = this;
		await db.transaction('rw', [db.membership, db.schemePairs, db.outbox], async () => {
			await Promise.all([db.membership.clear(), db.schemePairs.clear(), db.outbox.clear()]);
		});
	}
}
