import { isStamp } from './hybrid-clock';
import type { Change } from './replica-merge';
import { isSharedTable } from './shared-tables';

/**
 * What one encrypted operation carries: a batch of changes, as JSON. A device reads only the
 * versions it knows; a message from a newer Tandem is kept until this one is updated.
 */
export const pairMessageVersion = 1;

/** Plaintext per message, well inside the server's limit once encrypted and encoded. */
const messageBytes = 32 * 1024;
const limits = { changes: 2_000, fields: 400, fieldName: 120, id: 64 };

export function encodeMessage(changes: readonly Change[]): string {
	return JSON.stringify({ v: pairMessageVersion, c: changes });
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

/** Splits changes into messages of a sensible size, keeping their order. */
export function splitIntoMessages(changes: readonly Change[]): Change[][] {
	const messages: Change[][] = [];
	let current: Change[] = [];
	let size = 0;
	for (const change of changes) {
		const bytes = new TextEncoder().encode(JSON.stringify(change)).length;
		if (current.length > 0 && size + bytes > messageBytes) {
			messages.push(current);
			current = [];
			size = 0;
		}
		current.push(change);
		size += bytes;
	}
	if (current.length > 0) messages.push(current);
	return messages;
}
