import { randomUUID } from 'node:crypto';
import { and, count, eq } from 'drizzle-orm';
import * as v from 'valibot';
import { describe, expect, it, vi } from 'vitest';
import { boardListingFor } from '$lib/server/board/board-listing';
import { pageOf } from '$lib/server/board/board-page';
import { hidePost, pinPost, removePost, restorePost } from '$lib/server/board/board-moderation';
import type { Database } from '$lib/server/db/open-database';
import { boardPostReactions, boardPosts } from '$lib/server/db/schema';
import { revokeParticipant } from '$lib/server/invitations';
import { boardListingSchema, type BoardPostInput } from '$lib/protocol/board-protocol';
import * as boardRoute from '../../src/routes/api/v1/board/+server';
import * as photoRoute from '../../src/routes/api/v1/board/photo/+server';
import * as postsRoute from '../../src/routes/api/v1/board/posts/+server';
import * as postRoute from '../../src/routes/api/v1/board/posts/[postId]/+server';
import * as reactionsRoute from '../../src/routes/api/v1/board/posts/[postId]/reactions/+server';
import { saveSchemePhoto } from '$lib/server/board/scheme-photo';
import { onePixelPng } from '../support/images';
import { aCoordinator, aJoinedParticipant, aScheme, identityOf } from '../support/scheme-factories';
import { dbTimeout, serverDatabaseBackends, useFreshDatabase } from '../support/server-databases';

// The routes open the server's database; here they get the test's.
const current = vi.hoisted(() => ({ open: undefined as unknown }));
vi.mock('$lib/server/db', () => ({ database: async () => current.open }));

const now = new Date('2026-11-23T10:00:00.000Z');

/** Calls a route handler as SvelteKit would, with only what the device API reads. */
async function call(
	handler: (event: never) => Promise<Response> | Response,
	method: string,
	authorization: string,
	options: { body?: unknown; raw?: string; params?: Record<string, string>; query?: string } = {}
) {
	const url = new URL(`http://localhost/api/v1/board${options.query ?? ''}`);
	const body =
		options.raw ?? (options.body === undefined ? undefined : JSON.stringify(options.body));
	const request = new Request(url, {
		method,
		headers: { authorization, 'content-type': 'application/json' },
		body
	});
	const response = await handler({ request, url, params: options.params ?? {} } as never);
	const type = response.headers.get('content-type') ?? '';
	const parsed = type.includes('json') ? await response.json() : await response.arrayBuffer();
	return { status: response.status, type, body: parsed };
}

type PostOf<K> = Extract<BoardPostInput, { kind: K }>;

const thought = (
	text = 'Small steps count.',
	overrides: Partial<PostOf<'thought'>> = {}
): PostOf<'thought'> => ({
	kind: 'thought',
	id: randomUUID(),
	text,
	showName: true,
	postedAt: now.toISOString(),
	...overrides
});

const win = (overrides: Partial<PostOf<'win'>> = {}): PostOf<'win'> => ({
	kind: 'win',
	id: randomUUID(),
	text: 'Chaired my first scrutiny meeting',
	wonOn: '2026-11-20',
	showName: false,
	postedAt: now.toISOString(),
	...overrides
});

const article = (url: string): PostOf<'article'> => ({
	kind: 'article',
	id: randomUUID(),
	title: 'Chairing well',
	url,
	why: 'Short and practical',
	showName: true,
	postedAt: now.toISOString()
});

