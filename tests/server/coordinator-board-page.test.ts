import { randomUUID } from 'node:crypto';
import { isActionFailure } from '@sveltejs/kit';
import { eq } from 'drizzle-orm';
import { describe, expect, it, vi } from 'vitest';
import { boardLimits } from '$lib/domain/board';
import type { Milestone } from '$lib/domain/milestones';
import { savePost } from '$lib/server/board/board-posts';
import type { ModeratedPost } from '$lib/protocol/coordinator/moderated-post';
import { schemePhoto, schemePhotoInfo } from '$lib/server/board/scheme-photo';
import type { Database } from '$lib/server/db/open-database';
import { boardPosts } from '$lib/server/db/schema';
import type { DeviceIdentity } from '$lib/server/devices';
import type { Scheme } from '$lib/server/schemes';
import type { Participation } from '$lib/protocol/participation';
import { jpegStart, onePixelPng, webpStart } from '../support/images';
import { aCoordinator, aJoinedParticipant, aScheme, identityOf } from '../support/scheme-factories';
import { dbTimeout, serverDatabaseBackends, useFreshDatabase } from '../support/server-databases';

// The page runs as the signed-in coordinator of `signedIn.scheme`, against the test database.
const signedIn = vi.hoisted(() => ({
	db: undefined as unknown,
	scheme: undefined as unknown,
	user: undefined as unknown
}));
vi.mock('$lib/server/db', () => ({ database: async () => ({ db: signedIn.db }) }));
vi.mock('$lib/server/coordinator-session', () => ({
	coordinatedScheme: async () => ({ user: signedIn.user, scheme: signedIn.scheme })
}));

const boardPage =
	await import('../../src/routes/coordinator/schemes/[schemeId]/board/+page.server');

/** A page request; a form post when fields are given (files go as multipart). */
function request(fields?: Record<string, string | File>, query = '') {
	const url = new URL(`http://localhost/coordinator/schemes/x/board${query}`);
	const body = new FormData();
	for (const [name, value] of Object.entries(fields ?? {})) body.append(name, value);
	const init = fields ? { method: 'POST', body } : {};
	return { request: new Request(url, init), url, params: {} } as never;
}

/** What an action answered: its data, and the status when it failed. */
async function act(action: ((event: never) => unknown) | undefined, fields = {}) {
	const result: unknown = await action!(request(fields));
	return isActionFailure(result)
		? Object.assign({ status: result.status }, result.data)
		: (result as Record<string, unknown>);
}

interface Loaded {
	posts: ModeratedPost[];
	more: boolean;
	photo: Participation['photo'];
	milestones: Milestone[];
	photoWindow: { from: string; until: string };
	newIds: { article: string; thought: string };
}
const load = async (query = '') => (await boardPage.load(request(undefined, query))) as Loaded;

const file = (bytes: Uint8Array, name: string, type: string) =>
	new File([new Uint8Array(bytes)], name, { type });

