/** Byte encodings the pair link and backups need, the same in the browser and in Node. */

export function toBase64url(bytes: Uint8Array): string {
	let binary = '';
	for (const b of bytes) binary += String.fromCharCode(b);
	return btoa(binary).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

/** The bytes of a base64url string, or null when it is not one. */
export function fromBase64url(text: string): Uint8Array<ArrayBuffer> | null {
	if (!/^[A-Za-z0-9_-]*$/.test(text) || text.length % 4 === 1) return null;
	const binary = atob(text.replace(/-/g, '+').replace(/_/g, '/'));
	const bytes = new Uint8Array(binary.length);
	for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
	return bytes;
}

export const utf8 = (text: string) => new TextEncoder().encode(text);
export const fromUtf8 = (bytes: Uint8Array) => new TextDecoder().decode(bytes);

export function randomBytes(n: number): Uint8Array<ArrayBuffer> {
	return crypto.getRandomValues(new Uint8Array(n));
}

export function concatBytes(...parts: Uint8Array[]): Uint8Array<ArrayBuffer> {
	const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
	let at = 0;
	for (const p of parts) {
		out.set(p, at);
		at += p.length;
	}
	return out;
}

export async function sha256Hex(bytes: Uint8Array<ArrayBuffer>): Promise<string> {
	const digest = new Uint8Array(await crypto.subtle.digest('SHA-256', bytes));
	return [...digest].map((b) => b.toString(16).padStart(2, '0')).join('');
}

// Crockford's base32 without I, L, O and U: nothing to misread when copied from a screen or paper.
const alphabet = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';

/** A random code of `length` characters (5 bits each), in groups of `group` joined by dashes. */
export function randomCode(length: number, group: number): string {
	const values = crypto.getRandomValues(new Uint8Array(length));
	const chars = [...values].map((v) => alphabet[v & 31]).join('');
	return chars.match(new RegExp(`.{1,${group}}`, 'g'))!.join('-');
}

/** A code as typed: any case, spaces or dashes, and letters people mistake for digits. */
export function normaliseCode(typed: string, length: number, group: number): string | null {
	const plain = typed.toUpperCase().replace(/[\s-]/g, '').replace(/[IL]/g, '1').replace(/O/g, '0');
	if (plain.length !== length || [...plain].some((c) => !alphabet.includes(c))) return null;
	return plain.match(new RegExp(`.{1,${group}}`, 'g'))!.join('-');
}
