import { randomUUID } from 'node:crypto';
import { count, eq } from 'drizzle-orm';
import { describe, expect, it, vi } from 'vitest';
import type { Database } from '$lib/server/db/open-database';
import { boardPosts, mentorProfiles, supportRequests } from '$lib/server/db/schema';
import { answerSupportRequest } from '$lib/server/support/support-requests';
import * as postsRoute from '../../src/routes/api/v1/board/posts/+server';
import * as reactionsRoute from '../../src/routes/api/v1/board/posts/[postId]/reactions/+server';
import * as postRoute from '../../src/routes/api/v1/board/posts/[postId]/+server';
import * as penPictureRoute from '../../src/routes/api/v1/pen-picture/+server';
import * as supportRoute from '../../src/routes/api/v1/support/+server';
import * as answersRoute from '../../src/routes/api/v1/surveys/answers/+server';
import { withSettings } from '../support/limit-settings';
import { callRoute } from '../support/route-call';
import { aPairWithDevices, aSchemeWithPair, samplePenPicture } from '../support/scheme-factories';
import { dbTimeout, serverDatabaseBackends, useFreshDatabase } from '../support/server-databases';

const current = vi.hoisted(() => ({ open: undefined as unknown }));
vi.mock('$lib/server/db', () => ({ database: async () => current.open }));

const thought = () => ({
	kind: 'thought',
	id: randomUUID(),
	text: 'Small steps count.',
	showName: false,
	postedAt: new Date().toISOString()
});
const rows = async (db: Database, table: typeof boardPosts | typeof supportRequests) =>
	(await db.select({ n: count() }).from(table))[0]!.n;

