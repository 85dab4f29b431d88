import { and, eq, or } from 'drizzle-orm';
import { pairStatusOf } from '$lib/domain/pair-lifecycle';
import { notAfter } from '$lib/domain/timestamp';
import type { MetricsPayload } from '$lib/protocol/metrics-payload';
import type { Database, Transaction } from './db/open-database';
import { pairChannels, pairReports, pairs } from './db/schema';
import type { DeviceIdentity } from './devices';
import { asOf } from './metrics-as-of';
import { pairEndedAt } from './pair-membership';
import { updatePairProgress } from './pair-progress-update';

export type MetricsOutcome = 'applied' | 'duplicate' | 'stale' | 'not-in-pair';

/**
 * Stores one member's progress report for a pair. Idempotent by upload id: the same upload
 * again changes nothing. Reports are whole snapshots, so an older one arriving after a newer
 * one is stale; so is one written after the pair ended, which could only move its figures past
 * the end. Both answer 'stale', which a device takes as delivered, so it never retries either.
 * A device clock running ahead counts as the server's now, so it cannot make every later
 * report look older than its own; a report written before the end is applied, without
 * anything it dates after the pair's last day.
 */
export async function recordMetrics(
	db: Database,
	who: DeviceIdentity,
	payload: MetricsPayload,
	now = new Date()
): Promise<MetricsOutcome> {
	return db.transaction(async (tx) => {
		// Locking the pair row serialises uploads for one pair across app servers.
		const [pair] = await tx
			.select({
				id: pairs.id,
				status: pairs.status,
				updatedAt: pairs.updatedAt,
				endsOn: pairs.endsOn,
				channelEndedAt: pairChannels.endedAt
			})
			.from(pairs)
			.leftJoin(pairChannels, eq(pairChannels.pairId, pairs.id))
			.where(
				and(
					eq(pairs.id, payload.pair),
					eq(pairs.schemeId, who.schemeId),
					or(eq(pairs.mentorId, who.participantId), eq(pairs.menteeId, who.participantId))
				)
			)
			.for('update', { of: pairs });
		if (!pair) return 'not-in-pair';
		// Read once the lock is held, so it sees what the upload before this one committed.
		const [held] = await tx
			.select({ generatedAt: pairReports.generatedAt, uploadId: pairReports.uploadId })
			.from(pairReports)
			.where(
				and(eq(pairReports.pairId, pair.id), eq(pairReports.participantId, who.participantId))
			);
		if (held?.uploadId === payload.uploadId) return 'duplicate';

		const generatedAt = notAfter(new Date(payload.generatedAt), now);
		if (held && held.generatedAt >= generatedAt) return 'stale';
		const endedAt = pairEndedAt(pair, pair.channelEndedAt);
		if (endedAt && generatedAt > endedAt) return 'stale';

		await saveReport(tx, who.participantId, asOf(payload, now), generatedAt);
		const ended = pairStatusOf(pair.status, pair.channelEndedAt) === 'ended';
		await updatePairProgress(tx, {
			pairId: payload.pair,
			schemeId: who.schemeId,
			lastDay: ended ? pair.endsOn : null
		});
		return 'applied';
	});
}

async function saveReport(
	tx: Transaction,
	participantId: string,
	p: MetricsPayload,
	generatedAt: Date
): Promise<void> {
	const report = {
		pairId: p.pair,
		participantId,
		generatedAt,
		uploadId: p.uploadId,
		sessionsHeld: p.sessionsHeld,
		sessionsScheduled: p.sessionsScheduled,
		agendaItemsRaised: p.agendaItemsRaised,
		agendaItemsDiscussed: p.agendaItemsDiscussed,
		goalsSet: p.goalsSet,
		goalsAchieved: p.goalsAchieved,
		goalsDropped: p.goalsDropped,
		actionsOpen: p.actionsOpen,
		actionsDone: p.actionsDone,
		winsByWeek: p.winsByWeek,
		agreementOn: p.agreementOn,
		lastActivityOn: p.lastActivityOn
	};
	await tx
		.insert(pairReports)
		.values(report)
		.onConflictDoUpdate({ target: [pairReports.pairId, pairReports.participantId], set: report });
}
