import type { BoardReaction } from '$lib/domain/board';
import type {
	BoardListing,
	BoardPostForDevice,
	BoardPostInput
} from '$lib/protocol/board-protocol';
import {
	sharedWinKey,
	sharedWinPrefix,
	type BoardPhoto,
	type BoardState,
	type CachedBoardPost,
	type SharedWin
} from '$lib/local/rows/board-cache';
import { boardView, type BoardPostView } from '$lib/local/board-view';
import type { Clock } from './clock';
import type { TandemDb } from './db';
import type { SchemeRepository } from './scheme-repository';

const emptyState: BoardState = { key: 'state', lastVisitAt: null, pulledAt: null, more: false };

export interface BoardScreen {
	posts: BoardPostView[];
	state: BoardState;
}

/**
 * The group board on this device: the posts as the last sync brought them, the person's own
 * posts and reactions on their way through the outbox, the scheme photo, and which of the
 * pair's wins were shared. Everything a person does here is queued, so it works offline.
 */
export class BoardRepository {
	constructor(
		private readonly db: TandemDb,
		private readonly clock: Clock,
		private readonly scheme: SchemeRepository
	) {}

	/**
	 * The board with what the person did since the last pull laid over it. `older` are posts
	 * paged in from the scheme for this visit only; the device keeps the newest.
	 */
	async view(older: BoardPostForDevice[] = []): Promise<BoardScreen> {
		const { db } = this;
		return db.transaction(
			'r',
			[db.boardPosts, db.boardMeta, db.outbox, db.membership],
			async () => {
				const [cached, state, outbox, membership] = await Promise.all([
					db.boardPosts.toArray(),
					this.state(),
					db.outbox.toArray(),
					db.membership.get('me')
				]);
				const kept = new Set(cached.map((p) => p.id));
				const paged = older
					.filter((p) => !kept.has(p.id))
					.map((p): CachedBoardPost => ({ ...p, receivedAt: p.postedAt }));
				const posts = boardView(
					[...cached, ...paged],
					outbox,
					state.pulledAt,
					membership?.name ?? null
				);
				return { posts, state };
			}
		);
	}

	/** Posts by others that arrived since the person last looked at the board. */
	async newCount(): Promise<number> {
		const { db } = this;
		return db.transaction('r', [db.boardPosts, db.boardMeta], async () => {
			const { lastVisitAt } = await this.state();
			const posts = await db.boardPosts.toArray();
			return posts.filter(
				(p) =>
					!p.mine && p.status === 'visible' && (lastVisitAt === null || p.receivedAt > lastVisitAt)
			).length;
		});
	}

	/** The person has seen the board as it is now. */
	async recordVisit(): Promise<void> {
		const { db } = this;
		await db.transaction('rw', db.boardMeta, async () => {
			const state: BoardState = {
				...(await this.state()),
				lastVisitAt: this.clock().toISOString()
			};
			await db.boardMeta.put(state);
		});
	}

	/**
	 * Replaces the board with the scheme's listing in one transaction. A post already here keeps
	 * when it first arrived, so it is not new again.
	 */
	async applyListing(listing: BoardListing, pulledAt: string): Promise<void> {
		const { db } = this;
		const now = this.clock().toISOString();
		await db.transaction('rw', [db.boardPosts, db.boardMeta], async () => {
			const arrived = new Map((await db.boardPosts.toArray()).map((p) => [p.id, p.receivedAt]));
			await db.boardPosts.clear();
			await db.boardPosts.bulkPut(
				listing.posts.map((p) => ({ ...p, receivedAt: arrived.get(p.id) ?? now }))
			);
			const state: BoardState = { ...(await this.state()), pulledAt, more: listing.more };
			await db.boardMeta.put(state);
		});
	}

	async photo(): Promise<BoardPhoto | undefined> {
		return (await this.db.boardMeta.get('photo')) as BoardPhoto | undefined;
	}

	async keepPhoto(photo: Omit<BoardPhoto, 'key'>): Promise<void> {
		const row: BoardPhoto = { key: 'photo', ...photo };
		await this.db.boardMeta.put(row);
	}

	async dropPhoto(): Promise<void> {
		await this.db.boardMeta.delete('photo');
	}

	/** Queues a post the person built and previewed; a shared win remembers its post here. */
	async post(post: BoardPostInput, winId?: string): Promise<void> {
		const { db } = this;
		await db.transaction('rw', [db.outbox, db.boardMeta], async () => {
			await this.scheme.queue({ kind: 'board-post', payload: post });
			if (winId) {
				const shared: SharedWin = {
					key: sharedWinKey(winId),
					winId,
					postId: post.id,
					sharedAt: this.clock().toISOString()
				};
				await db.boardMeta.put(shared);
			}
		});
	}

	/** Queues the withdrawal of the person's own post; a shared win can then be shared again. */
	async withdraw(postId: string): Promise<void> {
		const { db } = this;
		await db.transaction('rw', [db.outbox, db.boardMeta], async () => {
			await this.scheme.queue({ kind: 'board-withdrawal', payload: { postId } });
			const links = await this.sharedWins();
			await db.boardMeta.bulkDelete(links.filter((l) => l.postId === postId).map((l) => l.key));
		});
	}

	/** Queues the person's reaction, or taking it back. */
	async react(postId: string, reaction: BoardReaction, on: boolean): Promise<void> {
		await this.scheme.queue({ kind: 'board-reaction', payload: { postId, reaction, on } });
	}

	/** The wins this person shared, and the posts they became. */
	async sharedWins(): Promise<SharedWin[]> {
		const rows = await this.db.boardMeta.where('key').startsWith(sharedWinPrefix).toArray();
		return rows as SharedWin[];
	}

	private async state(): Promise<BoardState> {
		return ((await this.db.boardMeta.get('state')) as BoardState | undefined) ?? emptyState;
	}
}
