import type { RequestEvent, RequestHandler } from '@sveltejs/kit';
import type * as v from 'valibot';
import { checkWire } from '$lib/protocol/wire-check';
import { apiInvalid, apiJson, readBytesBody, readJsonBody } from './api-response';
import { database } from './db';
import type { Database } from './db/open-database';
import { deviceRequest } from './device-request';
import type { DeviceIdentity } from './devices';
import { refusalReply, refused, type Outcome } from './refusals';
import { isUuid } from './schemes';

type Read<T> = { ok: true; value: T } | { ok: false; response: Response };

/** How a route reads its body: never more than its limit, never unchecked. */
export interface BodyReader<T> {
	read(request: Request): Promise<Read<T>>;
}

/** A JSON body of at most `maxBytes`, checked against its shared schema (400 naming the field). */
export function jsonBody<S extends v.GenericSchema>(
	schema: S,
	maxBytes: number
): BodyReader<v.InferOutput<S>> {
	return {
		async read(request) {
			const body = await readJsonBody(request, maxBytes);
			if (!body.ok) return body;
			const checked = checkWire(schema, body.value);
			return checked.ok ? checked : { ok: false, response: apiInvalid(checked) };
		}
	};
}

/** Raw bytes of at most `maxBytes` (a backup part). */
export const bytesBody = (maxBytes: number): BodyReader<Buffer> => ({
	read: (request) => readBytesBody(request, maxBytes)
});

const noBody: BodyReader<undefined> = { read: async () => ({ ok: true, value: undefined }) };

/** Everything a device API handler gets: who asks, what they sent, and one clock. */
export interface DeviceCall<B> {
	db: Database;
	identity: DeviceIdentity;
	body: B;
	params: Record<string, string>;
	url: URL;
	now: Date;
}

export interface DeviceRouteSpec<B> {
	/** Only a mentor (or only a mentee) may call it: 403 `wrong-role` for anyone else. */
	role?: 'mentor' | 'mentee';
	/** Path parameters that must be UUIDs, checked before anything is read. */
	ids?: readonly string[];
	body?: BodyReader<B>;
	/** The status of a successful Outcome's reply. */
	status?: number;
	handle(call: DeviceCall<B>): Promise<Response | Outcome<unknown>>;
}

/**
 * The one shape of every /api/v1 route a device calls with its credential: the credential, the
 * role, the path's ids, the body read with its limit and checked by its shared schema, then the
 * call, and the answer. A limit or a rule written here holds for every route.
 */
export function deviceRoute<B = undefined>(spec: DeviceRouteSpec<B>): RequestHandler {
	return async (event: RequestEvent) => {
		const request = await deviceRequest(event);
		if (!request.ok) return request.response;
		if (spec.role && request.identity.role !== spec.role) {
			return refusalReply(refused('wrong-role'));
		}
		const params = event.params as Record<string, string>;
		const badId = spec.ids?.find((name) => !isUuid(params[name] ?? ''));
		if (badId) return apiInvalid({ field: badId, problem: 'must be a UUID' });
		const body = await (spec.body ?? (noBody as BodyReader<B>)).read(event.request);
		if (!body.ok) return body.response;
		const reply = await spec.handle({
			db: request.db,
			identity: request.identity,
			body: body.value,
			params,
			url: event.url,
			now: new Date()
		});
		if (reply instanceof Response) return reply;
		return reply.ok ? apiJson(reply.value, spec.status) : refusalReply(reply);
	};
}

/**
 * The same shape for the few routes a device calls before it has a credential (joining,
 * recovering): the body read with its limit and checked by its shared schema, then the call,
 * which gets the request event to count attempts by address.
 */
export function openRoute<B>(spec: {
	body: BodyReader<B>;
	handle(call: { db: Database; body: B; event: RequestEvent; now: Date }): Promise<Response>;
}): RequestHandler {
	return async (event: RequestEvent) => {
		const body = await spec.body.read(event.request);
		if (!body.ok) return body.response;
		const { db } = await database();
		return spec.handle({ db, body: body.value, event, now: new Date() });
	};
}
