import { and, eq, or } from 'drizzle-orm';
import { pairStatusOf } from '$lib/domain/pair-lifecycle';
import type { MetricsPayload } from '$lib/sync/metrics-payload';
import type { Database, Transaction } from './db/open-database';
import { metricUploads, pairChannels, pairReports, pairs } from './db/schema';
import type { DeviceIdentity } from './devices';
import { pairEndedAt } from './pair-membership';
import { updatePairProgress } from './pair-progress-update';

export type MetricsOutcome = 'applied' | 'duplicate' | 'stale' | 'not-in-pair';

/**
 * Stores one member's progress report for a pair. Idempotent by upload id: a retried or
 * duplicated upload changes nothing. Reports are whole snapshots, so an older one arriving
 * after a newer one is recorded but not applied; so is one written after the pair ended, which
 * could only move its figures past the end. Both answer 'stale', which a device takes as
 * delivered, so it never retries either. A report written before the end is applied, without
 * anything it dates after the pair's last day.
 */
export async function recordMetrics(
	db: Database,
	who: DeviceIdentity,
	payload: MetricsPayload
): Promise<MetricsOutcome> {
	return db.transaction(async (tx) => {
		// Locking the pair row serialises uploads for one pair across app servers; the same
		// query finds this person's previous report.
		const [pair] = await tx
			.select({
				id: pairs.id,
				status: pairs.status,
				updatedAt: pairs.updatedAt,
				endsOn: pairs.endsOn,
				channelEndedAt: pairChannels.endedAt,
				previous: pairReports.generatedAt
			})
			.from(pairs)
			.leftJoin(pairChannels, eq(pairChannels.pairId, pairs.id))
			.leftJoin(
				pairReports,
				and(eq(pairReports.pairId, pairs.id), eq(pairReports.participantId, who.participantId))
			)
			.where(
				and(
					eq(pairs.id, payload.pair),
					eq(pairs.schemeId, who.schemeId),
					or(eq(pairs.mentorId, who.participantId), eq(pairs.menteeId, who.participantId))
				)
			)
			.for('update', { of: pairs });
		if (!pair) return 'not-in-pair';

		const generatedAt = new Date(payload.generatedAt);
		const endedAt = pairEndedAt(pair, pair.channelEndedAt);
		const applied =
			(!pair.previous || pair.previous < generatedAt) && !(endedAt && generatedAt > endedAt);
		const inserted = await tx
			.insert(metricUploads)
			.values({
				uploadId: payload.uploadId,
				pairId: payload.pair,
				participantId: who.participantId,
				generatedAt,
				applied
			})
			.onConflictDoNothing()
			.returning({ uploadId: metricUploads.uploadId });
		if (inserted.length === 0) return 'duplicate';
		if (!applied) return 'stale';

		await saveReport(tx, who.participantId, payload, generatedAt);
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
