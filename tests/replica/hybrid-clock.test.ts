import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
	formatStamp,
	parseStamp,
	receive,
	stampFromTimestamp,
	stampTime,
	tick,
	tickAfter,
	type ClockState
} from '$lib/replica/hybrid-clock';

const start: ClockState = { wall: 0, counter: 0, node: 'aaaaaaaaaaaaaaaa' };
const t0 = Date.parse('2026-11-25T10:00:00.000Z');

describe('the hybrid logical clock', () => {
	it('stamps from physical time and orders stamps as strings', () => {
		const a = tick(start, t0);
		expect(a.stamp).toBe('2026-11-25T10:00:00.000Z-0000-aaaaaaaaaaaaaaaa');
		const b = tick(a.state, t0);
		expect(b.stamp).toBe('2026-11-25T10:00:00.000Z-0001-aaaaaaaaaaaaaaaa');
		expect(b.stamp > a.stamp).toBe(true);
		expect(stampTime(b.stamp)).toBe('2026-11-25T10:00:00.000Z');
		expect(parseStamp(b.stamp)).toEqual({ wall: t0, counter: 1, node: 'aaaaaaaaaaaaaaaa' });
	});

	it('never goes backwards when the device clock does', () => {
		const a = tick(start, t0);
		const b = tick(a.state, t0 - 60_000);
		expect(b.stamp > a.stamp).toBe(true);
	});

	it('moves past a stamp it receives, so its next change comes after', () => {
		const remote = formatStamp(t0 + 5_000, 7, 'bbbbbbbbbbbbbbbb');
		const next = tick(receive(tick(start, t0).state, remote, t0), t0);
		expect(next.stamp > remote).toBe(true);
	});

	it('is not dragged more than a day ahead by a device whose clock is wrong', () => {
		const wrong = formatStamp(t0 + 400 * 24 * 3_600_000, 0, 'bbbbbbbbbbbbbbbb');
		expect(receive(tick(start, t0).state, wrong, t0).wall).toBe(t0);
		// An edit to a field that wrong clock set must still win over it.
		expect(tickAfter(tick(start, t0).state, t0, wrong).stamp > wrong).toBe(true);
	});

	it('borrows the next millisecond rather than overflow its counter', () => {
		const full: ClockState = { wall: t0, counter: 0xffff, node: 'aaaaaaaaaaaaaaaa' };
		const next = tick(full, t0);
		expect(next.state).toEqual({ wall: t0 + 1, counter: 0, node: 'aaaaaaaaaaaaaaaa' });
	});

	it('seeds old records from their timestamp', () => {
		expect(stampFromTimestamp('2026-06-01T09:00:00.000Z', 'cccccccccccccccc')).toBe(
			'2026-06-01T09:00:00.000Z-0000-cccccccccccccccc'
		);
	});

	it('refuses anything that is not a stamp', () => {
		for (const s of [
			'',
			'yesterday',
			'2026-11-25T10:00:00.000Z-0000-XYZ',
			'2026-11-25-0000-aaaaaaaaaaaaaaaa'
		]) {
			expect(parseStamp(s)).toBeNull();
		}
	});

	it('gives strictly increasing stamps for any sequence of clock readings and receipts', () => {
		fc.assert(
			fc.property(
				fc.array(
					fc.oneof(
						fc.record({ now: fc.integer({ min: 0, max: 10_000 }) }),
						fc.record({
							now: fc.integer({ min: 0, max: 10_000 }),
							remote: fc.integer({ min: 0, max: 20_000 }),
							counter: fc.integer({ min: 0, max: 0xffff })
						})
					),
					{ maxLength: 60 }
				),
				(steps) => {
					let state = start;
					let last = '';
					for (const step of steps) {
						if ('remote' in step) {
							state = receive(
								state,
								formatStamp(t0 + step.remote, step.counter, 'bbbbbbbbbbbbbbbb'),
								t0 + step.now
							);
						}
						const next = tick(state, t0 + step.now);
						expect(next.stamp > last).toBe(true);
						last = next.stamp;
						state = next.state;
					}
				}
			)
		);
	});
});
