import type * as v from 'valibot';
import { notAfter } from '$lib/domain/timestamp';
import { apiInvalid, apiNoContent } from '../api-response';
import type { Database } from '../db/open-database';
import { deviceRoute, jsonBody } from '../device-route';
import type { DeviceIdentity } from '../devices';
import { withinRate } from '../write-rate';
import type { PublishOutcome } from './publications';

/**
 * PUT and DELETE for one kind of publication (a mentor's pen picture, a mentee's needs): only the
 * person whose role writes it, the body checked by the shared schema, a late copy stale.
 */
export function publicationEndpoints<
	S extends v.GenericSchema<unknown, { writtenAt: string }>
>(spec: {
	role: 'mentor' | 'mentee';
	schema: S;
	/** A full publication is a few KB; anything far larger is refused unread. */
	maxBytes: number;
	save: (
		db: Database,
		identity: DeviceIdentity,
		writtenAt: Date,
		body: v.InferOutput<S>
	) => Promise<PublishOutcome>;
	withdraw: (db: Database, participantId: string) => Promise<void>;
}) {
	return {
		PUT: deviceRoute({
			role: spec.role,
			body: jsonBody(spec.schema, spec.maxBytes),
			async handle({ db, identity, body, now }) {
				const rate = await withinRate(db, identity, 'publications-per-day', now);
				if (!rate.ok) return rate;
				// A clock running ahead must not make this copy win against every later one.
				const writtenAt = notAfter(new Date(body.writtenAt), now);
				const saved = await spec.save(db, identity, writtenAt, body);
				return saved.ok ? { ok: true, value: { outcome: saved.outcome } } : apiInvalid(saved);
			}
		}),
		DELETE: deviceRoute({
			role: spec.role,
			async handle({ db, identity, now }) {
				const rate = await withinRate(db, identity, 'publications-per-day', now);
				if (!rate.ok) return rate;
				await spec.withdraw(db, identity.participantId);
				return apiNoContent();
			}
		})
	};
}
