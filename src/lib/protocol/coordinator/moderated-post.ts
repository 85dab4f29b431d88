import type { BoardPostForDevice } from '../board-protocol';

/** A post as the coordinator moderates it: every state, the name only as it is shown. */
export type ModeratedPost = Omit<BoardPostForDevice, 'mine' | 'myReactions'>;
