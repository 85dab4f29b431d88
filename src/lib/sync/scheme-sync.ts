import type { SchemeRepository } from '$lib/local/scheme-repository';
import { retryDelayMs } from './backoff';
import type { JoinRefusal, SchemeApi } from './scheme-api';
import type { JoinReply } from './participation';
import type { SchemeMembership, SyncProblem } from './scheme-membership';

export type JoinOutcome =
	| { ok: true; membership: SchemeMembership }
	| { ok: false; refusal: JoinRefusal }
	| { ok: false; problem: SyncProblem };

/**
 * Talks to the scheme for this device: joins, learns the person's pairs, then sends each pair's
 * queued progress report. Every failure is recorded for the UI and retried later; nothing here
 * ever throws at the person using the app.
 */
export class SchemeSync {
	constructor(
		private readonly scheme: SchemeRepository,
		private readonly api: SchemeApi,
		private readonly now: () => Date = () => new Date()
	) {}

	/**
	 * Joins with an invitation code. A device restoring a backup joins without syncing, so the
	 * backup's pairs are in place before the scheme's pairs are linked to them.
	 */
	async join(code: string, options: { sync?: boolean } = {}): Promise<JoinOutcome> {
		const reply = await this.api.join(code);
		if (!reply.ok) return reply;
		return this.joined(reply.value, options);
	}

	/** Stores the credential of a device that has joined, by invitation or by recovery code. */
	async joined(
		reply: JoinReply,
		options: { sync?: boolean } = {}
	): Promise<{ ok: true; membership: SchemeMembership }> {
		const { device, participant, scheme } = reply;
		const membership: SchemeMembership = {
			id: 'me',
			schemeId: scheme.id,
			schemeName: scheme.name,
			organisation: scheme.organisation,
			participantId: participant.id,
			role: participant.role,
			name: participant.name,
			deviceId: device.id,
			deviceSecret: device.secret,
			joinedAt: this.now().toISOString(),
			revokedAt: null,
			lastSyncedAt: null,
			lastProblem: null
		};
		await this.scheme.join(membership);
		if (options.sync !== false) await this.run();
		return { ok: true, membership };
	}

	/** One round: queue what changed (offline too), refresh the pairs, send what is due. */
	async run(): Promise<void> {
		const membership = await this.scheme.membership();
		if (!membership || membership.revokedAt) return;
		const credential = membership;

		await this.scheme.queueReports();
		const participation = await this.api.participation(credential);
		if (!participation.ok) return this.failed(participation.problem);
		await this.scheme.applyParticipation(participation.value);
		await this.scheme.queueReports();

		let problem: SyncProblem | null = null;
		for (const entry of await this.scheme.due(this.now().getTime())) {
			const sent = await this.api.uploadMetrics(credential, entry.payload);
			if (sent.ok) {
				await this.scheme.markSent(entry);
				continue;
			}
			problem = sent.problem;
			if (problem.kind === 'revoked') return this.failed(problem);
			// A refused payload will be refused again: wait for a new one rather than retry.
			const final = problem.kind === 'rejected' || problem.kind === 'not-in-pair';
			const next = final
				? Number.POSITIVE_INFINITY
				: this.now().getTime() + retryDelayMs(entry.attempts + 1);
			await this.scheme.markFailed(entry, problem, next);
			if (problem.kind === 'offline') break;
		}
		await this.scheme.updateMembership({
			lastProblem: problem,
			...(problem ? {} : { lastSyncedAt: this.now().toISOString() })
		});
	}

	private async failed(problem: SyncProblem): Promise<void> {
		await this.scheme.updateMembership({
			lastProblem: problem,
			...(problem.kind === 'revoked' ? { revokedAt: this.now().toISOString() } : {})
		});
	}
}
