import { defaultSurveyDefinitions } from '$lib/domain/survey';
import type {
	BoardPostForDevice,
	BoardPostInput,
	BoardReactionInput
} from '$lib/protocol/board-protocol';
import { ownPostAsListed } from '$lib/local/board-view';
import type { MetricsPayload } from '$lib/protocol/metrics-payload';
import type { LimitProblem } from '$lib/protocol/limit-problem';
import type { OwnDevice, Participation, SchemePairInfo } from '$lib/protocol/participation';
import type {
	Needs,
	PenPicture,
	ProposalAnswer,
	ProposalForDevice,
	SchemeMatchingInfo
} from '$lib/protocol/publication-protocol';
import type {
	AnswerOutcome,
	AnswerRefusal,
	AnswerResult,
	ApiResult,
	JoinResult,
	PublicationRefusal,
	PublishResult,
	SchemeApi
} from '$lib/sync/scheme-api';
import type { SupportRequestForDevice, SupportRequestInput } from '$lib/protocol/support-protocol';
import type { SurveyAnswerPayload } from '$lib/protocol/survey-protocol';

interface Held<T> {
	writtenAt: string;
	value: T;
	at: string;
}

/**
 * An in-memory scheme server speaking the device API, with faults to order: offline, failed
 * or duplicated uploads, refusal, revocation. Like the real one it counts an upload id once,
 * keeps a publication only over an older one, and takes the same answer twice as one.
 */
export class MockSchemeServer implements SchemeApi {
	offline = false;
	revoked = false;
	/** Chance that an upload fails after reaching the server (the reply is lost). */
	lostReplyRate = 0;
	/** Chance that an upload is delivered twice. */
	duplicateRate = 0;
	rejectField: string | null = null;
	/** Refuses what a device sends at this limit, as the real server does at one of its own. */
	limit: LimitProblem | null = null;
	devices: OwnDevice[] = [];
	random: () => number = Math.random;
	pairs: SchemePairInfo[] = [];
	readonly uploads = new Map<string, MetricsPayload>();
	readonly calls: string[] = [];

	matching: SchemeMatchingInfo = {
		audience: 'members',
		areas: ['learning-the-ropes', 'leadership', 'media-relations', 'Planning committee'],
		serviceAreas: [],
		groups: ['Labour', 'Plaid Cymru', 'Independent'],
		genderPreferences: true,
		ownGroupExclusion: true
	};
	penPicture: Held<PenPicture> | null = null;
	needs: Held<Needs> | null = null;
	/** Each publication the server stored (a stale or repeated one is not stored again). */
	readonly stored: { kind: 'pen-picture' | 'needs'; writtenAt: string }[] = [];
	/** Chance that a publication or withdrawal is done but its reply is lost. */
	publishLostReplyRate = 0;
	/** Refuses the next publications naming this field, as the server does for a wrong id. */
	refusePublication: PublicationRefusal | null = null;
	proposals: ProposalForDevice[] = [];
	readonly answers = new Map<string, { answer: ProposalAnswer; outcome: AnswerOutcome }>();
	/** Answers the proposal with this refusal instead. */
	answerRefusal: AnswerRefusal | null = null;
	/** When the mentor's acceptance makes a pair, it appears in `pairs` as this. */
	pairOnAccept: SchemePairInfo | null = null;
	time: () => Date = () => new Date('2026-11-23T10:00:00.000Z');
	milestones: Participation['milestones'] = {
		startsOn: '2026-05-01',
		pilotEndsOn: '2026-10-31',
		reviewOn: '2027-05-01'
	};
	photo: Participation['photo'] = null;
	surveys: Participation['surveys'] = structuredClone([...defaultSurveyDefinitions]);
	/** Check-in answers by person, pair and check-in: a later copy replaces an earlier one. */
	readonly surveyAnswers = new Map<string, SurveyAnswerPayload>();
	readonly boardPosts = new Map<string, BoardPostInput>();
	readonly boardReactions = new Set<string>();
	/** Everyone else's posts, as the server would list them to this person. */
	boardOthers: BoardPostForDevice[] = [];
	/** The coordinator's decisions on this person's own posts. */
	readonly moderation = new Map<string, { status: 'hidden' | 'removed'; reason: string }>();
	/** The photo's bytes, served while `photo` says the scheme has one. */
	photoImage = new Blob([new Uint8Array([0x89, 0x50, 0x4e, 0x47])], { type: 'image/png' });
	readonly supportRequests = new Map<string, SupportRequestForDevice>();

	readonly identity = {
		participant: {
			id: '6f1c3a52-8a52-4f0e-9f55-0e2b7b1c9d10',
			role: 'mentee' as 'mentor' | 'mentee',
			name: 'Megan'
		},
		scheme: {
			id: '0b6c1a0e-5f0a-4b59-9d0e-7c1f2d3e4a5b',
			name: 'Member mentoring',
			organisation: 'Example Council'
		}
	};