for (const backend of serverDatabaseBackends) {
	describe(`the group board on ${backend.name}`, { timeout: dbTimeout }, () => {
		let db: Database;
		useFreshDatabase(backend, (opened) => {
			db = opened.db;
			current.open = opened;
		});

		/** A scheme with its coordinator, a mentee and a mentor, each with a device. */
		async function aBoard(name = 'Member mentoring') {
			const coordinator = await aCoordinator(db);
			const scheme = await aScheme(db, coordinator.id, name);
			const person = async (role: 'mentor' | 'mentee', who: string) => {
				const joined = await aJoinedParticipant(db, scheme.id, coordinator.id, role, who);
				return { ...joined, identity: await identityOf(db, joined.authorization) };
			};
			return {
				coordinator,
				scheme,
				mentee: await person('mentee', 'Megan Mentee'),
				mentor: await person('mentor', 'Morgan Mentor')
			};
		}

		const post = (authorization: string, body: unknown) =>
			call(postsRoute.POST, 'POST', authorization, { body });
		const withdraw = (authorization: string, postId: string) =>
			call(postRoute.DELETE, 'DELETE', authorization, { params: { postId } });
		const react = (authorization: string, postId: string, reaction: string, on: boolean) =>
			call(reactionsRoute.PUT, 'PUT', authorization, {
				params: { postId },
				body: { reaction, on }
			});
		const listing = async (authorization: string, query = '') => {
			const answer = await call(boardRoute.GET, 'GET', authorization, { query });
			expect(answer.status).toBe(200);
			return v.parse(boardListingSchema, answer.body);
		};
		const rowsOf = async (postId: string) =>
			(await db.select({ n: count() }).from(boardPosts).where(eq(boardPosts.id, postId)))[0]!.n;
		const postsBy = async (participantId: string) =>
			(
				await db
					.select({ n: count() })
					.from(boardPosts)
					.where(eq(boardPosts.authorId, participantId))
			)[0]!.n;
		const reactionRows = async (postId: string) =>
			(
				await db
					.select({ n: count() })
					.from(boardPostReactions)
					.where(eq(boardPostReactions.postId, postId))
			)[0]!.n;

		describe('posting', () => {
			it('stores a post once: a retry answers 200 and changes nothing', async () => {
				const { mentee } = await aBoard();
				const first = win();
				expect(await post(mentee.authorization, first)).toMatchObject({
					status: 201,
					body: { outcome: 'saved' }
				});
				// The same id again, even with other words, is the same post.
				const again = await post(mentee.authorization, { ...first, text: 'Something else' });
				expect(again).toMatchObject({ status: 200, body: { outcome: 'duplicate' } });
				const [row] = await db.select().from(boardPosts).where(eq(boardPosts.id, first.id));
				expect(row).toMatchObject({
					text: 'Chaired my first scrutiny meeting',
					kind: 'win',
					wonOn: '2026-11-20',
					showName: false,
					status: 'visible',
					authorId: mentee.participant.id,
					coordinatorId: null
				});
			});

			it('stores six concurrent copies of one post once', async () => {
				const { mentee } = await aBoard();
				const one = thought();
				const answers = await Promise.all(
					Array.from({ length: 6 }, () => post(mentee.authorization, one))
				);
				expect(answers.map((a) => a.status).sort()).toEqual([200, 200, 200, 200, 200, 201]);
				expect(await rowsOf(one.id)).toBe(1);
			});

			it('refuses an id that another person’s post already has', async () => {
				const { mentee, mentor } = await aBoard();
				const one = thought();
				await post(mentee.authorization, one);
				expect(await post(mentor.authorization, { ...one, text: 'Mine now' })).toMatchObject({
					status: 403,
					body: { error: 'not-yours', field: 'id' }
				});
				const [row] = await db.select().from(boardPosts).where(eq(boardPosts.id, one.id));
				expect(row!.authorId).toBe(mentee.participant.id);
			});

			it('keeps the words as typed, trimmed, and never in the future', async () => {
				const { mentee } = await aBoard();
				const words = '<script>alert(1)</script> & <b>bold</b>';
				const one = thought(`  ${words}  `, { postedAt: '2031-01-01T00:00:00.000Z' });
				await post(mentee.authorization, one);
				const [row] = await db.select().from(boardPosts).where(eq(boardPosts.id, one.id));
				expect(row!.text).toBe(words);
				expect(row!.postedAt.getTime()).toBeLessThanOrEqual(Date.now());
			});

			it.each([
				{ body: { ...thought(), text: '' }, field: 'text', problem: 'must not be empty' },
				{ body: { ...thought(), text: 'x'.repeat(281) }, field: 'text', problem: 'is too long' },
				{ body: { ...win(), wonOn: '2026-02-30' }, field: 'wonOn', problem: 'must be a date' },
				{ body: { ...thought(), id: 'post-1' }, field: 'id', problem: 'must be a UUID' },
				{ body: { ...thought(), showName: 'yes' }, field: 'showName' },
				{ body: { ...thought(), kind: 'poll' }, field: 'kind' },
				{ body: { ...thought(), authorName: 'Someone' }, field: 'authorName' },
				{ body: { ...article('https://example.org'), title: ' ' }, field: 'title' },
				{ body: { ...article('https://example.org'), why: 'w'.repeat(281) }, field: 'why' }
			])('refuses a malformed post naming the field: $field', async ({ body, field, problem }) => {
				const { mentee } = await aBoard();
				const answer = await post(mentee.authorization, body);
				expect(answer.status).toBe(400);
				expect(answer.body).toMatchObject({ error: 'invalid', field });
				if (problem) expect(answer.body.problem).toContain(problem);
				expect(await postsBy(mentee.participant.id)).toBe(0);
			});

			it.each([
				'javascript:alert(1)',
				'data:text/html,<p>hi</p>',
				'ftp://files.example.org/a.pdf',
				'file:///etc/passwd',
				'www.example.org',
				'https://'
			])('takes links to web pages only, refusing %s', async (url) => {
				const { mentee } = await aBoard();
				expect(await post(mentee.authorization, article(url))).toMatchObject({
					status: 400,
					body: { field: 'url', problem: 'must be a web link (http or https)' }
				});
			});

			it('takes http and https links', async () => {
				const { mentee } = await aBoard();
				for (const url of ['https://www.lgcplus.com/chairing', 'http://example.org/a?b=c#d']) {
					expect((await post(mentee.authorization, article(url))).status).toBe(201);
				}
			});

			it('refuses a body too large to be a post unread, and one that is not JSON', async () => {
				const { mentee } = await aBoard();
				const huge = { ...thought(), text: 'x'.repeat(10_000) };
				expect(await post(mentee.authorization, huge)).toMatchObject({
					status: 413,
					body: { error: 'too-large' }
				});
				const garbled = await call(postsRoute.POST, 'POST', mentee.authorization, {
					raw: '{"kind":'
				});
				expect(garbled).toMatchObject({ status: 400, body: { field: 'body' } });
			});

			it('answers 401 without a credential and 403 for a removed person', async () => {
				const { scheme, mentee } = await aBoard();
				expect((await post('Bearer nonsense', thought())).status).toBe(401);
				await revokeParticipant(db, scheme.id, mentee.participant.id);
				expect(await post(mentee.authorization, thought())).toMatchObject({
					status: 403,
					body: { error: 'revoked' }
				});
			});
		});

		describe('withdrawing', () => {
			it('deletes the post and its reactions, and answers 204 again when it is gone', async () => {
				const { mentee, mentor } = await aBoard();
				const one = win();
				await post(mentee.authorization, one);
				await react(mentor.authorization, one.id, 'applause', true);
				expect(await reactionRows(one.id)).toBe(1);
				expect((await withdraw(mentee.authorization, one.id)).status).toBe(204);
				expect(await rowsOf(one.id)).toBe(0);
				expect(await reactionRows(one.id)).toBe(0);
				expect((await withdraw(mentee.authorization, one.id)).status).toBe(204);
				// Withdrawing a post the scheme never received (queued, then withdrawn) is done too.
				expect((await withdraw(mentee.authorization, randomUUID())).status).toBe(204);
			});

			it('withdraws a post the coordinator removed, reason and all', async () => {
				const { scheme, mentee } = await aBoard();
				const one = thought();
				await post(mentee.authorization, one);
				await removePost(db, scheme.id, one.id, 'Names a colleague', now);
				expect((await withdraw(mentee.authorization, one.id)).status).toBe(204);
				expect(await rowsOf(one.id)).toBe(0);
			});

			it('refuses to withdraw someone else’s post, and leaves another scheme’s alone', async () => {
				const { scheme, coordinator, mentee, mentor } = await aBoard();
				const one = thought();
				await post(mentee.authorization, one);
				expect(await withdraw(mentor.authorization, one.id)).toMatchObject({
					status: 403,
					body: { error: 'not-yours', field: 'postId' }
				});
				const pinned = thought('Pinned');
				await pinPost(db, scheme.id, coordinator.id, pinned, now);
				expect((await withdraw(mentee.authorization, pinned.id)).status).toBe(403);

				const other = await aBoard('Officer mentoring');
				expect((await withdraw(other.mentee.authorization, one.id)).status).toBe(204);
				expect(await rowsOf(one.id)).toBe(1);
				expect(await rowsOf(pinned.id)).toBe(1);
			});

			it('refuses a post id that is not a UUID, naming it', async () => {
				const { mentee } = await aBoard();
				expect(await withdraw(mentee.authorization, 'first-post')).toMatchObject({
					status: 400,
					body: { field: 'postId' }
				});
			});
		});

		describe('reactions', () => {
			it('add and take back one reaction per person, saying it twice changing nothing', async () => {
				const { mentee, mentor } = await aBoard();
				const one = win();
				await post(mentee.authorization, one);
				for (let i = 0; i < 2; i++) {
					expect(await react(mentor.authorization, one.id, 'applause', true)).toMatchObject({
						status: 200,
						body: { outcome: 'saved' }
					});
				}
				await react(mentor.authorization, one.id, 'thanks', true);
				await react(mentee.authorization, one.id, 'applause', true);
				let [seen] = (await listing(mentor.authorization)).posts;
				expect(seen).toMatchObject({
					reactions: { applause: 2, thanks: 1, inspiring: 0, support: 0 },
					myReactions: expect.arrayContaining(['applause', 'thanks'])
				});
				for (let i = 0; i < 2; i++) await react(mentor.authorization, one.id, 'applause', false);
				[seen] = (await listing(mentor.authorization)).posts;
				expect(seen).toMatchObject({
					reactions: { applause: 1, thanks: 1 },
					myReactions: ['thanks']
				});
			});

			it('are ignored, with a 200, on a post that is hidden, removed, gone or another scheme’s', async () => {
				const { scheme, mentee, mentor } = await aBoard();
				const [hidden, removed, gone] = [thought('h'), thought('r'), thought('g')];
				for (const p of [hidden, removed, gone]) await post(mentee.authorization, p);
				await hidePost(db, scheme.id, hidden.id, 'Off topic', now);
				await removePost(db, scheme.id, removed.id, 'Names a colleague', now);
				await withdraw(mentee.authorization, gone.id);
				const other = await aBoard('Officer mentoring');
				const theirs = thought('theirs');
				await post(other.mentee.authorization, theirs);

				for (const id of [hidden.id, removed.id, gone.id, randomUUID()]) {
					expect(await react(mentor.authorization, id, 'support', true)).toMatchObject({
						status: 200,
						body: { outcome: 'ignored' }
					});
					expect(await reactionRows(id)).toBe(0);
				}
				expect(await react(mentor.authorization, theirs.id, 'support', true)).toMatchObject({
					body: { outcome: 'ignored' }
				});
				expect(await reactionRows(theirs.id)).toBe(0);
			});

			it('refuse a reaction outside the fixed set, naming the field', async () => {
				const { mentee } = await aBoard();
				const one = thought();
				await post(mentee.authorization, one);
				expect(await react(mentee.authorization, one.id, 'love', true)).toMatchObject({
					status: 400,
					body: { field: 'reaction', problem: 'is not a reaction' }
				});
				const extra = await call(reactionsRoute.PUT, 'PUT', mentee.authorization, {
					params: { postId: one.id },
					body: { reaction: 'thanks', on: true, note: 'words' }
				});
				expect(extra).toMatchObject({ status: 400, body: { field: 'note' } });
			});
		});

		describe('the listing', () => {
			it('shows the author their hidden and removed posts with the reason, and nobody else', async () => {
				const { scheme, mentee, mentor } = await aBoard();
				const [shown, hidden, removed] = [thought('Shown'), thought('Hidden'), win()];
				for (const p of [shown, hidden, removed]) await post(mentee.authorization, p);
				await hidePost(db, scheme.id, hidden.id, 'Please take the name out', now);
				await removePost(db, scheme.id, removed.id, 'Confidential detail', now);

				const own = await listing(mentee.authorization);
				const byId = new Map(own.posts.map((p) => [p.id, p]));
				expect(byId.get(shown.id)).toMatchObject({ status: 'visible', moderationReason: null });
				expect(byId.get(hidden.id)).toMatchObject({
					status: 'hidden',
					text: 'Hidden',
					mine: true,
					moderationReason: 'Please take the name out'
				});
				expect(byId.get(removed.id)).toMatchObject({
					status: 'removed',
					text: '',
					wonOn: '2026-11-20',
					moderationReason: 'Confidential detail'
				});

				const others = await listing(mentor.authorization);
				expect(others.posts.map((p) => p.id)).toEqual([shown.id]);
				expect(JSON.stringify(others)).not.toContain('Please take the name out');
				expect(JSON.stringify(others)).not.toContain('Hidden');

				await restorePost(db, scheme.id, hidden.id, now);
				const back = (await listing(mentor.authorization)).posts.find((p) => p.id === hidden.id);
				expect(back).toMatchObject({ status: 'visible', moderationReason: null, mine: false });
			});

			it('names the author only when they chose so, and never once they have left', async () => {
				const { scheme, coordinator, mentee, mentor } = await aBoard();
				const named = thought('Named', { showName: true });
				const anonymous = thought('Anonymous', { showName: false });
				await post(mentee.authorization, named);
				await post(mentee.authorization, anonymous);
				const byCoordinator = thought('From the coordinator');
				const unsigned = thought('Unsigned', { showName: false });
				await pinPost(db, scheme.id, coordinator.id, byCoordinator, now);
				await pinPost(db, scheme.id, coordinator.id, unsigned, now);

				const names = async () =>
					new Map(
						(await listing(mentor.authorization)).posts.map((p) => [
							p.text,
							[p.authorName, p.byCoordinator]
						])
					);
				expect(await names()).toEqual(
					new Map([
						['Named', ['Megan Mentee', false]],
						['Anonymous', [null, false]],
						['From the coordinator', ['Carys Coordinator', true]],
						['Unsigned', [null, true]]
					])
				);
				await revokeParticipant(db, scheme.id, mentee.participant.id);
				expect((await names()).get('Named')).toEqual([null, false]);
			});

			it('keeps every scheme’s board to itself', async () => {
				const a = await aBoard('Scheme A');
				const b = await aBoard('Scheme B');
				const ofA = thought('Only for scheme A');
				await post(a.mentee.authorization, ofA);
				await post(b.mentee.authorization, thought('Only for scheme B'));
				const seenByB = await listing(b.mentor.authorization);
				expect(seenByB.posts.map((p) => p.text)).toEqual(['Only for scheme B']);
				await react(b.mentor.authorization, ofA.id, 'applause', true);
				const [seenByA] = (await listing(a.mentor.authorization)).posts;
				expect(seenByA!.reactions.applause).toBe(0);
			});

			it('pages back with `before`, newest first, and refuses a `before` that is not a time', async () => {
				const { mentee, mentor } = await aBoard();
				const at = (minutes: number) => new Date(now.getTime() - minutes * 60_000).toISOString();
				const ids: string[] = [];
				for (let i = 0; i < 5; i++) {
					const one = thought(`Post ${i}`, { postedAt: at(i) });
					ids.push(one.id);
					await post(mentee.authorization, one);
				}
				const first = await listing(mentor.authorization);
				expect(first.posts.map((p) => p.text)).toEqual([0, 1, 2, 3, 4].map((i) => `Post ${i}`));
				expect(first.more).toBe(false);
				const older = await listing(mentor.authorization, `?before=${encodeURIComponent(at(2))}`);
				expect(older.posts.map((p) => p.text)).toEqual(['Post 3', 'Post 4']);
				// Paged through the real query with a page of two.
				const page = await boardListingFor(db, mentor.identity, { before: null, limit: 2 });
				expect(page.posts.map((p) => p.text)).toEqual(['Post 0', 'Post 1']);
				expect(page.more).toBe(true);

				expect(
					await call(boardRoute.GET, 'GET', mentor.authorization, { query: '?before=yesterday' })
				).toMatchObject({ status: 400, body: { field: 'before' } });
			});

			it('never splits posts of the same moment across two pages', () => {
				const at = (iso: string) => ({ postedAt: new Date(iso) });
				const rows = [at('2026-11-23T10:00:00Z'), at('2026-11-23T09:00:00Z')];
				rows.push(at('2026-11-23T09:00:00Z'), at('2026-11-23T08:00:00Z'));
				expect(pageOf(rows, 2)).toEqual({ page: [rows[0]], more: true });
				expect(pageOf(rows, 3)).toEqual({ page: rows.slice(0, 3), more: true });
				expect(pageOf(rows, 4)).toEqual({ page: rows, more: false });
				const same = [rows[1]!, rows[2]!, rows[1]!];
				expect(pageOf(same, 2)).toEqual({ page: same.slice(0, 2), more: true });
			});
		});

		describe('the scheme photo', () => {
			it('is served to the scheme’s devices with its type, and is 404 when there is none', async () => {
				const a = await aBoard('Scheme A');
				const b = await aBoard('Scheme B');
				expect(await call(photoRoute.GET, 'GET', a.mentee.authorization)).toMatchObject({
					status: 404,
					body: { error: 'not-found' }
				});
				await saveSchemePhoto(
					db,
					a.scheme.id,
					{ image: onePixelPng, mediaType: 'image/png', description: 'Everyone at the launch' },
					now
				);
				const photo = await call(photoRoute.GET, 'GET', a.mentee.authorization);
				expect(photo).toMatchObject({ status: 200, type: 'image/png' });
				expect(Buffer.from(photo.body as ArrayBuffer)).toEqual(onePixelPng);
				expect((await call(photoRoute.GET, 'GET', b.mentee.authorization)).status).toBe(404);
				expect((await call(photoRoute.GET, 'GET', 'Bearer x.y')).status).toBe(401);
			});
		});

		describe('moderation', () => {
			it('hides and restores only within the scheme, and removes for good', async () => {
				const { scheme, mentee } = await aBoard();
				const other = await aBoard('Another scheme');
				const one = win();
				await post(mentee.authorization, one);
				expect(await hidePost(db, other.scheme.id, one.id, 'Not yours', now)).toBe(false);
				expect(await hidePost(db, scheme.id, one.id, 'Off topic', now)).toBe(true);
				expect(await restorePost(db, scheme.id, one.id, now)).toBe(true);
				expect(await restorePost(db, scheme.id, one.id, now)).toBe(false);

				expect(await removePost(db, scheme.id, one.id, 'Confidential', now)).toBe(true);
				const [row] = await db
					.select()
					.from(boardPosts)
					.where(and(eq(boardPosts.id, one.id), eq(boardPosts.schemeId, scheme.id)));
				expect(row).toMatchObject({
					status: 'removed',
					text: '',
					title: '',
					url: '',
					why: '',
					moderationReason: 'Confidential'
				});
				// A removed post cannot be hidden or restored back into view.
				expect(await hidePost(db, scheme.id, one.id, 'Again', now)).toBe(false);
				expect(await restorePost(db, scheme.id, one.id, now)).toBe(false);
			});
		});
	});
}
