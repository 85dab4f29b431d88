import { randomBytes, randomUUID } from 'node:crypto';
import type * as v from 'valibot';
import {
	backupKeysRequest,
	offerRequest,
	pushRequest,
	type BackupKeysRequest,
	type OfferRequest,
	type PushRequest,
	type SealedOp
} from '$lib/protocol/pair-protocol';
import { checkWire } from '$lib/protocol/wire-check';

/**
 * Requests as a device would send them, with random bytes where the device would put
 * ciphertext, salts and IVs. Each passes the shared schema, so a test never leans on a shape
 * the server would refuse at the door.
 */
function valid<S extends v.GenericSchema>(schema: S, value: v.InferOutput<S>): v.InferOutput<S> {
	const checked = checkWire(schema, value);
	if (!checked.ok) throw new Error(`${checked.field} ${checked.problem}`);
	return checked.value;
}

export const someBytes = (length: number) => randomBytes(length).toString('base64url');

/** A proof that this device holds a pair key (any 32 bytes will do for the server). */
export const aProof = () => someBytes(32);

/** An encrypted operation: 12-byte IV, ciphertext and 16-byte tag. */
export const aSealedOp = (bodyBytes = 64): SealedOp => ({
	id: randomUUID(),
	body: someBytes(bodyBytes)
});

export function aPush(ops: number | SealedOp[], bodyBytes?: number): PushRequest {
	const list =
		typeof ops === 'number' ? Array.from({ length: ops }, () => aSealedOp(bodyBytes)) : ops;
	return valid(pushRequest, { ops: list });
}

export const anOffer = (): OfferRequest =>
	valid(offerRequest, { salt: someBytes(16), iv: someBytes(12), key: someBytes(48) });

export const someBackupKeys = (recoveryAuth = someBytes(32)): BackupKeysRequest =>
	valid(backupKeysRequest, {
		salt: someBytes(16),
		iterations: 600_000,
		passphrase: { iv: someBytes(12), key: someBytes(48) },
		recovery: { iv: someBytes(12), key: someBytes(48) },
		recoveryAuth
	});

/**
 * The same bytes' base64url with stray low bits in its last character (for a length that is
 * not a multiple of three bytes, so the last character has spare bits): the shared schema lets
 * it through, Node would decode it silently, and the server refuses it.
 */
export function nonCanonical(base64url: string): string {
	const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';
	const last = alphabet.indexOf(base64url.at(-1)!);
	return base64url.slice(0, -1) + alphabet[last ^ 1];
}
