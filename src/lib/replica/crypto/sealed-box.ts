import { concatBytes, randomBytes, utf8 } from './crypto-encoding';

/**
 * AES-256-GCM with a fresh random 96-bit IV for every message, and associated data that
 * names what the message is for: decrypting it as anything else (another pair, another id)
 * fails, so a message cannot be moved or replayed undetected. Sealed bytes are IV then
 * ciphertext with its tag.
 */
const ivBytes = 12;

export async function seal(
	key: CryptoKey,
	context: string,
	plaintext: Uint8Array<ArrayBuffer>
): Promise<Uint8Array<ArrayBuffer>> {
	const iv = randomBytes(ivBytes);
	const ciphertext = await crypto.subtle.encrypt(
		{ name: 'AES-GCM', iv, additionalData: utf8(context) },
		key,
		plaintext
	);
	return concatBytes(iv, new Uint8Array(ciphertext));
}

/** The plaintext, or null when the bytes were altered, the key is wrong or the context differs. */
export async function open(
	key: CryptoKey,
	context: string,
	sealed: Uint8Array<ArrayBuffer>
): Promise<Uint8Array<ArrayBuffer> | null> {
	if (sealed.length < ivBytes + 16) return null;
	try {
		const plaintext = await crypto.subtle.decrypt(
			{ name: 'AES-GCM', iv: sealed.slice(0, ivBytes), additionalData: utf8(context) },
			key,
			sealed.slice(ivBytes)
		);
		return new Uint8Array(plaintext);
	} catch {
		return null;
	}
}
