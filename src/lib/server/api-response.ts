import { json } from '@sveltejs/kit';
import type { ApiProblem } from '$lib/protocol/participation';

/** An error reply for a device: a status and a body naming what was wrong, never a stack. */
export function apiProblem(status: number, problem: ApiProblem, headers?: HeadersInit): Response {
	return json(problem, { status, headers: { 'cache-control': 'no-store', ...headers } });
}

/** A successful reply for a device; nothing the device API answers may be cached. */
export function apiJson(body: unknown, status = 200): Response {
	return json(body, { status, headers: { 'cache-control': 'no-store' } });
}

export function apiNoContent(): Response {
	return new Response(null, { status: 204, headers: { 'cache-control': 'no-store' } });
}

/** A 400 for a body or query that failed its check, naming the field. */
export function apiInvalid(check: { field: string; problem: string }): Response {
	return apiProblem(400, { error: 'invalid', field: check.field, problem: check.problem });
}

const tooLarge = (maxBytes: number) =>
	({
		ok: false,
		response: apiProblem(413, { error: 'too-large', problem: `at most ${maxBytes} bytes` })
	}) as const;

export type JsonBody = { ok: true; value: unknown } | { ok: false; response: Response };

/** Reads a JSON body of at most `maxBytes`, answering 413 or 400 instead of throwing. */
export async function readJsonBody(request: Request, maxBytes: number): Promise<JsonBody> {
	const declared = Number(request.headers.get('content-length') ?? 0);
	if (declared > maxBytes) return tooLarge(maxBytes);
	let text: string;
	try {
		text = await request.text();
	} catch {
		return tooLarge(maxBytes);
	}
	if (new TextEncoder().encode(text).length > maxBytes) return tooLarge(maxBytes);
	try {
		return { ok: true, value: JSON.parse(text) };
	} catch {
		return {
			ok: false,
			response: apiProblem(400, { error: 'invalid', field: 'body', problem: 'must be JSON' })
		};
	}
}

export type BytesBody = { ok: true; value: Buffer } | { ok: false; response: Response };

/**
 * Reads a raw body of at most `maxBytes`, answering 413 instead of throwing. It stops reading
 * as soon as the limit is passed, so an undeclared oversized body is never held whole.
 */
export async function readBytesBody(request: Request, maxBytes: number): Promise<BytesBody> {
	const declared = Number(request.headers.get('content-length') ?? 0);
	if (declared > maxBytes) return tooLarge(maxBytes);
	if (!request.body) return { ok: true, value: Buffer.alloc(0) };
	const reader = request.body.getReader();
	const chunks: Uint8Array[] = [];
	let length = 0;
	try {
		for (let read = await reader.read(); !read.done; read = await reader.read()) {
			length += read.value.byteLength;
			if (length > maxBytes) {
				// Not cancel(): that destroys the socket before the 413 is written. The server entry
				// discards the rest once the answer has gone, and the connection stays usable.
				reader.releaseLock();
				return tooLarge(maxBytes);
			}
			chunks.push(read.value);
		}
	} catch {
		return tooLarge(maxBytes);
	}
	return { ok: true, value: Buffer.concat(chunks) };
}
