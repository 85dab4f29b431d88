import { utf8 } from './crypto-encoding';

/**
 * Keys made from what a person types. A passphrase or a short code is stretched with
 * PBKDF2-SHA-256 at 600,000 iterations (OWASP's figure for it), so that someone holding the
 * server's copy must spend that work on every guess; codes with 125 random bits need no
 * stretching and go through HKDF.
 */
export const passphraseIterations = 600_000;

const aesGcm = { name: 'AES-GCM', length: 256 } as const;

export async function stretch(
	secret: string,
	salt: Uint8Array<ArrayBuffer>,
	iterations = passphraseIterations
): Promise<CryptoKey> {
	const material = await crypto.subtle.importKey(
		'raw',
		utf8(secret.normalize('NFKC')),
		'PBKDF2',
		false,
		['deriveKey']
	);
	return crypto.subtle.deriveKey(
		{ name: 'PBKDF2', hash: 'SHA-256', salt, iterations },
		material,
		aesGcm,
		false,
		['encrypt', 'decrypt']
	);
}

/** 32 bytes for one purpose (`info`), from key material with enough entropy of its own. */
export async function expand(
	material: Uint8Array<ArrayBuffer>,
	info: string
): Promise<Uint8Array<ArrayBuffer>> {
	const key = await crypto.subtle.importKey('raw', material, 'HKDF', false, ['deriveBits']);
	const bits = await crypto.subtle.deriveBits(
		{ name: 'HKDF', hash: 'SHA-256', salt: utf8('tandem'), info: utf8(info) },
		key,
		256
	);
	return new Uint8Array(bits);
}

export function aesKey(raw: Uint8Array<ArrayBuffer>): Promise<CryptoKey> {
	return crypto.subtle.importKey('raw', raw, aesGcm, false, ['encrypt', 'decrypt']);
}
