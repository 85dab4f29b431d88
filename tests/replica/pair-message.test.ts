import { describe, expect, it } from 'vitest';
import { splitIntoMessages } from '$lib/replica/message-batches';
import {
	decodeMessage,
	encodeMessage,
	packMessage,
	unpackMessage
} from '$lib/replica/pair-message';
import type { Change } from '$lib/replica/replica-merge';

const stamp = '2026-11-25T10:00:00.000Z-0000-0123456789abcdef';
const change = (r: string, f: Record<string, unknown>): Change => ({
	t: 'agendaItems',
	r,
	s: stamp,
	f
});

describe('pair messages', () => {
	it('read back what was written', () => {
		const changes = [change('a', { title: 'Casework' }), change('b', { deleted: 1 })];
		expect(decodeMessage(encodeMessage(changes))).toEqual({ ok: true, changes });
	});

	it('travel compressed, smaller than their JSON, and unpack to it exactly', async () => {
		const changes = [change('a', { title: 'Casework', details: 'Casework with the ward team' })];
		const packed = await packMessage(changes);
		expect(packed.length).toBeLessThan(encodeMessage(changes).length);
		expect(await unpackMessage(packed)).toBe(encodeMessage(changes));
		expect(await unpackMessage(new TextEncoder().encode('{"v":1,"c":[]}'))).toBeNull();
	});

	it('keep a message from a newer version for later, and refuse a malformed one whole', () => {
		expect(decodeMessage(JSON.stringify({ v: 2, c: [], more: 'new' }))).toEqual({
			ok: false,
			reason: 'newer'
		});
		for (const bad of [
			'not json',
			'null',
			JSON.stringify({ v: 1, c: 'x' }),
			JSON.stringify({ v: 1, c: [{ ...change('a', {}), t: 'journal' }] }),
			JSON.stringify({ v: 1, c: [{ ...change('a', {}), s: 'yesterday' }] }),
			JSON.stringify({ v: 1, c: [change('a', {}), { t: 'wins' }] }),
			JSON.stringify({ v: 1, c: [change('x'.repeat(65), {})] })
		]) {
			expect(decodeMessage(bad)).toEqual({ ok: false, reason: 'invalid' });
		}
	});

	it('split long batches into messages under 32 KB, in order', () => {
		const changes = Array.from({ length: 100 }, (_, i) =>
			change(`item-${i}`, { notes: 'x'.repeat(1_000) })
		);
		const messages = splitIntoMessages(changes);
		expect(messages.length).toBeGreaterThan(1);
		expect(messages.flat()).toEqual(changes);
		for (const m of messages) expect(encodeMessage(m).length).toBeLessThan(33 * 1024);
		expect(splitIntoMessages([])).toEqual([]);
	});
});
