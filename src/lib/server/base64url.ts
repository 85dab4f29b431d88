import { refused, type Outcome } from './refusals';

/**
 * Bytes from base64url as the protocol writes it: unpadded and canonical. Node's decoder
 * quietly drops a stray last character or stray low bits; refusing those instead means a
 * device always reads back exactly the string it sent.
 */
export function fromBase64url(text: string): Buffer | undefined {
	const bytes = Buffer.from(text, 'base64url');
	return bytes.toString('base64url') === text ? bytes : undefined;
}

/** Decodes several fields at once, keyed by their dot paths, naming the first that is wrong. */
export function decodeFields<K extends string>(
	fields: Record<K, string>
): Outcome<Record<K, Buffer>> {
	const decoded = {} as Record<K, Buffer>;
	for (const [field, text] of Object.entries(fields) as [K, string][]) {
		const bytes = fromBase64url(text);
		if (!bytes) return refused('invalid', field, 'must be base64url');
		decoded[field] = bytes;
	}
	return { ok: true, value: decoded };
}
