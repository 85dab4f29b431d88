import { compress, decompress } from './compression';
import { fromUtf8, utf8 } from './crypto/crypto-encoding';
import { isStamp } from './hybrid-clock';
import type { Change } from './replica-merge';
import { isSharedTable } from './shared-tables';

/**
 * What one encrypted operation carries: a batch of changes, as JSON. A device reads only the
 * versions it knows; a message from a newer Tandem is kept until this one is updated.
 */
export const pairMessageVersion = 1;

const limits = { changes: 2_000, fields: 400, fieldName: 120, id: 64 };

export function encodeMessage(changes: readonly Change[]): string {
	return JSON.stringify({ v: pairMessageVersion, c: changes });
}

/** A message as it is sealed: its JSON, compressed. */
export async function packMessage(changes: readonly Change[]): Promise<Uint8Array<ArrayBuffer>> {
	return compress(utf8(encodeMessage(changes)), 'deflate-raw');
}

/** A sealed message's JSON again, or null when it does not decompress. */
export async function unpackMessage(packed: Uint8Array<ArrayBuffer>): Promise<string | null> {
	const json = await decompress(packed, 'deflate-raw');
	return json && fromUtf8(json);
}

export type DecodedMessage =
	{ ok: true; changes: Change[] } | { ok: false; reason: 'newer' | 'invalid' };

function isChange(value: unknown): value is Change {
	if (typeof value !== 'object' || value === null) return false;
	const { t, r, s, f } = value as Record<string, unknown>;
	if (typeof t !== 'string' || !isSharedTable(t)) return false;
	if (typeof r !== 'string' || r.length === 0 || r.length > limits.id) return false;
	if (!isStamp(s) || typeof f !== 'object' || f === null || Array.isArray(f)) return false;
	const names = Object.keys(f);
	return names.length <= limits.fields && names.every((n) => n.length <= limits.fieldName);
}

/** Reads a decrypted message; anything malformed is refused whole, never half-applied. */
export function decodeMessage(plaintext: string): DecodedMessage {
	let json: unknown;
	try {
		json = JSON.parse(plaintext);
	} catch {
		return { ok: false, reason: 'invalid' };
	}
	const { v, c } = (json ?? {}) as { v?: unknown; c?: unknown };
	if (typeof v === 'number' && v > pairMessageVersion) return { ok: false, reason: 'newer' };
	if (v !== pairMessageVersion || !Array.isArray(c) || c.length > limits.changes) {
		return { ok: false, reason: 'invalid' };
	}
	return c.every(isChange) ? { ok: true, changes: c } : { ok: false, reason: 'invalid' };
}
