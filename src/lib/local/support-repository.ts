import type { SupportKind, SupportUrgency } from '$lib/domain/support';
import type { SupportRequestForDevice } from '$lib/protocol/support-protocol';
import type { Clock } from './clock';
import type { TandemDb } from './db';
import { newId } from './new-id';
import type { SchemeRepository } from './scheme-repository';
import { writing } from './storage-full';

/** A request as the device shows it: waiting means the scheme has not heard the latest yet. */
export interface SupportRequest extends SupportRequestForDevice {
	waiting: boolean;
}

const topicOf = (id: string) => `support:${id}`;

/**
 * A mentor's requests for support or supervision. Asking or cancelling works offline: the
 * request is kept here and queued for the scheme in one transaction.
 */
export class SupportRepository {
	constructor(
		private readonly db: TandemDb,
		private readonly clock: Clock,
		private readonly scheme: SchemeRepository
	) {}

	/** The person's requests, newest first. */
	async requests(): Promise<SupportRequest[]> {
		const { db } = this;
		const [requests, pending] = await Promise.all([
			db.supportRequests.orderBy('requestedAt').reverse().toArray(),
			db.outbox.where('state').equals('pending').toArray()
		]);
		const waiting = new Set(pending.map((e) => e.topic));
		return requests.map((r) => ({ ...r, waiting: waiting.has(topicOf(r.id)) }));
	}

	async ask(kind: SupportKind, urgency: SupportUrgency): Promise<SupportRequestForDevice> {
		const { db } = this;
		const request: SupportRequestForDevice = {
			id: newId(),
			kind,
			urgency,
			requestedAt: this.clock().toISOString(),
			status: 'open',
			reply: null,
			answeredAt: null
		};
		const { status, reply, answeredAt, ...payload } = request;
		return writing(() =>
			db.transaction('rw', [db.supportRequests, db.outbox], async () => {
				await db.supportRequests.add(request);
				await this.scheme.queue({ kind: 'support-request', payload });
				return request;
			})
		);
	}

	/** Takes back a request the coordinator has not answered yet. */
	async cancel(id: string): Promise<void> {
		const { db } = this;
		await writing(() =>
			db.transaction('rw', [db.supportRequests, db.outbox], async () => {
				const request = await db.supportRequests.get(id);
				if (request?.status !== 'open') return;
				await db.supportRequests.update(id, { status: 'cancelled' });
				await this.scheme.queue({ kind: 'support-cancellation', payload: { requestId: id } });
			})
		);
	}
}
