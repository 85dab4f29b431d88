import {
	fromBase64url,
	normaliseCode,
	randomBytes,
	randomCode,
	toBase64url
} from './crypto-encoding';
import { aesKey, expand, passphraseIterations, stretch } from './key-derivation';
import type { OfferRequest } from '$lib/protocol/pair-protocol';
import { open, seal } from './sealed-box';

/**
 * The pair key and what is done with it. It is made on the first device to link, carried to
 * the other in the QR code (or wrapped under a short code), and never reaches the server in
 * a form it can use: the server sees only ciphertext and a proof derived one way from it.
 */

export function newPairKey(): string {
	return toBase64url(randomBytes(32));
}

function rawKey(pairKey: string): Uint8Array<ArrayBuffer> {
	const raw = fromBase64url(pairKey);
	if (!raw || raw.length !== 32) throw new Error('A pair key is 32 bytes');
	return raw;
}

export function isPairKey(value: string): boolean {
	return fromBase64url(value)?.length === 32;
}

// Importing a key costs more than using it: each pair's is imported once per page.
const imported = new Map<string, Promise<CryptoKey>>();
function operationKey(pairKey: string): Promise<CryptoKey> {
	let key = imported.get(pairKey);
	if (!key) {
		key = aesKey(rawKey(pairKey));
		imported.set(pairKey, key);
	}
	return key;
}

/** The pair and the operation's id are sealed in, so the server can neither move nor replay it. */
const operationContext = (pairId: string, opId: string) => `tandem.pair-op.v1\n${pairId}\n${opId}`;

export async function sealOperation(
	pairKey: string,
	pairId: string,
	opId: string,
	plaintext: Uint8Array<ArrayBuffer>
): Promise<string> {
	const sealed = await seal(await operationKey(pairKey), operationContext(pairId, opId), plaintext);
	return toBase64url(sealed);
}

/** The operation's plaintext, or null when it was altered, moved or made with another key. */
export async function openOperation(
	pairKey: string,
	pairId: string,
	opId: string,
	body: string
): Promise<Uint8Array<ArrayBuffer> | null> {
	const sealed = fromBase64url(body);
	if (!sealed) return null;
	return open(await operationKey(pairKey), operationContext(pairId, opId), sealed);
}

/**
 * What a device shows the server to be let into the pair's channel: derived one way from the
 * pair key, so it proves the device holds the key without revealing it.
 */
export async function linkProof(pairKey: string, pairId: string): Promise<string> {
	return toBase64url(await expand(rawKey(pairKey), `tandem.pair-link.v1\n${pairId}`));
}

/** A short code to type when a camera will not do: 60 random bits, as XXXX-XXXX-XXXX. */
export function newShortCode(): string {
	return randomCode(12, 4);
}

export function normaliseShortCode(typed: string): string | null {
	return normaliseCode(typed, 12, 4);
}

const offerContext = (pairId: string) => `tandem.pair-offer.v1\n${pairId}`;

/**
 * The pair key wrapped under a key stretched from the short code, for the server to hold for
 * a few minutes. Guessing the code against it costs 600,000 PBKDF2 rounds a guess: about
 * 10^24 hash computations to search 60 bits.
 */
export async function offerFor(
	pairKey: string,
	pairId: string,
	code: string,
	iterations = passphraseIterations
): Promise<OfferRequest> {
	const salt = randomBytes(16);
	const wrapping = await stretch(code, salt, iterations);
	const sealed = await seal(wrapping, offerContext(pairId), rawKey(pairKey));
	return {
		salt: toBase64url(salt),
		iv: toBase64url(sealed.slice(0, 12)),
		key: toBase64url(sealed.slice(12))
	};
}

/** The pair key from an offer, or null when the code is not the one it was wrapped under. */
export async function keyFromOffer(
	offer: OfferRequest,
	pairId: string,
	code: string,
	iterations = passphraseIterations
): Promise<string | null> {
	const salt = fromBase64url(offer.salt);
	const iv = fromBase64url(offer.iv);
	const key = fromBase64url(offer.key);
	if (!salt || !iv || !key) return null;
	const wrapping = await stretch(code, salt, iterations);
	const sealed = new Uint8Array(iv.length + key.length);
	sealed.set(iv);
	sealed.set(key, iv.length);
	const raw = await open(wrapping, offerContext(pairId), sealed);
	return raw && raw.length === 32 ? toBase64url(raw) : null;
}
