import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { metricsPayload } from '$lib/protocol/metrics-payload';
import { checkWire } from '$lib/protocol/wire-check';
import { progressMetrics, type PairRecords } from '$lib/privacy/progress-metrics';
import { action, agendaItem, goal, pair, session, win } from '../support/factories';

const ids = {
	uploadId: '6f1c3a52-8a52-4f0e-9f55-0e2b7b1c9d10',
	pair: '0b7d2c4e-2f1a-4c55-8d7e-3c9a1b2d4e5f'
};
const now = new Date('2026-11-23T10:00:00.000Z');

describe('progress metrics', () => {
	it('counts what the scheme may know', () => {
		const records: PairRecords = {
			pair: pair({ agreement: { meetEveryWeeks: 4, meetingMinutes: 60, agreedOn: '2026-06-08' } }),
			sessions: [
				session({ status: 'held', startsAt: '2026-11-20T10:00', actualMinutes: 45 }),
				session({ status: 'held', startsAt: '2026-10-20T10:00', actualMinutes: null }),
				session({ status: 'scheduled', startsAt: '2026-12-01T10:00' }),
				session({ status: 'cancelled' }),
				session({ status: 'held', deleted: 1 })
			],
			agendaItems: [
				agendaItem(),
				agendaItem({ discussedInSessionId: 's1' }),
				agendaItem({ deleted: 1 })
			],
			goals: [goal(), goal({ status: 'achieved' }), goal({ status: 'dropped' })],
			actions: [action(), action({ doneOn: '2026-11-21' })],
			wins: [
				win({ wonOn: '2026-11-16' }),
				win({ wonOn: '2026-11-22' }),
				win({ wonOn: '2026-11-23' })
			]
		};
		const payload = progressMetrics(records, ids, now);
		expect(payload).toMatchObject({
			sessionsHeld: [
				{ on: '2026-10-20', minutes: 60 },
				{ on: '2026-11-20', minutes: 45 }
			],
			sessionsScheduled: 1,
			agendaItemsRaised: 2,
			agendaItemsDiscussed: 1,
			goalsSet: 3,
			goalsAchieved: 1,
			goalsDropped: 1,
			actionsOpen: 1,
			actionsDone: 1,
			winsByWeek: [
				{ week: '2026-W47', wins: 2 },
				{ week: '2026-W48', wins: 1 }
			],
			agreementOn: '2026-06-08',
			lastActivityOn: '2026-11-23'
		});
		expect(checkWire(metricsPayload, payload).ok).toBe(true);
	});

	it('never carries any of the pair’s text, whatever it says (canary property)', () => {
		const text = fc.string({ minLength: 1, maxLength: 40 }).map((s) => `CANARY-${s}`);
		const day = fc
			.date({ min: new Date('2025-01-01'), max: new Date('2027-12-31'), noInvalidDate: true })
			.map((d) => d.toISOString().slice(0, 10));
		fc.assert(
			fc.property(
				fc.record({
					partnerName: text,
					sessions: fc.array(
						fc.record({
							place: text,
							notes: text,
							on: day,
							status: fc.constantFrom('scheduled', 'held', 'cancelled' as const),
							minutes: fc.integer({ min: 5, max: 600 })
						}),
						{ maxLength: 8 }
					),
					agenda: fc.array(fc.record({ title: text, details: text }), { maxLength: 8 }),
					goals: fc.array(fc.record({ title: text, why: text, success: text, milestone: text }), {
						maxLength: 5
					}),
					actions: fc.array(text, { maxLength: 5 }),
					wins: fc.array(fc.record({ text, on: day }), { maxLength: 8 })
				}),
				(r) => {
					const records: PairRecords = {
						pair: pair({ partnerName: r.partnerName }),
						sessions: r.sessions.map((s) =>
							session({
								place: s.place,
								notes: s.notes,
								startsAt: `${s.on}T10:00`,
								status: s.status,
								actualMinutes: s.minutes
							})
						),
						agendaItems: r.agenda.map((a) => agendaItem({ title: a.title, details: a.details })),
						goals: r.goals.map((g) =>
							goal({
								title: g.title,
								why: g.why,
								successLooksLike: g.success,
								milestones: [{ id: 'm', text: g.milestone, doneOn: null }]
							})
						),
						actions: r.actions.map((t) => action({ text: t })),
						wins: r.wins.map((w) => win({ text: w.text, wonOn: w.on }))
					};
					const payload = progressMetrics(records, ids, now);
					expect(JSON.stringify(payload)).not.toContain('CANARY');
					expect(checkWire(metricsPayload, payload).ok).toBe(true);
				}
			),
			{ numRuns: 300 }
		);
	});
});
