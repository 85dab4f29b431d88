import { describe, expect, it } from 'vitest';
import { awaitsLog, nextSession } from '$lib/domain/session';
import { session } from '../support/factories';

describe('sessions', () => {
	const now = new Date(2026, 10, 23, 12, 0);

	it('finds the next scheduled session that has not finished', () => {
		const running = session({ startsAt: '2026-11-23T11:30', plannedMinutes: 60 });
		const later = session({ startsAt: '2026-11-30T10:00' });
		const cancelled = session({ startsAt: '2026-11-24T10:00', status: 'cancelled' });
		const over = session({ startsAt: '2026-11-23T09:00', plannedMinutes: 60 });
		expect(nextSession([later, cancelled, over, running], now)).toBe(running);
	});

	it('asks for a log once a scheduled session has started', () => {
		expect(awaitsLog(session({ startsAt: '2026-11-23T11:00' }), now)).toBe(true);
		expect(awaitsLog(session({ startsAt: '2026-11-23T13:00' }), now)).toBe(false);
		expect(awaitsLog(session({ startsAt: '2026-11-20T13:00', status: 'held' }), now)).toBe(false);
	});
});
