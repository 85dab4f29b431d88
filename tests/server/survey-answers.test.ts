import { randomUUID } from 'node:crypto';
import { eq } from 'drizzle-orm';
import { describe, expect, it, vi } from 'vitest';
import { defaultSurveyDefinitions } from '$lib/domain/survey';
import type { Database } from '$lib/server/db/open-database';
import { surveyResponses } from '$lib/server/db/schema';
import { participationOf } from '$lib/server/participation';
import { saveSurveyAnswer } from '$lib/server/surveys/survey-answers';
import { saveSurveyDefinitions, surveyDefinitionsOf } from '$lib/server/surveys/survey-settings';
import type { SurveyAnswerPayload } from '$lib/protocol/survey-protocol';
import { POST as postAnswer } from '../../src/routes/api/v1/surveys/answers/+server';
import { callRoute } from '../support/route-call';
import { aPairWithDevices } from '../support/scheme-factories';
import { dbTimeout, serverDatabaseBackends, useFreshDatabase } from '../support/server-databases';

const current = vi.hoisted(() => ({ open: undefined as unknown }));
vi.mock('$lib/server/db', () => ({ database: async () => current.open }));

function anAnswer(pair: string, overrides: Partial<SurveyAnswerPayload> = {}): SurveyAnswerPayload {
	return {
		id: randomUUID(),
		pair,
		checkpoint: 'baseline',
		answeredAt: '2026-05-02T09:00:00.000Z',
		ratings: { confidence: 2, goalProgress: 1, relationship: null, meetingsUseful: null },
		again: null,
		outcomes: [],
		comment: null,
		...overrides
	};
}

for (const backend of serverDatabaseBackends) {
	describe(`check-in answers on ${backend.name}`, { timeout: dbTimeout }, () => {
		let db: Database;
		useFreshDatabase(backend, (opened) => {
			db = opened.db;
			current.open = opened;
		});

		const rowsFor = (participantId: string) =>
			db.select().from(surveyResponses).where(eq(surveyResponses.participantId, participantId));

		it('keeps one row per person, pair and check-in: a retry once, a later copy over it', async () => {
			const { pairId, menteeDevice, mentee } = await aPairWithDevices(db);
			const first = anAnswer(pairId);
			expect(await saveSurveyAnswer(db, menteeDevice, first)).toEqual({ ok: true, value: 'saved' });
			expect(await saveSurveyAnswer(db, menteeDevice, first)).toEqual({ ok: true, value: 'saved' });
			const later = {
				...first,
				answeredAt: '2026-05-03T09:00:00.000Z',
				ratings: { ...first.ratings, confidence: 3 }
			};
			expect(await saveSurveyAnswer(db, menteeDevice, later)).toEqual({ ok: true, value: 'saved' });
			// A copy from another device, written before the one held, changes nothing.
			const earlier = { ...anAnswer(pairId), answeredAt: '2026-05-02T10:00:00.000Z' };
			expect(await saveSurveyAnswer(db, menteeDevice, earlier)).toEqual({
				ok: true,
				value: 'stale'
			});
			const rows = await rowsFor(mentee.participant.id);
			expect(rows).toHaveLength(1);
			expect(rows[0]).toMatchObject({
				id: first.id,
				role: 'mentee',
				checkpoint: 'baseline',
				confidence: 3,
				goalProgress: 1,
				comment: null
			});
		});

		it('refuses a pair that is not the person’s, in this scheme or another', async () => {
			const a = await aPairWithDevices(db, 'Scheme A');
			const b = await aPairWithDevices(db, 'Scheme B');
			expect(await saveSurveyAnswer(db, a.menteeDevice, anAnswer(b.pairId))).toMatchObject({
				ok: false,
				error: 'not-in-pair'
			});
			expect(
				await saveSurveyAnswer(db, a.menteeDevice, anAnswer('not-a-uuid-at-all'))
			).toMatchObject({ ok: false, error: 'not-in-pair' });
		});

		it('refuses answers to questions the check-in does not ask, naming them', async () => {
			const { pairId, menteeDevice, scheme } = await aPairWithDevices(db);
			const relationship = anAnswer(pairId, {
				ratings: { confidence: 2, goalProgress: 1, relationship: 4, meetingsUseful: null }
			});
			expect(await saveSurveyAnswer(db, menteeDevice, relationship)).toMatchObject({
				ok: false,
				error: 'invalid',
				field: 'ratings.relationship'
			});
			expect(
				await saveSurveyAnswer(db, menteeDevice, anAnswer(pairId, { outcomes: ['promotion'] }))
			).toMatchObject({ ok: false, field: 'outcomes' });
			// A check-in the scheme turned off takes no answers.
			await saveSurveyDefinitions(
				db,
				scheme.id,
				defaultSurveyDefinitions.map((d) =>
					d.checkpoint === 'midpoint' ? { ...d, questions: [] } : { ...d }
				)
			);
			expect(
				await saveSurveyAnswer(
					db,
					menteeDevice,
					anAnswer(pairId, { checkpoint: 'midpoint', ratings: { ...anAnswer(pairId).ratings } })
				)
			).toMatchObject({ ok: false, field: 'checkpoint' });
		});

		it('refuses an id another person’s answer already has', async () => {
			const { pairId, menteeDevice, mentorDevice } = await aPairWithDevices(db);
			const answer = anAnswer(pairId);
			await saveSurveyAnswer(db, menteeDevice, answer);
			expect(await saveSurveyAnswer(db, mentorDevice, answer)).toMatchObject({
				ok: false,
				field: 'id'
			});
		});

		it('answers 400 naming the field, 403 for another pair, 401 without a credential', async () => {
			const { pairId, mentee } = await aPairWithDevices(db);
			const other = await aPairWithDevices(db);
			const post = (body: unknown, authorization = mentee.authorization) =>
				callRoute(postAnswer, 'POST', authorization, body);
			expect(await post(anAnswer(pairId))).toEqual({ status: 200, body: { outcome: 'saved' } });
			expect(
				await post({ ...anAnswer(pairId), ratings: { ...anAnswer(pairId).ratings, confidence: 6 } })
			).toMatchObject({ status: 400, body: { error: 'invalid', field: 'ratings.confidence' } });
			expect(await post({ ...anAnswer(pairId), note: 'free text' })).toMatchObject({
				status: 400,
				body: { field: 'note' }
			});
			expect(await post({ ...anAnswer(pairId), comment: 'x'.repeat(1001) })).toMatchObject({
				status: 400,
				body: { field: 'comment' }
			});
			expect(await post(anAnswer(other.pairId))).toMatchObject({
				status: 403,
				body: { error: 'not-in-pair' }
			});
			expect(await post(anAnswer(pairId), 'Bearer nobody.nothing')).toMatchObject({
				status: 401
			});
		});

		it('starts from the default check-ins and tells devices the scheme’s own', async () => {
			const { scheme, menteeDevice } = await aPairWithDevices(db);
			expect(await surveyDefinitionsOf(db, scheme.id)).toEqual(defaultSurveyDefinitions);
			const own = defaultSurveyDefinitions.map((d) =>
				d.checkpoint === 'midpoint' ? { ...d, monthsAfterStart: 2 } : { ...d }
			);
			await saveSurveyDefinitions(db, scheme.id, own);
			const participation = await participationOf(db, menteeDevice, new Date());
			expect(participation.surveys).toEqual(own);
			expect(participation.milestones).toEqual({
				startsOn: '2026-05-01',
				pilotEndsOn: '2026-10-31',
				reviewOn: '2027-05-01'
			});
		});
	});
}
