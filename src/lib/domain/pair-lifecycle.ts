/**
 * A scheme's pair is active, paused or ended. Paused is the coordinator's: the pair is not
 * chased as stalling, and shares and reports as before. Ended is for good.
 */
export type PairStatus = 'active' | 'paused' | 'ended';

/** Who asks: the scheme's coordinator (the dashboard) or either member (their device). */
export type PairActor = 'coordinator' | 'member';

/**
 * Who may move a pair where. The coordinator pauses an active pair, resumes a paused one and
 * ends either; either member ends it, paused or not, no fault and no reason asked. An end is
 * final for everyone: it closes the pair's shared channel on both devices, frees the mentor's
 * place and lets the mentee be matched again, so the way to carry on is a new pair.
 */
const moves: Record<PairActor, Record<PairStatus, readonly PairStatus[]>> = {
	coordinator: { active: ['paused', 'ended'], paused: ['active', 'ended'], ended: [] },
	member: { active: ['ended'], paused: ['ended'], ended: [] }
};

/**
 * What asking for `to` does to a pair in `from`: a move, nothing (it is there already, as when
 * a form is sent twice), or a refusal because the pair has ended or the asker may not.
 */
export type PairMove = 'move' | 'unchanged' | 'ended' | 'not-allowed';

export function pairMove(from: PairStatus, to: PairStatus, by: PairActor): PairMove {
	if (from === to) return 'unchanged';
	if (moves[by][from].includes(to)) return 'move';
	return from === 'ended' ? 'ended' : 'not-allowed';
}

/** Where the asker may move a pair from here: the buttons a screen offers. */
export function pairMoves(from: PairStatus, by: PairActor): readonly PairStatus[] {
	return moves[by][from];
}

/**
 * The pair's status as every screen shows it. A closed channel means a member ended the pair,
 * whatever the status says: only a pair resumed before this rule, by a request made by hand,
 * can have an active or paused status over a closed channel.
 */
export function pairStatusOf(status: PairStatus, channelEndedAt: Date | string | null): PairStatus {
	return channelEndedAt ? 'ended' : status;
}
