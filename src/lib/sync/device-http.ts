/** A device's credential for the scheme's API, sent as a bearer token on every call. */
export interface DeviceCredential {
	deviceId: string;
	deviceSecret: string;
}

export const authorization = (c: DeviceCredential) => `Bearer ${c.deviceId}.${c.deviceSecret}`;

/** The network being down is an answer too: `offline`, never a thrown error. */
export async function call(
	path: string,
	init: RequestInit
): Promise<Response | { kind: 'offline' }> {
	try {
		return await fetch(path, { ...init, cache: 'no-store', credentials: 'omit' });
	} catch {
		return { kind: 'offline' };
	}
}

export function jsonRequest(
	credential: DeviceCredential,
	method: string,
	body?: unknown
): RequestInit {
	return {
		method,
		headers: {
			authorization: authorization(credential),
			...(body === undefined ? {} : { 'content-type': 'application/json' })
		},
		body: body === undefined ? undefined : JSON.stringify(body)
	};
}

export type Exchange<T, P> =
	{ ok: true; value: T } | { ok: false; problem: P | { kind: 'offline' } };

/** One request and its JSON reply; an error status becomes a problem the UI can explain. */
export async function exchange<T, P>(
	path: string,
	init: RequestInit,
	problemOf: (response: Response) => Promise<P>
): Promise<Exchange<T, P>> {
	const response = await call(path, init);
	if (!(response instanceof Response)) return { ok: false, problem: response };
	if (!response.ok) return { ok: false, problem: await problemOf(response) };
	const value = response.status === 204 ? undefined : await response.json().catch(() => null);
	return { ok: true, value: value as T };
}
