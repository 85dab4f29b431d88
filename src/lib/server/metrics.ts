import { and, eq, or } from 'drizzle-orm';
import type { MetricsPayload } from '$lib/sync/metrics-payload';
import type { Database, Transaction } from './db/open-database';
import {
	metricUploads,
	pairProgress,
	pairReports,
	pairs,
	reportedSessions,
	reportedWins
} from './db/schema';
import type { DeviceIdentity } from './devices';
import { mergeReports, type MemberReport } from './pair-progress';

export type MetricsOutcome = 'applied' | 'duplicate' | 'stale' | 'not-in-pair';

/**
 * Stores one member's progress report for a pair. Idempotent by upload id: a retried or
 * duplicated upload changes nothing. Reports are whole snapshots, so an older one arriving
 * after a newer one is recorded but not applied.
 */
export async function recordMetrics(
	db: Database,
	who: DeviceIdentity,
	payload: MetricsPayload
): Promise<MetricsOutcome> {
	return db.transaction(async (tx) => {
		// Locking the pair row serialises uploads for one pair across app servers.
		const [pair] = await tx
			.select({ id: pairs.id })
			.from(pairs)
			.where(
				and(
					eq(pairs.id, payload.pair),
					eq(pairs.schemeId, who.schemeId),
					or(eq(pairs.mentorId, who.participantId), eq(pairs.menteeId, who.participantId))
				)
			)
			.for('update');
		if (!pair) return 'not-in-pair';

		const generatedAt = new Date(payload.generatedAt);
		const [previous] = await tx
			.select({ generatedAt: pairReports.generatedAt })
			.from(pairReports)
			.where(mine(payload.pair, who.participantId));
		const applied = !previous || previous.generatedAt < generatedAt;
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

		await replaceReport(tx, who.participantId, payload, generatedAt);
		await refreshProgress(tx, payload.pair);
		return 'applied';
	});
}

const mine = (pairId: string, participantId: string) =>
	and(eq(pairReports.pairId, pairId), eq(pairReports.participantId, participantId));

async function replaceReport(
	tx: Transaction,
	participantId: string,
	p: MetricsPayload,
	generatedAt: Date
): Promise<void> {
	const key = { pairId: p.pair, participantId };
	const report = {
		...key,
		generatedAt,
		sessionsScheduled: p.sessionsScheduled,
		agendaItemsRaised: p.agendaItemsRaised,
		agendaItemsDiscussed: p.agendaItemsDiscussed,
		goalsSet: p.goalsSet,
		goalsAchieved: p.goalsAchieved,
		goalsDropped: p.goalsDropped,
		actionsOpen: p.actionsOpen,
		actionsDone: p.actionsDone,
		agreementOn: p.agreementOn,
		lastActivityOn: p.lastActivityOn
	};
	await tx
		.insert(pairReports)
		.values(report)
		.onConflictDoUpdate({ target: [pairReports.pairId, pairReports.participantId], set: report });
	const sessionsOf = and(
		eq(reportedSessions.pairId, p.pair),
		eq(reportedSessions.participantId, participantId)
	);
	await tx.delete(reportedSessions).where(sessionsOf);
	if (p.sessionsHeld.length > 0) {
		await tx
			.insert(reportedSessions)
			.values(p.sessionsHeld.map((s) => ({ ...key, heldOn: s.on, minutes: s.minutes })));
	}
	await tx
		.delete(reportedWins)
		.where(and(eq(reportedWins.pairId, p.pair), eq(reportedWins.participantId, participantId)));
	if (p.winsByWeek.length > 0) {
		await tx.insert(reportedWins).values(p.winsByWeek.map((w) => ({ ...key, ...w })));
	}
}

/** Recomputes the dashboard's row for a pair from both members' latest reports. */
async function refreshProgress(tx: Transaction, pairId: string): Promise<void> {
	const [reports, sessions, wins] = await Promise.all([
		tx.select().from(pairReports).where(eq(pairReports.pairId, pairId)),
		tx.select().from(reportedSessions).where(eq(reportedSessions.pairId, pairId)),
		tx.select().from(reportedWins).where(eq(reportedWins.pairId, pairId))
	]);
	const members: MemberReport[] = reports.map((r) => ({
		...r,
		sessionsHeld: sessions.filter((s) => s.participantId === r.participantId),
		winsByWeek: wins.filter((w) => w.participantId === r.participantId)
	}));
	const progress = { ...mergeReports(members), updatedAt: new Date() };
	await tx
		.insert(pairProgress)
		.values({ pairId, ...progress })
		.onConflictDoUpdate({ target: pairProgress.pairId, set: progress });
}
