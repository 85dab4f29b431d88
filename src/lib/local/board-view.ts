import type { LimitProblem } from '$lib/protocol/limit-problem';
import type { BoardPostInput, BoardPostForDevice } from '$lib/protocol/board-protocol';
import type { CachedBoardPost } from './rows/board-cache';
import type { OutboxEntry } from './rows/scheme-membership';

/** A post as the board screen shows it. */
export interface BoardPostView extends CachedBoardPost {
	/** The person's own post, still waiting in the outbox to go to the scheme. */
	waiting: boolean;
	/** The scheme refused it (it will not be sent again); withdrawing clears it away. */
	refused: boolean;
	/** Still waiting because it met one of the scheme's limits, and which. */
	limit: LimitProblem | null;
}

const noReactions = () => ({ applause: 0, inspiring: 0, thanks: 0, support: 0 });

/** A post of the person's own as the scheme will list it back to them. */
export function ownPostAsListed(
	post: BoardPostInput,
	authorName: string | null
): BoardPostForDevice {
	return {
		id: post.id,
		kind: post.kind,
		text: post.kind === 'article' ? '' : post.text,
		title: post.kind === 'article' ? post.title : '',
		url: post.kind === 'article' ? post.url : '',
		why: post.kind === 'article' ? post.why : '',
		wonOn: post.kind === 'win' ? post.wonOn : null,
		authorName: post.showName ? authorName : null,
		byCoordinator: false,
		postedAt: post.postedAt,
		status: 'visible',
		moderationReason: null,
		mine: true,
		reactions: noReactions(),
		myReactions: []
	};
}

type BoardEntry = Extract<
	OutboxEntry,
	{ kind: 'board-post' | 'board-withdrawal' | 'board-reaction' }
>;

/**
 * What the person did that the last pull cannot show yet: still waiting, or sent after that
 * pull began. The next pull brings the scheme's own view of it, and then the listing alone is
 * the truth.
 */
function notYetPulled(entries: OutboxEntry[], pulledAt: string | null): BoardEntry[] {
	return entries
		.filter(
			(e): e is BoardEntry =>
				(e.kind === 'board-post' || e.kind === 'board-withdrawal' || e.kind === 'board-reaction') &&
				(e.state === 'pending' || pulledAt === null || (e.sentAt ?? '') > pulledAt)
		)
		.sort((a, b) => a.queuedAt.localeCompare(b.queuedAt));
}

/**
 * The board as the person sees it: the posts as last pulled, with their own posts,
 * withdrawals and reactions laid over them at once, offline too. Newest first.
 */
export function boardView(
	posts: CachedBoardPost[],
	outbox: OutboxEntry[],
	pulledAt: string | null,
	myName: string | null
): BoardPostView[] {
	const shown = new Map<string, BoardPostView>(
		posts.map((p) => [p.id, { ...structuredClone(p), waiting: false, refused: false, limit: null }])
	);
	for (const entry of notYetPulled(outbox, pulledAt)) {
		const waiting = entry.state === 'pending';
		switch (entry.kind) {
			case 'board-post': {
				const refused = waiting && entry.lastProblem?.kind === 'rejected';
				const post = shown.get(entry.payload.id) ?? {
					...ownPostAsListed(entry.payload, myName),
					receivedAt: entry.queuedAt
				};
				const limit = waiting && entry.lastProblem?.kind === 'limit' ? entry.lastProblem : null;
				shown.set(post.id, { ...post, waiting: waiting && !refused, refused, limit });
				break;
			}
			case 'board-withdrawal':
				shown.delete(entry.payload.postId);
				break;
			case 'board-reaction': {
				const { postId, reaction, on } = entry.payload;
				const post = shown.get(postId);
				if (!post || post.status !== 'visible' || post.myReactions.includes(reaction) === on) break;
				post.reactions[reaction] += on ? 1 : -1;
				post.myReactions = on
					? [...post.myReactions, reaction]
					: post.myReactions.filter((r) => r !== reaction);
				break;
			}
		}
	}
	return [...shown.values()].sort(
		(a, b) => b.postedAt.localeCompare(a.postedAt) || b.id.localeCompare(a.id)
	);
}