for (const backend of serverDatabaseBackends) {
	describe(`the coordinator's board page on ${backend.name}`, { timeout: dbTimeout }, () => {
		let db: Database;
		useFreshDatabase(backend, (opened) => {
			db = opened.db;
			signedIn.db = db;
		});

		async function aSchemeOfMine(): Promise<{ scheme: Scheme; mentee: DeviceIdentity }> {
			const coordinator = await aCoordinator(db);
			const scheme = await aScheme(db, coordinator.id);
			signedIn.scheme = scheme;
			signedIn.user = coordinator;
			const joined = await aJoinedParticipant(db, scheme.id, coordinator.id, 'mentee');
			return { scheme, mentee: await identityOf(db, joined.authorization) };
		}

		async function aPostBy(identity: DeviceIdentity, text: string, minutesAgo = 0) {
			const id = randomUUID();
			const postedAt = new Date(Date.now() - minutesAgo * 60_000).toISOString();
			const post = { kind: 'thought' as const, id, text, showName: true, postedAt };
			await savePost(db, identity, post, new Date());
			return id;
		}

		it('lists every post newest first with the milestones and when the photo will show', async () => {
			const { mentee } = await aSchemeOfMine();
			await aPostBy(mentee, 'Older', 5);
			await aPostBy(mentee, 'Newer', 1);
			const page = await load();
			expect(page.posts.map((p) => p.text)).toEqual(['Newer', 'Older']);
			expect(page.milestones.map((m) => [m.kind, m.on])).toEqual([
				['scheme-start', '2026-05-01'],
				['pilot-end', '2026-10-31'],
				['scheme-anniversary', '2027-05-01'],
				['review', '2027-05-01']
			]);
			expect(page.photoWindow).toEqual({ from: '2027-04-17', until: '2027-05-31' });
			expect(page.photo).toBeNull();
			expect(page.newIds.article).not.toBe(page.newIds.thought);
			const older = await load(`?before=${encodeURIComponent(page.posts[0]!.postedAt)}`);
			expect(older.posts.map((p) => p.text)).toEqual(['Older']);
		});

		it('hides with a reason, restores, and asks for the reason by name', async () => {
			const { mentee } = await aSchemeOfMine();
			const postId = await aPostBy(mentee, 'Names my line manager');
			expect(await act(boardPage.actions.hide, { postId, reason: '  ' })).toMatchObject({
				status: 400,
				moderation: { action: 'hide', postId, problems: { reason: 'required' } }
			});
			const long = 'x'.repeat(boardLimits.moderationReason + 1);
			expect(await act(boardPage.actions.hide, { postId, reason: long })).toMatchObject({
				moderation: { problems: { reason: 'too_long' }, values: { reason: long } }
			});
			expect(
				await act(boardPage.actions.hide, { postId, reason: 'Please leave names out' })
			).toEqual({ moderated: 'hidden' });
			expect((await load()).posts[0]).toMatchObject({
				status: 'hidden',
				moderationReason: 'Please leave names out'
			});
			expect(await act(boardPage.actions.restore, { postId })).toEqual({ moderated: 'restored' });
			expect((await load()).posts[0]).toMatchObject({ status: 'visible', moderationReason: null });
		});

		it('removes for good only once the coordinator confirms, erasing the words', async () => {
			const { mentee } = await aSchemeOfMine();
			const postId = await aPostBy(mentee, 'Something confidential');
			expect(
				await act(boardPage.actions.remove, { postId, reason: 'Confidential detail' })
			).toMatchObject({
				status: 400,
				moderation: { action: 'remove', problems: { understood: 'unconfirmed' } }
			});
			expect(await act(boardPage.actions.remove, { postId, understood: 'yes' })).toMatchObject({
				status: 400,
				moderation: { problems: { reason: 'required' } }
			});
			expect((await load()).posts[0]!.status).toBe('visible');
			expect(
				await act(boardPage.actions.remove, {
					postId,
					reason: 'Confidential detail',
					understood: 'yes'
				})
			).toEqual({ moderated: 'removed' });
			const [row] = await db.select().from(boardPosts).where(eq(boardPosts.id, postId));
			expect(row).toMatchObject({ status: 'removed', text: '' });
			expect(JSON.stringify(await load())).not.toContain('Something confidential');
		});

		it('answers 404 for a post of another scheme, or none at all', async () => {
			const { mentee } = await aSchemeOfMine();
			const theirs = await aPostBy(mentee, 'In the first scheme');
			await aSchemeOfMine();
			for (const postId of [theirs, randomUUID(), 'not-an-id']) {
				expect(await act(boardPage.actions.hide, { postId, reason: 'No' })).toEqual({
					status: 404,
					missing: true
				});
				expect(await act(boardPage.actions.restore, { postId })).toMatchObject({ status: 404 });
				expect(
					await act(boardPage.actions.remove, { postId, reason: 'No', understood: 'yes' })
				).toMatchObject({ status: 404 });
			}
			const [row] = await db.select().from(boardPosts).where(eq(boardPosts.id, theirs));
			expect(row!.status).toBe('visible');
		});

		it('pins the coordinator’s own article or thought once, checked as a device’s post is', async () => {
			const { mentee } = await aSchemeOfMine();
			const id = (await load()).newIds.article;
			const article = { id, title: 'Chairing well', url: 'javascript:alert(1)', why: '' };
			expect(await act(boardPage.actions.pinArticle, article)).toMatchObject({
				status: 400,
				pin: { kind: 'article', problems: { url: 'invalid_link' }, values: { id } }
			});
			const fixed = { ...article, url: 'https://example.org/chairing', showName: 'on' };
			expect(await act(boardPage.actions.pinArticle, fixed)).toEqual({ pinned: 'article' });
			// The form sent again (a reload after posting) pins nothing new.
			expect(await act(boardPage.actions.pinArticle, fixed)).toEqual({ pinned: 'article' });
			const thought = { id: randomUUID(), text: 'Small steps count.' };
			expect(await act(boardPage.actions.pinThought, { ...thought, text: '' })).toMatchObject({
				pin: { kind: 'thought', problems: { text: 'required' } }
			});
			await act(boardPage.actions.pinThought, thought);
			const posts = await db
				.select()
				.from(boardPosts)
				.where(eq(boardPosts.schemeId, (signedIn.scheme as Scheme).id));
			expect(posts.map((p) => [p.kind, p.showName, p.authorId, p.coordinatorId])).toEqual(
				expect.arrayContaining([
					['article', true, null, (signedIn.user as { id: string }).id],
					['thought', false, null, (signedIn.user as { id: string }).id]
				])
			);
			expect(posts).toHaveLength(2);

			// A coordinator's post is unpinned outright; a participant's is not theirs to delete.
			expect(await act(boardPage.actions.unpin, { postId: id })).toEqual({ moderated: 'unpinned' });
			const theirs = await aPostBy(mentee, 'Mine');
			expect(await act(boardPage.actions.unpin, { postId: theirs })).toMatchObject({ status: 404 });
		});

		it('takes a JPEG, PNG or WebP photo of at most 2 MB with a description, and replaces it', async () => {
			const { scheme } = await aSchemeOfMine();
			const description = 'The mentors and mentees at the launch, in the council chamber';
			expect(await act(boardPage.actions.photo, { description })).toMatchObject({
				status: 400,
				photo: { problems: { photo: 'missing' } }
			});
			// Named and declared as a PNG, but the bytes say otherwise.
			const pretend = file(Buffer.from('<svg onload="alert(1)"/>'), 'launch.png', 'image/png');
			expect(await act(boardPage.actions.photo, { photo: pretend, description })).toMatchObject({
				status: 400,
				photo: { problems: { photo: 'wrong-type' }, values: { description } }
			});
			const huge = file(
				Buffer.concat([onePixelPng, Buffer.alloc(boardLimits.photoBytes)]),
				'huge.png',
				'image/png'
			);
			expect(await act(boardPage.actions.photo, { photo: huge, description })).toMatchObject({
				photo: { problems: { photo: 'too-large' } }
			});
			const png = file(onePixelPng, 'launch.png', 'image/png');
			expect(await act(boardPage.actions.photo, { photo: png, description: ' ' })).toMatchObject({
				photo: { problems: { description: 'required' } }
			});
			expect(await schemePhotoInfo(db, scheme.id)).toBeNull();

			expect(await act(boardPage.actions.photo, { photo: png, description })).toEqual({
				photoSaved: true
			});
			const first = await schemePhotoInfo(db, scheme.id);
			expect(first).toMatchObject({ description });
			expect((await load()).photo).toEqual(first);

			// A JPEG declared as anything is taken for what its bytes are.
			const jpeg = file(jpegStart, 'launch', 'application/octet-stream');
			await act(boardPage.actions.photo, { photo: jpeg, description: 'Replaced' });
			const second = await schemePhotoInfo(db, scheme.id);
			expect(second!.version).not.toBe(first!.version);
			expect((await schemePhoto(db, scheme.id))!.mediaType).toBe('image/jpeg');
			await act(boardPage.actions.photo, {
				photo: file(webpStart, 'a.webp', 'image/webp'),
				description
			});
			expect((await schemePhoto(db, scheme.id))!.mediaType).toBe('image/webp');

			expect(await act(boardPage.actions.removePhoto)).toEqual({ photoRemoved: true });
			expect(await schemePhotoInfo(db, scheme.id)).toBeNull();
		});
	});
}
