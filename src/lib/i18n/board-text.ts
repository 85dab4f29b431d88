import type { BoardPostKind, BoardPostStatus, BoardReaction } from '$lib/domain/board';
import { m } from '$lib/paraglide/messages.js';

export function boardKindText(kind: BoardPostKind): string {
	switch (kind) {
		case 'win':
			return m.board_kind_win();
		case 'article':
			return m.board_kind_article();
		case 'thought':
			return m.board_kind_thought();
	}
}

export function boardReactionText(reaction: BoardReaction): string {
	switch (reaction) {
		case 'applause':
			return m.board_reaction_applause();
		case 'inspiring':
			return m.board_reaction_inspiring();
		case 'thanks':
			return m.board_reaction_thanks();
		case 'support':
			return m.board_reaction_support();
	}
}

/** The choice between the person's name on a post and "A member of the scheme". */
export function namingOptions(name: string): { value: boolean; label: string }[] {
	return [
		{ value: true, label: m.board_name_shown({ name }) },
		{ value: false, label: m.board_name_hidden() }
	];
}

/** Who a post is from, as everyone on the board sees it. */
export function boardAuthorText(post: { authorName: string | null; byCoordinator: boolean }) {
	if (post.byCoordinator) {
		return post.authorName
			? m.board_author_coordinator_named({ name: post.authorName })
			: m.board_author_coordinator();
	}
	return post.authorName ?? m.board_author_anonymous();
}

/** Where a post stands, with the coordinator's reason when it is off the board. */
export function boardStatusText(status: BoardPostStatus, reason: string | null): string {
	switch (status) {
		case 'visible':
			return m.board_status_visible();
		case 'hidden':
			return m.board_status_hidden({ reason: reason ?? '' });
		case 'removed':
			return m.board_status_removed({ reason: reason ?? '' });
	}
}
