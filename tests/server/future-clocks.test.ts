import { randomUUID } from 'node:crypto';
import { eq } from 'drizzle-orm';
import { describe, expect, it, vi } from 'vitest';
import type { Database } from '$lib/server/db/open-database';
import { mentorProfiles, surveyResponses } from '$lib/server/db/schema';
import * as penPictureRoute from '../../src/routes/api/v1/pen-picture/+server';
import * as answersRoute from '../../src/routes/api/v1/surveys/answers/+server';
import { callRoute } from '../support/route-call';
import { aSchemeWithPair, samplePenPicture } from '../support/scheme-factories';
import { dbTimeout, serverDatabaseBackends, useFreshDatabase } from '../support/server-databases';

const current = vi.hoisted(() => ({ open: undefined as unknown }));
vi.mock('$lib/server/db', () => ({ database: async () => current.open }));

const tick = () => new Promise((r) => setTimeout(r, 5));

for (const backend of serverDatabaseBackends) {
	describe(`a device clock running years ahead, on ${backend.name}`, { timeout: dbTimeout }, () => {
		let db: Database;
		useFreshDatabase(backend, (opened) => {
			db = opened.db;
			current.open = opened;
		});

		it('cannot keep a pen picture from being replaced', async () => {
			const { mentor } = await aSchemeWithPair(db);
			const publish = (writtenAt: string, text: string) =>
				callRoute(penPictureRoute.PUT, 'PUT', mentor.authorization, {
					writtenAt,
					penPicture: samplePenPicture({ text })
				});
			const before = Date.now();
			expect(await publish('2099-12-31T23:59:59Z', 'From a wrong clock.')).toMatchObject({
				body: { outcome: 'saved' }
			});
			const [held] = await db
				.select()
				.from(mentorProfiles)
				.where(eq(mentorProfiles.participantId, mentor.participant.id));
			expect(held!.writtenAt.getTime()).toBeLessThanOrEqual(Date.now());
			expect(held!.writtenAt.getTime()).toBeGreaterThanOrEqual(before);
			await tick();
			expect(await publish(new Date().toISOString(), 'Clock put right.')).toMatchObject({
				body: { outcome: 'saved' }
			});
		});

		it('cannot keep a check-in answer from being changed', async () => {
			const { mentee, pairId } = await aSchemeWithPair(db);
			const answer = (answeredAt: string, confidence: number) =>
				callRoute(answersRoute.POST, 'POST', mentee.authorization, {
					id: randomUUID(),
					pair: pairId,
					checkpoint: 'baseline',
					answeredAt,
					ratings: { confidence, goalProgress: 3, relationship: null, meetingsUseful: null },
					again: null,
					outcomes: [],
					comment: null
				});
			await answer('2099-06-01T00:00:00Z', 1);
			await tick();
			await answer(new Date().toISOString(), 5);
			const [held] = await db
				.select()
				.from(surveyResponses)
				.where(eq(surveyResponses.pairId, pairId));
			expect(held!.confidence).toBe(5);
		});
	});
}
