import { count, eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { dashboardRows } from '$lib/server/dashboard';
import { dashboardTotals } from '$lib/protocol/coordinator/dashboard';
import type { OpenDatabase } from '$lib/server/db/open-database';
import { pairReports } from '$lib/server/db/schema';
import { authenticateDevice, joinWithCode } from '$lib/server/devices';
import {
	acceptCoordinatorInvitation,
	inviteCoordinator,
	inviteParticipant,
	participantsOf,
	reinviteParticipant,
	revokeParticipant
} from '$lib/server/invitations';
import { recordMetrics } from '$lib/server/metrics';
import { hitRateLimit } from '$lib/server/rate-limit';
import { pairsOfParticipant, setPairStatus } from '$lib/server/scheme-pairs';
import { schemeRunBy, schemesRunBy } from '$lib/server/schemes';
import { aCoordinator, aSchemeWithPair, metricsPayload } from '../support/scheme-factories';
import { dbTimeout, serverDatabaseBackends, useFreshDatabase } from '../support/server-databases';

const identityOf = async (open: OpenDatabase, authorization: string) => {
	const check = await authenticateDevice(open.db, authorization);
	if (!check.ok) throw new Error(check.reason);
	return check.identity;
};

for (const backend of serverDatabaseBackends) {
	describe(`the scheme server on ${backend.name}`, { timeout: dbTimeout }, () => {
		let open: OpenDatabase;
		useFreshDatabase(backend, (opened) => {
			open = opened;
		});

		describe('invitations', () => {
			it('let a device join once, with the code typed loosely', async () => {
				const { scheme, coordinator } = await aSchemeWithPair(open.db);
				const invited = await inviteParticipant(open.db, scheme.id, coordinator.id, {
					name: 'Rhys',
					role: 'mentee'
				});
				const typed = ` ${invited.code.toLowerCase().replace('-', ' ')} `;
				const joined = await joinWithCode(open.db, typed);
				expect(joined).toMatchObject({
					ok: true,
					value: { participant: { name: 'Rhys', role: 'mentee' }, scheme: { id: scheme.id } }
				});
				expect(await joinWithCode(open.db, invited.code)).toEqual({ ok: false, reason: 'used' });
				const people = await participantsOf(open.db, scheme.id);
				expect(people.find((p) => p.name === 'Rhys')).toMatchObject({ status: 'joined' });
			});

			it('refuse unknown and expired codes', async () => {
				const { scheme, coordinator } = await aSchemeWithPair(open.db);
				expect(await joinWithCode(open.db, 'ABCD-EFGH')).toEqual({ ok: false, reason: 'unknown' });
				expect(await joinWithCode(open.db, 'not a code')).toEqual({ ok: false, reason: 'unknown' });
				const old = new Date('2026-01-01T09:00:00Z');
				const invited = await inviteParticipant(
					open.db,
					scheme.id,
					coordinator.id,
					{ name: 'Late', role: 'mentor' },
					old
				);
				expect(await joinWithCode(open.db, invited.code)).toEqual({
					ok: false,
					reason: 'expired'
				});
				const fresh = await reinviteParticipant(
					open.db,
					scheme.id,
					invited.participant.id,
					coordinator.id
				);
				expect((await joinWithCode(open.db, fresh!.code)).ok).toBe(true);
			});

			it('let a second coordinator run the scheme, and no one else', async () => {
				const { scheme, coordinator } = await aSchemeWithPair(open.db);
				const colleague = await aCoordinator(open.db, 'Colleague');
				const stranger = await aCoordinator(open.db, 'Stranger');
				expect(await schemeRunBy(open.db, colleague.id, scheme.id)).toBeUndefined();
				const invitation = await inviteCoordinator(open.db, scheme.id, coordinator.id);
				expect(await acceptCoordinatorInvitation(open.db, colleague.id, invitation.code)).toEqual({
					ok: true,
					value: scheme.id
				});
				expect(await schemeRunBy(open.db, colleague.id, scheme.id)).toMatchObject({
					id: scheme.id
				});
				expect(await acceptCoordinatorInvitation(open.db, stranger.id, invitation.code)).toEqual({
					ok: false,
					reason: 'used'
				});
				expect(await schemesRunBy(open.db, stranger.id)).toEqual([]);
			});
		});

		describe('device credentials', () => {
			it('identify exactly one participant of one scheme', async () => {
				const { scheme, mentee } = await aSchemeWithPair(open.db);
				expect(await authenticateDevice(open.db, mentee.authorization)).toMatchObject({
					ok: true,
					identity: { participantId: mentee.participant.id, schemeId: scheme.id, role: 'mentee' }
				});
			});

			it('refuse a wrong secret, a malformed header and no header with 401', async () => {
				const { mentee } = await aSchemeWithPair(open.db);
				const wrong = mentee.authorization.slice(0, -4) + 'AAAA';
				for (const header of [wrong, 'Bearer nonsense', mentee.device.secret, null]) {
					expect(await authenticateDevice(open.db, header)).toMatchObject({
						ok: false,
						status: 401
					});
				}
			});

			it('are refused with 403 once the participant is revoked', async () => {
				const { scheme, mentee } = await aSchemeWithPair(open.db);
				expect(await revokeParticipant(open.db, scheme.id, mentee.participant.id)).toBe(true);
				expect(await authenticateDevice(open.db, mentee.authorization)).toEqual({
					ok: false,
					status: 403,
					reason: 'revoked'
				});
			});

			it('cannot be revoked by another scheme', async () => {
				const a = await aSchemeWithPair(open.db, 'Scheme A');
				const b = await aSchemeWithPair(open.db, 'Scheme B');
				expect(await revokeParticipant(open.db, b.scheme.id, a.mentee.participant.id)).toBe(false);
				expect((await authenticateDevice(open.db, a.mentee.authorization)).ok).toBe(true);
			});
		});

		describe('progress metrics', () => {
			it('count a retried upload once and ignore an older report arriving late', async () => {
				const { mentee, pairId } = await aSchemeWithPair(open.db);
				const who = await identityOf(open, mentee.authorization);
				const newer = metricsPayload({
					pair: pairId,
					generatedAt: '2026-06-02T10:00:00.000Z',
					sessionsHeld: [{ on: '2026-06-01', minutes: 60 }]
				});
				const older = metricsPayload({
					pair: pairId,
					generatedAt: '2026-06-01T10:00:00.000Z',
					sessionsHeld: []
				});
				expect(await recordMetrics(open.db, who, newer)).toBe('applied');
				expect(await recordMetrics(open.db, who, newer)).toBe('duplicate');
				expect(await recordMetrics(open.db, who, older)).toBe('stale');
				const [report] = await open.db
					.select()
					.from(pairReports)
					.where(eq(pairReports.pairId, pairId));
				expect(report!.sessionsHeld).toEqual([{ on: '2026-06-01', minutes: 60 }]);
			});

			it('apply concurrent copies of one upload exactly once', async () => {
				const { mentee, pairId } = await aSchemeWithPair(open.db);
				const who = await identityOf(open, mentee.authorization);
				const payload = metricsPayload({ pair: pairId, goalsSet: 2 });
				const outcomes = await Promise.all(
					Array.from({ length: 6 }, () => recordMetrics(open.db, who, payload))
				);
				expect(outcomes.filter((o) => o === 'applied')).toHaveLength(1);
				expect(outcomes.filter((o) => o === 'duplicate')).toHaveLength(5);
				const [row] = await open.db
					.select({ n: count() })
					.from(pairReports)
					.where(eq(pairReports.uploadId, payload.uploadId));
				expect(row!.n).toBe(1);
			});

			it('refuse a pair the person is not in, in their scheme or another', async () => {
				const a = await aSchemeWithPair(open.db, 'Scheme A');
				const otherInA = await aSchemeWithPair(open.db, 'Scheme A again');
				const b = await aSchemeWithPair(open.db, 'Scheme B');
				const who = await identityOf(open, a.mentee.authorization);
				for (const pair of [otherInA.pairId, b.pairId]) {
					expect(await recordMetrics(open.db, who, metricsPayload({ pair }))).toBe('not-in-pair');
				}
			});

			it('merge both members into one dashboard row without counting a shared session twice', async () => {
				const { scheme, mentor, mentee, pairId } = await aSchemeWithPair(open.db);
				await recordMetrics(
					open.db,
					await identityOf(open, mentee.authorization),
					metricsPayload({
						pair: pairId,
						sessionsHeld: [{ on: '2026-06-01', minutes: 45 }],
						goalsSet: 3,
						goalsAchieved: 1,
						winsByWeek: [{ week: '2026-W23', wins: 2 }]
					})
				);
				await recordMetrics(
					open.db,
					await identityOf(open, mentor.authorization),
					metricsPayload({
						pair: pairId,
						sessionsHeld: [
							{ on: '2026-06-01', minutes: 60 },
							{ on: '2026-06-15', minutes: 30 }
						],
						goalsSet: 2
					})
				);
				const [row] = await dashboardRows(open.db, scheme, '2026-06-20');
				expect(row).toMatchObject({
					mentorName: 'Morgan Mentor',
					menteeName: 'Megan Mentee',
					sessionsHeld: 2,
					minutesHeld: 90,
					lastMetOn: '2026-06-15',
					goalsSet: 3,
					goalsAchieved: 1,
					winsLogged: 2,
					stalling: false
				});
			});

			it('flag active pairs that have not met within the scheme window', async () => {
				const { scheme, pairId } = await aSchemeWithPair(open.db);
				const rows = await dashboardRows(open.db, scheme, '2026-07-01');
				expect(rows[0]).toMatchObject({ pairId, stalling: true, sessionsHeld: 0 });
				await setPairStatus(open.db, scheme.id, pairId, 'paused');
				const paused = await dashboardRows(open.db, scheme, '2026-07-01');
				expect(paused[0]).toMatchObject({ status: 'paused', stalling: false });
				expect(dashboardTotals(paused)).toMatchObject({ pairs: 1, paused: 1, stalling: 0 });
			});

			it('show each member their pair with their partner', async () => {
				const { mentor, mentee, pairId } = await aSchemeWithPair(open.db);
				expect(await pairsOfParticipant(open.db, mentee.participant.id)).toEqual([
					expect.objectContaining({ id: pairId, role: 'mentee', partnerName: 'Morgan Mentor' })
				]);
				expect(await pairsOfParticipant(open.db, mentor.participant.id)).toEqual([
					expect.objectContaining({ id: pairId, role: 'mentor', partnerName: 'Megan Mentee' })
				]);
			});
		});

		it('rate-limits by key within a window, then forgives', async () => {
			const rule = { max: 3, windowMs: 60_000 };
			const t = 1_800_000_000_000;
			const key = `test:${backend.name}`;
			for (let i = 0; i < 3; i++) {
				expect(await hitRateLimit(open.db, key, rule, t + i)).toEqual({ allowed: true });
			}
			expect(await hitRateLimit(open.db, key, rule, t + 10_000)).toEqual({
				allowed: false,
				retryAfterSeconds: 50
			});
			expect(await hitRateLimit(open.db, key, rule, t + 60_001)).toEqual({ allowed: true });
		});
	});
}
