import {
	concatBytes,
	fromBase64url,
	normaliseCode,
	randomBytes,
	randomCode,
	toBase64url,
	utf8
} from './crypto-encoding';
import { aesKey, expand, passphraseIterations, stretch } from './key-derivation';
import type { BackupKeys, BackupKeysRequest } from '$lib/protocol/pair-protocol';
import { open, seal } from './sealed-box';

/**
 * A person's backups are encrypted with one random data key. The server holds that key only
 * wrapped twice: under a key stretched from their passphrase, and under one derived from their
 * recovery code. Without one of the two, a backup cannot be read, by the server or anyone.
 */

export function newDataKey(): string {
	return toBase64url(randomBytes(32));
}

/** 125 random bits in five groups of five, to write down: enough to need no stretching. */
export function newRecoveryCode(): string {
	return randomCode(25, 5);
}

export function normaliseRecoveryCode(typed: string): string | null {
	return normaliseCode(typed, 25, 5);
}

const keyContext = (participantId: string) => `tandem.backup-key.v1\n${participantId}`;
const recoveryWrapping = async (code: string) =>
	aesKey(await expand(utf8(code), 'tandem.recovery.wrap.v1'));

/** What the server keeps of a recovery code: enough to recognise it, nothing to unwrap with. */
export async function recoveryAuth(code: string): Promise<string> {
	return toBase64url(await expand(utf8(code), 'tandem.recovery.auth.v1'));
}

function split(sealed: Uint8Array) {
	return { iv: toBase64url(sealed.slice(0, 12)), key: toBase64url(sealed.slice(12)) };
}

function joined(wrapped: { iv: string; key: string }): Uint8Array<ArrayBuffer> | null {
	const iv = fromBase64url(wrapped.iv);
	const key = fromBase64url(wrapped.key);
	return iv && key ? concatBytes(iv, key) : null;
}

export async function wrapDataKey(
	dataKey: string,
	participantId: string,
	passphrase: string,
	recoveryCode: string,
	iterations = passphraseIterations
): Promise<BackupKeysRequest> {
	const raw = fromBase64url(dataKey)!;
	const salt = randomBytes(16);
	const context = keyContext(participantId);
	const byPassphrase = await seal(await stretch(passphrase, salt, iterations), context, raw);
	const byRecovery = await seal(await recoveryWrapping(recoveryCode), context, raw);
	return {
		salt: toBase64url(salt),
		iterations,
		passphrase: split(byPassphrase),
		recovery: split(byRecovery),
		recoveryAuth: await recoveryAuth(recoveryCode)
	};
}

async function unwrap(
	wrapping: CryptoKey,
	participantId: string,
	wrapped: { iv: string; key: string }
) {
	const sealed = joined(wrapped);
	const raw = sealed && (await open(wrapping, keyContext(participantId), sealed));
	return raw && raw.length === 32 ? toBase64url(raw) : null;
}

/** The data key, or null when the passphrase is not the one it was wrapped under. */
export async function unwrapWithPassphrase(
	keys: BackupKeys,
	participantId: string,
	passphrase: string
): Promise<string | null> {
	const salt = fromBase64url(keys.salt);
	if (!salt) return null;
	return unwrap(await stretch(passphrase, salt, keys.iterations), participantId, keys.passphrase);
}

export async function unwrapWithRecoveryCode(
	keys: BackupKeys,
	participantId: string,
	recoveryCode: string
): Promise<string | null> {
	return unwrap(await recoveryWrapping(recoveryCode), participantId, keys.recovery);
}

const backupContext = (participantId: string, backupId: string) =>
	`tandem.backup.v1\n${participantId}\n${backupId}`;

const dataKeys = new Map<string, Promise<CryptoKey>>();
function backupKey(dataKey: string): Promise<CryptoKey> {
	let key = dataKeys.get(dataKey);
	if (!key) {
		key = aesKey(fromBase64url(dataKey)!);
		dataKeys.set(dataKey, key);
	}
	return key;
}

export async function sealBackup(
	dataKey: string,
	participantId: string,
	backupId: string,
	content: Uint8Array<ArrayBuffer>
): Promise<Uint8Array<ArrayBuffer>> {
	return seal(await backupKey(dataKey), backupContext(participantId, backupId), content);
}

export async function openBackup(
	dataKey: string,
	participantId: string,
	backupId: string,
	sealed: Uint8Array<ArrayBuffer>
): Promise<Uint8Array<ArrayBuffer> | null> {
	return open(await backupKey(dataKey), backupContext(participantId, backupId), sealed);
}
