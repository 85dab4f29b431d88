import { json } from '@sveltejs/kit';
import type { ApiProblem } from '$lib/sync/participation';

/** An error reply for a device: a status and a body naming what was wrong, never a stack. */
export function apiProblem(status: number, problem: ApiProblem, headers?: HeadersInit): Response {
	return json(problem, { status, headers: { 'cache-control': 'no-store', ...headers } });
}

export type JsonBody = { ok: true; value: unknown } | { ok: false; response: Response };

/** Reads a JSON body of at most `maxBytes`, answering 413 or 400 instead of throwing. */
export async function readJsonBody(request: Request, maxBytes: number): Promise<JsonBody> {
	const declared = Number(request.headers.get('content-length') ?? 0);
	const tooLarge = {
		ok: false,
		response: apiProblem(413, { error: 'too-large', problem: `at most ${maxBytes} bytes` })
	} as const;
	if (declared > maxBytes) return tooLarge;
	let text: string;
	try {
		text = await request.text();
	} catch {
		return tooLarge;
	}
	if (new TextEncoder().encode(text).length > maxBytes) return tooLarge;
	try {
		return { ok: true, value: JSON.parse(text) };
	} catch {
		return {
			ok: false,
			response: apiProblem(400, { error: 'invalid', field: 'body', problem: 'must be JSON' })
		};
	}
}
