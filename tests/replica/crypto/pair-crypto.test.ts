import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { fromBase64url, fromUtf8, toBase64url, utf8 } from '$lib/replica/crypto/crypto-encoding';
import { linkInvitationUrl, readLinkInvitation } from '$lib/replica/link-invitation';
import {
	keyFromOffer,
	linkProof,
	newPairKey,
	newShortCode,
	normaliseShortCode,
	offerFor,
	openOperation,
	sealOperation
} from '$lib/replica/crypto/pair-crypto';
import { linkRequest, offerRequest, sealedOp } from '$lib/protocol/pair-protocol';
import * as v from 'valibot';

const pairId = randomUUID();
const opId = randomUUID();

describe('the pair key', () => {
	it('seals an operation so that only the same pair, id and key open it', async () => {
		const key = newPairKey();
		const body = await sealOperation(key, pairId, opId, utf8('Chairing my first committee'));
		expect(body).not.toContain('Chairing');
		expect(v.is(sealedOp, { id: opId, body })).toBe(true);
		const opened = await openOperation(key, pairId, opId, body);
		expect(opened && fromUtf8(opened)).toBe('Chairing my first committee');
		expect(await openOperation(key, randomUUID(), opId, body)).toBeNull();
		expect(await openOperation(key, pairId, randomUUID(), body)).toBeNull();
		expect(await openOperation(newPairKey(), pairId, opId, body)).toBeNull();
		expect(await openOperation(key, pairId, opId, 'not base64url!')).toBeNull();
	});

	it('uses a fresh IV every time, so the same text never seals the same way', async () => {
		const key = newPairKey();
		const a = await sealOperation(key, pairId, opId, utf8('same'));
		const b = await sealOperation(key, pairId, opId, utf8('same'));
		expect(a).not.toBe(b);
		expect(fromBase64url(a)!.slice(0, 12)).not.toEqual(fromBase64url(b)!.slice(0, 12));
	});

	it('refuses an operation with any single bit flipped', async () => {
		const key = newPairKey();
		const sealed = fromBase64url(await sealOperation(key, pairId, opId, utf8('agenda')))!;
		for (let i = 0; i < sealed.length; i++) {
			const tampered = new Uint8Array(sealed);
			tampered[i]! ^= 0x80;
			expect(await openOperation(key, pairId, opId, toBase64url(tampered))).toBeNull();
		}
	});

	it('proves possession with a value that differs per pair and is not the key', async () => {
		const key = newPairKey();
		const proof = await linkProof(key, pairId);
		expect(v.is(linkRequest, { proof })).toBe(true);
		expect(proof).toBe(await linkProof(key, pairId));
		expect(proof).not.toBe(await linkProof(key, randomUUID()));
		expect(proof).not.toBe(key);
	});
});

describe('the short code', () => {
	it('is 60 bits in three groups, read back however it is typed', () => {
		const code = newShortCode();
		expect(code).toMatch(/^[0-9A-HJKMNP-TV-Z]{4}-[0-9A-HJKMNP-TV-Z]{4}-[0-9A-HJKMNP-TV-Z]{4}$/);
		expect(normaliseShortCode(` ${code.toLowerCase().replace(/-/g, ' ')} `)).toBe(code);
		expect(normaliseShortCode('7KQ2-M9XD-4HTO')).toBe('7KQ2-M9XD-4HT0');
		expect(normaliseShortCode('7KQ2-M9XD')).toBeNull();
		expect(normaliseShortCode('7KQ2-M9XD-4HT!')).toBeNull();
	});

	it('unwraps the pair key from an offer, and only with the right code', async () => {
		const key = newPairKey();
		const code = newShortCode();
		const offer = await offerFor(key, pairId, code);
		expect(v.is(offerRequest, offer)).toBe(true);
		expect(JSON.stringify(offer)).not.toContain(key);
		expect(await keyFromOffer(offer, pairId, code)).toBe(key);
		expect(await keyFromOffer(offer, pairId, newShortCode())).toBeNull();
		expect(await keyFromOffer(offer, randomUUID(), code)).toBeNull();
	});
});

describe('the QR code’s link', () => {
	it('carries the pair and its key in the fragment, which browsers never send', () => {
		const key = newPairKey();
		const url = linkInvitationUrl('https://tandem.example.gov.uk', { pairId, key });
		const parsed = new URL(url);
		expect(parsed.pathname).toBe('/link');
		expect(parsed.search).toBe('');
		expect(parsed.hash).toContain(key);
		expect(readLinkInvitation(url)).toEqual({ pairId, key });
	});

	it('ignores any other QR code', () => {
		for (const text of [
			'https://example.com',
			'WIFI:S:council;T:WPA;P:secret;;',
			`https://x/link#v=2&p=${pairId}&k=${newPairKey()}`,
			`https://x/link#v=1&p=not-a-pair&k=${newPairKey()}`,
			`https://x/link#v=1&p=${pairId}&k=short`
		]) {
			expect(readLinkInvitation(text)).toBeNull();
		}
	});
});
