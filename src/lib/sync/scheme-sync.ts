import type { PublicationRepository } from '$lib/local/publication-repository';
import type { SchemeRepository } from '$lib/local/scheme-repository';
import { retryDelayMs } from './backoff';
import type { DeviceCredential } from './device-http';
import type { AnswerResult, ApiResult, PublishResult, SchemeApi } from './scheme-api';
import type { JoinRefusal, SyncProblem } from '$lib/protocol/problems';
import type { JoinReply } from '$lib/protocol/participation';
import type { ProposalAnswer } from '$lib/protocol/publication-protocol';
import type { DuePublication } from '$lib/local/rows/publication-record';
import type { OutboxEntry, SchemeMembership } from '$lib/local/rows/scheme-membership';

export type JoinOutcome =
	| { ok: true; membership: SchemeMembership }
	| { ok: false; refusal: JoinRefusal }
	| { ok: false; problem: SyncProblem };

/**
 * Talks to the scheme for this device: joins, learns the person's pairs and proposals, sends
 * what the person chose to publish or withdraw, then everything in the outbox. Every
 * failure is recorded for the UI and retried later; nothing here ever throws at the person
 * using the app.
 */
export class SchemeSync {
	constructor(
		private readonly scheme: SchemeRepository,
		private readonly publications: PublicationRepository,
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
			lastProblem: null,
			matching: null,
			published: null
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
		await this.publications.reconcile(participation.value.published);
		await this.scheme.queueReports();

		// Offline or removed, the reports would fare no better than the publications did.
		const publishing = await this.sendPublications(credential);
		const problem =
			publishing?.kind === 'offline' || publishing?.kind === 'revoked'
				? publishing
				: ((await this.sendOutbox(credential)) ?? publishing);
		if (problem?.kind === 'revoked') return this.failed(problem);
		await this.scheme.updateMembership({
			lastProblem: problem,
			...(problem ? {} : { lastSyncedAt: this.now().toISOString() })
		});
	}

	/**
	 * Stops another of the person's devices syncing (a lost phone); needs the network, so the
	 * person sees at once whether it worked. It leaves this device's list straight away.
	 */
	async removeDevice(deviceId: string): Promise<ApiResult<null>> {
		const membership = await this.scheme.membership();
		if (!membership || membership.revokedAt) return { ok: false, problem: { kind: 'revoked' } };
		const removed = await this.api.removeDevice(membership, deviceId);
		if (removed.ok) {
			await this.scheme.updateMembership({
				devices: (membership.devices ?? []).filter((d) => d.id !== deviceId),
				knownDeviceIds: [...new Set([...(membership.knownDeviceIds ?? []), deviceId])]
			});
		} else if (removed.problem.kind === 'revoked') {
			await this.failed(removed.problem);
		}
		return removed;
	}

	/**
	 * Answers a proposal; needs the network, so the person sees at once whether it went. The
	 * caller runs a round afterwards so a new pair appears.
	 */
	async answer(proposalId: string, answer: ProposalAnswer): Promise<AnswerResult> {
		const membership = await this.scheme.membership();
		// No membership, no credential to answer with: as good as removed from the scheme.
		if (!membership || membership.revokedAt) return { ok: false, problem: { kind: 'revoked' } };
		const result = await this.api.answerProposal(membership, proposalId, answer);
		if (result.ok) {
			await this.scheme.recordAnswer(proposalId, answer, result.value.status);
		} else if ('refusal' in result) {
			// Closed or unknown: it will not open again. Not yet its turn: it stays.
			if (result.refusal !== 'not-your-turn') await this.scheme.forgetProposal(proposalId);
		} else if (result.problem.kind === 'revoked') {
			await this.failed(result.problem);
		}
		return result;
	}

	/**
	 * Publishes or withdraws what the person asked. Each request is idempotent (a publication
	 * carries the time it was written), so a retry after a lost reply changes nothing twice.
	 */
	private async sendPublications(credential: DeviceCredential): Promise<SyncProblem | null> {
		let problem: SyncProblem | null = null;
		for (const due of await this.publications.due(this.now())) {
			const sent = await this.send(credential, due);
			if (sent.ok) {
				await this.publications.markDone(due);
			} else if ('refusal' in sent) {
				await this.publications.markRefused(due, sent.refusal.field, sent.refusal.problem);
			} else {
				problem = sent.problem;
				await this.publications.markProblem(due, problem);
				if (problem.kind === 'offline' || problem.kind === 'revoked') break;
			}
		}
		return problem;
	}

	private send(
		credential: DeviceCredential,
		due: DuePublication
	): Promise<PublishResult | ApiResult<null>> {
		if (due.action === 'withdraw') {
			return due.kind === 'pen-picture'
				? this.api.withdrawPenPicture(credential)
				: this.api.withdrawNeeds(credential);
		}
		return due.kind === 'pen-picture'
			? this.api.publishPenPicture(credential, due.writtenAt, due.payload)
			: this.api.publishNeeds(credential, due.writtenAt, due.payload);
	}

	/** Sends every item in the outbox that is due, oldest first; returns the last problem. */
	private async sendOutbox(credential: DeviceCredential): Promise<SyncProblem | null> {
		let problem: SyncProblem | null = null;
		for (const entry of await this.scheme.due(this.now().getTime())) {
			const sent = await this.deliver(credential, entry);
			if (sent.ok) {
				await this.scheme.markSent(entry);
				continue;
			}
			problem = sent.problem;
			if (problem.kind === 'revoked') return problem;
			await this.scheme.markFailed(entry, problem, this.nextTry(entry, problem));
			if (problem.kind === 'offline') break;
		}
		return problem;
	}

	/**
	 * When to send an item again: a refused one will be refused again, so it waits for a newer
	 * one to replace it; one at a limit waits as long as the server said (or, where waiting
	 * alone cannot help, for a newer one too); anything else backs off.
	 */
	private nextTry(entry: OutboxEntry, problem: SyncProblem): number {
		if (problem.kind === 'rejected' || problem.kind === 'not-in-pair')
			return Number.POSITIVE_INFINITY;
		if (problem.kind === 'limit')
			return problem.retryAt ? Date.parse(problem.retryAt) : Number.POSITIVE_INFINITY;
		return this.now().getTime() + retryDelayMs(entry.attempts + 1);
	}

	private deliver(credential: DeviceCredential, entry: OutboxEntry): Promise<ApiResult<unknown>> {
		const { api } = this;
		switch (entry.kind) {
			case 'metrics':
				return api.uploadMetrics(credential, entry.payload);
			case 'survey':
				return api.sendSurveyAnswer(credential, entry.payload);
			case 'board-post':
				return api.postToBoard(credential, entry.payload);
			case 'board-withdrawal':
				return api.withdrawBoardPost(credential, entry.payload.postId);
			case 'board-reaction': {
				const { postId, ...reaction } = entry.payload;
				return api.reactOnBoard(credential, postId, reaction);
			}
			case 'support-request':
				return api.requestSupport(credential, entry.payload);
			case 'support-cancellation':
				return api.cancelSupport(credential, entry.payload.requestId);
		}
	}

	private async failed(problem: SyncProblem): Promise<void> {
		await this.publications.noteProblem(problem);
		await this.scheme.updateMembership({
			lastProblem: problem,
			...(problem.kind === 'revoked' ? { revokedAt: this.now().toISOString() } : {})
		});
	}
}
