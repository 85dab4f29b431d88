import { createHash, randomBytes, randomInt, timingSafeEqual } from 'node:crypto';

/** A device's secret: 256 random bits, sent once and stored only as a fingerprint. */
export function newDeviceSecret(): string {
	return randomBytes(32).toString('base64url');
}

/**
 * SHA-256 is enough for secrets this random (no dictionary to try); a slow password hash would
 * only slow every API call down.
 */
export function fingerprint(secret: string): string {
	return createHash('sha256').update(secret).digest('hex');
}

/** Compares fingerprints in constant time, so response timing says nothing about a guess. */
export function sameFingerprint(a: string, b: string): boolean {
	const left = Buffer.from(a, 'hex');
	const right = Buffer.from(b, 'hex');
	return left.length === right.length && timingSafeEqual(left, right);
}

// Crockford's base32 without I, L, O and U: nothing to misread when typed from paper.
const codeAlphabet = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';

/** An invitation code such as "7KQ2-M9XD": 40 bits, short-lived, and joining is rate-limited. */
export function newInvitationCode(): string {
	let code = '';
	for (let i = 0; i < 8; i++) code += codeAlphabet[randomInt(codeAlphabet.length)];
	return `${code.slice(0, 4)}-${code.slice(4)}`;
}

/** Reads a code as typed: any case, spaces or dashes, and the letters people mistake for digits. */
export function normaliseInvitationCode(typed: string): string | null {
	const plain = typed.toUpperCase().replace(/[\s-]/g, '').replace(/[IL]/g, '1').replace(/O/g, '0');
	if (!/^[0-9A-HJKMNP-TV-Z]{8}$/.test(plain)) return null;
	return `${plain.slice(0, 4)}-${plain.slice(4)}`;
}