	async join(code: string): Promise<JoinResult> {
		this.calls.push('join');
		if (this.offline) return { ok: false, problem: { kind: 'offline' } };
		if (code !== 'GOOD-CODE') return { ok: false, refusal: 'unknown' };
		return {
			ok: true,
			value: {
				device: { id: '9d2f6c1e-3b4a-4c5d-8e9f-0a1b2c3d4e5f', secret: 's'.repeat(43) },
				...this.identity
			}
		};
	}

	async participation() {
		this.calls.push('participation');
		if (this.offline) return { ok: false, problem: { kind: 'offline' } } as const;
		if (this.revoked) return { ok: false, problem: { kind: 'revoked' } } as const;
		const value: Participation = {
			...this.identity,
			pairs: this.pairs,
			matching: this.matching,
			published: { penPictureAt: this.penPicture?.at ?? null, needsAt: this.needs?.at ?? null },
			proposals: this.proposals,
			milestones: this.milestones,
			photo: this.photo,
			surveys: this.surveys,
			supportRequests: [...this.supportRequests.values()],
			devices: this.devices
		};
		return { ok: true, value: structuredClone(value) } as const;
	}

	async uploadMetrics(_credential: unknown, payload: MetricsPayload) {
		this.calls.push('upload');
		if (this.offline) return { ok: false, problem: { kind: 'offline' } } as const;
		if (this.revoked) return { ok: false, problem: { kind: 'revoked' } } as const;
		if (this.rejectField) {
			return { ok: false, problem: { kind: 'rejected', field: this.rejectField } } as const;
		}
		const deliveries = this.random() < this.duplicateRate ? 2 : 1;
		let outcome: 'applied' | 'duplicate' = 'duplicate';
		for (let i = 0; i < deliveries; i++) {
			if (!this.uploads.has(payload.uploadId)) {
				this.uploads.set(payload.uploadId, structuredClone(payload));
				outcome = 'applied';
			}
		}
		if (this.random() < this.lostReplyRate) {
			return { ok: false, problem: { kind: 'server', status: 503 } } as const;
		}
		return { ok: true, value: outcome } as const;
	}

	async publishPenPicture(_credential: unknown, writtenAt: string, penPicture: PenPicture) {
		this.calls.push('publish-pen-picture');
		return this.publish('pen-picture', writtenAt, penPicture);
	}

	async withdrawPenPicture() {
		this.calls.push('withdraw-pen-picture');
		return this.withdraw(() => (this.penPicture = null));
	}

	async publishNeeds(_credential: unknown, writtenAt: string, needs: Needs) {
		this.calls.push('publish-needs');
		return this.publish('needs', writtenAt, needs);
	}

	async withdrawNeeds() {
		this.calls.push('withdraw-needs');
		return this.withdraw(() => (this.needs = null));
	}

	async sendSurveyAnswer(_credential: unknown, payload: SurveyAnswerPayload) {
		this.calls.push('survey');
		return this.take(() => {
			const key = `${payload.pair}/${payload.checkpoint}`;
			const held = this.surveyAnswers.get(key);
			if (!held || held.answeredAt <= payload.answeredAt) {
				this.surveyAnswers.set(key, structuredClone(payload));
			}
		});
	}

	async postToBoard(_credential: unknown, post: BoardPostInput) {
		this.calls.push('board-post');
		return this.take(() => {
			if (!this.boardPosts.has(post.id)) this.boardPosts.set(post.id, structuredClone(post));
		});
	}

	async withdrawBoardPost(_credential: unknown, postId: string) {
		this.calls.push('board-withdrawal');
		return this.take(() => this.boardPosts.delete(postId));
	}

	async reactOnBoard(_credential: unknown, postId: string, reaction: BoardReactionInput) {
		this.calls.push('board-reaction');
		return this.take(() => {
			const key = `${postId}/${reaction.reaction}`;
			if (reaction.on) this.boardReactions.add(key);
			else this.boardReactions.delete(key);
		});
	}

	async boardListing(_credential: unknown, before: string | null = null) {
		this.calls.push('board-listing');
		if (this.offline) return { ok: false, problem: { kind: 'offline' } } as const;
		if (this.revoked) return { ok: false, problem: { kind: 'revoked' } } as const;
		const listed = [
			...[...this.boardPosts.values()].map((p) => this.ownPost(p)),
			...this.boardOthers
		]
			.filter((p) =>
				before === null
					? p.status === 'visible' || p.mine
					: p.status === 'visible' && p.postedAt < before
			)
			.map((p) => this.withOwnReactions(structuredClone(p)))
			.sort((a, b) => b.postedAt.localeCompare(a.postedAt));
		return { ok: true, value: { posts: listed, more: false } } as const;
	}

	async schemePhoto() {
		this.calls.push('board-photo');
		if (this.offline) return { ok: false, problem: { kind: 'offline' } } as const;
		if (this.revoked) return { ok: false, problem: { kind: 'revoked' } } as const;
		return { ok: true, value: this.photo ? this.photoImage : null } as const;
	}

	/** A post of this person's as the server lists it back to them, moderated or not. */
	private ownPost(post: BoardPostInput): BoardPostForDevice {
		const listed = ownPostAsListed(post, this.identity.participant.name);
		const moderated = this.moderation.get(post.id);
		if (!moderated) return listed;
		const erased = moderated.status === 'removed' ? { text: '', title: '', url: '', why: '' } : {};
		return { ...listed, ...erased, status: moderated.status, moderationReason: moderated.reason };
	}

