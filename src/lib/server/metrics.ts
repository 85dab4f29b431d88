import { and, eq, or } from 'drizzle-orm';
import { notAfter } from '$lib/domain/timestamp';
import type { MetricsPayload } from '$lib/sync/metrics-payload';
import type { Database, Transaction } from './db/open-database';
import { pairProgress, pairReports, pairs } from './db/schema';
import type { DeviceIdentity } from './devices';
import { asOf } from './metrics-as-of';
import { mergeReports } from './pair-progress';
import { saveMergedRecords } from './report/merged-records';

export type MetricsOutcome = 'applied' | 'duplicate' | 'stale' | 'not-in-pair';

/**
 * Stores one member's progress report for a pair. Idempotent by upload id: the same upload
 * again changes nothing. Reports are whole snapshots, so an older one arriving after a newer
 * one is stale. A device clock running ahead counts as the server's now, so it cannot make
 * every later report look older than its own.
 */
export async function recordMetrics(
	db: Database,
	who: DeviceIdentity,
	payload: MetricsPayload,
	now = new Date()
): Promise<MetricsOutcome> {
	return db.transaction(async (tx) => {
		// Locking the pair row serialises uploads for one pair across app servers; the same
		// query finds this person's previous report.
		const [pair] = await tx
			.select({
				id: pairs.id,
				previous: pairReports.generatedAt,
				previousUpload: pairReports.uploadId
			})
			.from(pairs)
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
		if (pair.previousUpload === payload.uploadId) return 'duplicate';

		const generatedAt = notAfter(new Date(payload.generatedAt), now);
		if (pair.previous && pair.previous >= generatedAt) return 'stale';

		await saveReport(tx, who.participantId, asOf(payload, now), generatedAt);
		await refreshProgress(tx, payload.pair, who.schemeId);
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

/**
 * Recomputes the dashboard's row for a pair from both members' latest reports, and the merged
 * sessions and wins the evaluation report sums.
 */
async function refreshProgress(tx: Transaction, pairId: string, schemeId: string): Promise<void> {
	const reports = await tx.select().from(pairReports).where(eq(pairReports.pairId, pairId));
	await saveMergedRecords(tx, { pairId, schemeId }, reports);
	const progress = { ...mergeReports(reports), updatedAt: new Date() };
	await tx
		.insert(pairProgress)
		.values({ pairId, ...progress })
		.onConflictDoUpdate({ target: pairProgress.pairId, set: progress });
}