for (const backend of serverDatabaseBackends) {
	describe(`limits on what a person writes, on ${backend.name}`, { timeout: dbTimeout }, () => {
		let db: Database;
		useFreshDatabase(backend, (opened) => {
			db = opened.db;
			current.open = opened;
		});
		withSettings({
			LIMIT_BOARD_POSTS_PER_DAY: '3',
			LIMIT_BOARD_POSTS: '4',
			LIMIT_SCHEME_BOARD_POSTS: '6',
			LIMIT_REACTIONS_PER_HOUR: '2',
			LIMIT_OPEN_SUPPORT_REQUESTS: '2',
			LIMIT_SUPPORT_REQUESTS_PER_MONTH: '3',
			LIMIT_CHECK_IN_ANSWERS_PER_DAY: '2',
			LIMIT_PUBLICATIONS_PER_DAY: '2'
		});

		it('takes so many board posts a day, then 429 with Retry-After; a retry of one is still taken', async () => {
			const { mentee } = await aSchemeWithPair(db);
			const post = (body: unknown) =>
				callRoute(postsRoute.POST, 'POST', mentee.authorization, body);
			const first = thought();
			for (const body of [first, thought(), thought()]) expect((await post(body)).status).toBe(201);
			const before = await rows(db, boardPosts);
			const refused = await post(thought());
			expect(refused).toMatchObject({
				status: 429,
				body: { error: 'rate-limited', limit: 'board-posts-per-day', max: 3 }
			});
			expect(await rows(db, boardPosts)).toBe(before);
			expect(await post(first)).toEqual({ status: 200, body: { outcome: 'duplicate' } });
		});

		it('holds so many of a person’s posts and a scheme’s, with 413; withdrawing frees room', async () => {
			const { mentee, mentor } = await aSchemeWithPair(db);
			const post = (who: string, body: unknown) => callRoute(postsRoute.POST, 'POST', who, body);
			const older = new Date(Date.now() - 2 * 864e5);
			const mine = Array.from({ length: 4 }, thought);
			// Posted over days, so only the limit on posts held is in the way.
			vi.useFakeTimers({ now: older, toFake: ['Date'] });
			for (const body of mine.slice(0, 3))
				expect((await post(mentee.authorization, body)).status).toBe(201);
			vi.useRealTimers();
			expect((await post(mentee.authorization, mine[3])).status).toBe(201);
			expect(await post(mentee.authorization, thought())).toMatchObject({
				status: 413,
				body: { error: 'over-limit', limit: 'board-posts', max: 4 }
			});
			await callRoute(postRoute.DELETE, 'DELETE', mentee.authorization, undefined, {
				postId: mine[0]!.id
			});
			expect((await post(mentee.authorization, thought())).status).toBe(201);
			// The scheme holds six: the mentor's third post finds it full.
			for (let i = 0; i < 2; i++)
				expect((await post(mentor.authorization, thought())).status).toBe(201);
			expect(await post(mentor.authorization, thought())).toMatchObject({
				status: 413,
				body: { limit: 'scheme-board-posts', max: 6 }
			});
		});

		it('takes so many reactions an hour', async () => {
			const { mentee, mentor } = await aSchemeWithPair(db);
			const post = thought();
			await callRoute(postsRoute.POST, 'POST', mentee.authorization, post);
			const react = (on: boolean) =>
				callRoute(
					reactionsRoute.PUT,
					'PUT',
					mentor.authorization,
					{ reaction: 'thanks', on },
					{
						postId: post.id
					}
				);
			expect((await react(true)).status).toBe(200);
			expect((await react(false)).status).toBe(200);
			expect(await react(true)).toMatchObject({
				status: 429,
				body: { limit: 'reactions-per-hour', max: 2 }
			});
		});

		it('holds so many open requests for support, and takes so many a month', async () => {
			const { mentorDevice, mentor, scheme, coordinator } = await aPairWithDevices(db);
			const ask = (id = randomUUID()) =>
				callRoute(supportRoute.POST, 'POST', mentor.authorization, {
					id,
					kind: 'support',
					urgency: 'this-week',
					requestedAt: new Date().toISOString()
				});
			const first = randomUUID();
			expect((await ask(first)).status).toBe(200);
			expect((await ask()).status).toBe(200);
			expect(await ask()).toMatchObject({ status: 413, body: { limit: 'open-support-requests' } });
			await answerSupportRequest(
				db,
				scheme.id,
				first,
				'Call you Monday.',
				coordinator.id,
				new Date()
			);
			expect((await ask()).status).toBe(200);
			await answerSupportRequest(
				db,
				scheme.id,
				(
					await db
						.select()
						.from(supportRequests)
						.where(eq(supportRequests.participantId, mentorDevice.participantId))
				).find((r) => r.status === 'open')!.id,
				'Done.',
				coordinator.id,
				new Date()
			);
			const monthly = await ask();
			expect(monthly).toMatchObject({
				status: 429,
				body: { limit: 'support-requests-per-month', max: 3 }
			});
			// A retry of one already stored is never refused.
			expect((await ask(first)).status).toBe(200);
		});

		it('takes so many check-in answers and publications a day', async () => {
			const { mentee, mentor, pairId } = await aSchemeWithPair(db);
			const answer = () =>
				callRoute(answersRoute.POST, 'POST', mentee.authorization, {
					id: randomUUID(),
					pair: pairId,
					checkpoint: 'baseline',
					answeredAt: new Date().toISOString(),
					ratings: { confidence: 3, goalProgress: 3, relationship: null, meetingsUseful: null },
					again: null,
					outcomes: [],
					comment: null
				});
			expect((await answer()).status).toBe(200);
			expect((await answer()).status).toBe(200);
			expect(await answer()).toMatchObject({
				status: 429,
				body: { limit: 'check-in-answers-per-day', max: 2 }
			});
			const publish = () =>
				callRoute(penPictureRoute.PUT, 'PUT', mentor.authorization, {
					writtenAt: new Date().toISOString(),
					penPicture: samplePenPicture()
				});
			expect((await publish()).status).toBe(200);
			expect((await publish()).status).toBe(200);
			expect(await publish()).toMatchObject({
				status: 429,
				body: { limit: 'publications-per-day', max: 2 }
			});
			expect((await db.select({ n: count() }).from(mentorProfiles))[0]!.n).toBe(1);
		});
	});
}