	private withOwnReactions(post: BoardPostForDevice): BoardPostForDevice {
		if (post.status !== 'visible') return post;
		for (const key of this.boardReactions) {
			const [postId, reaction] = key.split('/') as [string, keyof BoardPostForDevice['reactions']];
			if (postId !== post.id) continue;
			post.reactions[reaction]++;
			post.myReactions.push(reaction);
		}
		return post;
	}

	async requestSupport(_credential: unknown, request: SupportRequestInput) {
		this.calls.push('support-request');
		return this.take(() => {
			if (this.supportRequests.has(request.id)) return;
			this.supportRequests.set(request.id, {
				...request,
				status: 'open',
				reply: null,
				answeredAt: null
			});
		});
	}

	async removeDevice(_credential: unknown, deviceId: string) {
		this.calls.push('device-removal');
		return this.take(() => (this.devices = this.devices.filter((d) => d.id !== deviceId)));
	}

	async cancelSupport(_credential: unknown, requestId: string) {
		this.calls.push('support-cancellation');
		return this.take(() => {
			const held = this.supportRequests.get(requestId);
			if (held?.status === 'open') held.status = 'cancelled';
		});
	}

	async answerProposal(
		_credential: unknown,
		proposalId: string,
		answer: ProposalAnswer
	): Promise<AnswerResult> {
		this.calls.push('answer');
		if (this.offline) return { ok: false, problem: { kind: 'offline' } };
		if (this.answerRefusal) return { ok: false, refusal: this.answerRefusal };
		const repeated = this.answers.get(proposalId);
		if (repeated) return { ok: true, value: repeated.outcome };
		const proposal = this.proposals.find((p) => p.id === proposalId);
		if (!proposal) return { ok: false, refusal: 'unknown-proposal' };
		const outcome = this.outcomeOf(proposal, answer);
		this.answers.set(proposalId, { answer, outcome });
		this.proposals = this.proposals.filter((p) => p.id !== proposalId);
		if (outcome.status === 'accepted' && this.pairOnAccept) {
			this.pairs = [...this.pairs, this.pairOnAccept];
		}
		return { ok: true, value: outcome };
	}

	private outcomeOf(proposal: ProposalForDevice, answer: ProposalAnswer): AnswerOutcome {
		if (answer.answer === 'decline') return { status: 'declined', pairId: null };
		if (proposal.stage === 'mentee') return { status: 'with-mentor', pairId: null };
		return { status: 'accepted', pairId: this.pairOnAccept?.id ?? null };
	}

	private publish<T>(kind: 'pen-picture' | 'needs', writtenAt: string, value: T): PublishResult {
		if (this.offline) return { ok: false, problem: { kind: 'offline' } };
		if (this.revoked) return { ok: false, problem: { kind: 'revoked' } };
		if (this.refusePublication) return { ok: false, refusal: this.refusePublication };
		const held = (kind === 'pen-picture' ? this.penPicture : this.needs) as Held<T> | null;
		const stale = held !== null && held.writtenAt > writtenAt;
		if (!stale) {
			const copy = { writtenAt, value: structuredClone(value), at: this.time().toISOString() };
			if (kind === 'pen-picture') this.penPicture = copy as Held<PenPicture>;
			else this.needs = copy as Held<Needs>;
			if (held?.writtenAt !== writtenAt) this.stored.push({ kind, writtenAt });
		}
		if (this.random() < this.publishLostReplyRate) {
			return { ok: false, problem: { kind: 'server', status: 503 } };
		}
		return { ok: true, value: stale ? 'stale' : 'saved' };
	}

	private withdraw(remove: () => void): ApiResult<null> {
		if (this.offline) return { ok: false, problem: { kind: 'offline' } };
		if (this.revoked) return { ok: false, problem: { kind: 'revoked' } };
		remove();
		if (this.random() < this.publishLostReplyRate) {
			return { ok: false, problem: { kind: 'server', status: 503 } };
		}
		return { ok: true, value: null };
	}

	/** An outbox item arriving: refused, or done (perhaps with its reply lost), like an upload. */
	private take(apply: () => void): ApiResult<null> {
		if (this.offline) return { ok: false, problem: { kind: 'offline' } };
		if (this.revoked) return { ok: false, problem: { kind: 'revoked' } };
		if (this.rejectField)
			return { ok: false, problem: { kind: 'rejected', field: this.rejectField } };
		if (this.limit) return { ok: false, problem: this.limit };
		apply();
		if (this.random() < this.lostReplyRate) {
			return { ok: false, problem: { kind: 'server', status: 503 } };
		}
		return { ok: true, value: null };
	}

	/** The newest report the server holds for a pair, as the dashboard would use it. */
	latestFor(pairId: string): MetricsPayload | undefined {
		return [...this.uploads.values()]
			.filter((u) => u.pair === pairId)
			.sort((a, b) => a.generatedAt.localeCompare(b.generatedAt))
			.at(-1);
	}
}
