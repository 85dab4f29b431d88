import { toCalendarDate } from '$lib/domain/calendar-date';
import {
	checkInWindows,
	type CheckInWindow,
	type Checkpoint,
	type SurveyAnswer
} from '$lib/domain/survey';
import { checkSurveyAnswer, type SurveyAnswerInput } from '$lib/domain/survey-answer-input';
import { surveyAnswerPayload } from '$lib/privacy/survey-payload';
import type { Clock } from './clock';
import type { TandemDb } from './db';
import type { SchemeRepository } from './scheme-repository';
import { writing } from './storage-full';
import type { WriteResult } from './write-result';

/** A check-in of one of the person's pairs in the scheme, and their answer if they gave one. */
export interface CheckIn {
	/** The scheme's pair id. */
	pairId: string;
	partnerName: string;
	window: CheckInWindow;
	answer: SurveyAnswer | undefined;
}

/**
 * The person's answers to the scheme's check-ins. Saving an answer queues what the allowlist
 * lets go in the same transaction, so an answer is never kept without being sent, nor sent
 * without being kept.
 */
export class SurveyRepository {
	constructor(
		private readonly db: TandemDb,
		private readonly clock: Clock,
		private readonly scheme: SchemeRepository
	) {}

	/** Every check-in that has opened for the person's pairs, the newest first. */
	async checkIns(): Promise<CheckIn[]> {
		const { db } = this;
		const [membership, links, answers] = await Promise.all([
			db.membership.get('me'),
			db.schemePairs.toArray(),
			db.surveyAnswers.toArray()
		]);
		if (!membership?.surveys || membership.revokedAt) return [];
		const today = toCalendarDate(this.clock());
		const found: CheckIn[] = [];
		for (const link of links) {
			for (const window of checkInWindows(membership.surveys, link)) {
				if (window.opensOn > today) continue;
				const answer = answers.find(
					(a) => a.pairId === link.id && a.checkpoint === window.checkpoint
				);
				found.push({ pairId: link.id, partnerName: link.partnerName, window, answer });
			}
		}
		return found.sort((a, b) => b.window.opensOn.localeCompare(a.window.opensOn));
	}

	/** Check-ins open today that the person has not answered yet. */
	async waiting(): Promise<CheckIn[]> {
		const today = toCalendarDate(this.clock());
		return (await this.checkIns()).filter((c) => !c.answer && today <= c.window.closesOn);
	}

	async checkIn(pairId: string, checkpoint: Checkpoint): Promise<CheckIn | undefined> {
		return (await this.checkIns()).find(
			(c) => c.pairId === pairId && c.window.checkpoint === checkpoint
		);
	}

	/**
	 * Keeps the person's answers and queues them for the scheme. Answering again replaces the
	 * answer (same id) and whatever of it was still waiting to go.
	 */
	async save(
		pairId: string,
		checkpoint: Checkpoint,
		input: SurveyAnswerInput
	): Promise<WriteResult<SurveyAnswer, SurveyAnswerInput>> {
		const checkIn = await this.checkIn(pairId, checkpoint);
		// Gone from the scheme's check-ins, or not open yet: nothing to answer.
		if (!checkIn) return { ok: false, problems: {} };
		const checked = checkSurveyAnswer(input, checkIn.window.questions);
		if (!checked.ok) return { ok: false, problems: checked.problems };
		const { db } = this;
		return writing(() =>
			db.transaction('rw', [db.surveyAnswers, db.outbox], async () => {
				const now = this.clock().toISOString();
				const existing = await db.surveyAnswers
					.where('[pairId+checkpoint]')
					.equals([pairId, checkpoint])
					.first();
				const answer: SurveyAnswer = {
					id: existing?.id ?? crypto.randomUUID(),
					pairId,
					checkpoint,
					...checked.value,
					createdAt: existing?.createdAt ?? now,
					answeredAt: now
				};
				await db.surveyAnswers.put(answer);
				await this.scheme.queue({ kind: 'survey', payload: surveyAnswerPayload(answer) });
				return { ok: true as const, record: answer };
			})
		);
	}
}
