import type { RequestEvent } from '@sveltejs/kit';
import type * as v from 'valibot';
import { checkPublication } from '$lib/sync/publication-protocol';
import { apiInvalid, apiJson, apiNoContent, apiProblem, readJsonBody } from '../api-response';
import type { Database } from '../db/open-database';
import { deviceRequest } from '../device-request';
import type { DeviceIdentity } from '../devices';
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
		async PUT(event: RequestEvent): Promise<Response> {
			const request = await deviceRequest(event);
			if (!request.ok) return request.response;
			if (request.identity.role !== spec.role) return apiProblem(403, { error: 'wrong-role' });
			const body = await readJsonBody(event.request, spec.maxBytes);
			if (!body.ok) return body.response;
			const checked = checkPublication(spec.schema, body.value);
			if (!checked.ok) return apiInvalid(checked);
			const writtenAt = new Date(checked.value.writtenAt);
			const saved = await spec.save(request.db, request.identity, writtenAt, checked.value);
			return saved.ok ? apiJson({ outcome: saved.outcome }) : apiInvalid(saved);
		},
		async DELETE(event: RequestEvent): Promise<Response> {
			const request = await deviceRequest(event);
			if (!request.ok) return request.response;
			if (request.identity.role !== spec.role) return apiProblem(403, { error: 'wrong-role' });
			await spec.withdraw(request.db, request.identity.participantId);
			return apiNoContent();
		}
	};
}
