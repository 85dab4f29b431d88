import type { BrowserContext } from '@playwright/test';
import { gunzipSync, inflateRawSync } from 'node:zlib';

/**
 * Whether data gives a canary away: in the clear, or inside anything that merely encodes it
 * (base64 or base64url, hex, gzip, raw deflate), so that sending text encoded instead of encrypted fails a
 * privacy test instead of passing it.
 */
export function revealsCanary(data: Buffer | string, canary: string, depth = 0): boolean {
	const bytes = typeof data === 'string' ? Buffer.from(data) : data;
	if (bytes.includes(canary)) return true;
	if (depth >= 3) return false;
	if (bytes[0] === 0x1f && bytes[1] === 0x8b) {
		try {
			if (revealsCanary(gunzipSync(bytes), canary, depth + 1)) return true;
		} catch {
			// not gzip after all
		}
	}
	// Raw deflate has no header to recognise it by: just try.
	try {
		if (revealsCanary(inflateRawSync(bytes), canary, depth + 1)) return true;
	} catch {
		// not raw deflate
	}
	const text = bytes.toString('latin1');
	for (const run of text.match(/[A-Za-z0-9+/_-]{16,}={0,2}/g) ?? []) {
		if (
			revealsCanary(
				Buffer.from(run, run.includes('-') || run.includes('_') ? 'base64url' : 'base64'),
				canary,
				depth + 1
			)
		) {
			return true;
		}
	}
	for (const run of text.match(/(?:[0-9a-f]{2}){16,}/gi) ?? []) {
		if (revealsCanary(Buffer.from(run, 'hex'), canary, depth + 1)) return true;
	}
	return false;
}

export interface SentBody {
	request: string;
	body: Buffer;
}

/** Every request body a browser context sends, the service worker's included, as bytes. */
export function captureBodies(context: BrowserContext): SentBody[] {
	const bodies: SentBody[] = [];
	context.on('request', (request) => {
		const body = request.postDataBuffer();
		if (body) bodies.push({ request: `${request.method()} ${request.url()}`, body });
	});
	return bodies;
}
