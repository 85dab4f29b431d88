import { react } from '$lib/server/board/board-reactions';
import { deviceRoute, jsonBody } from '$lib/server/device-route';
import { boardReactionSchema } from '$lib/protocol/board-protocol';

/**
 * Adds or takes back the person's reaction. On a post that is not on their board it changes
 * nothing and still answers 200 ('ignored'), so a queued reaction never blocks a device.
 */
export const PUT = deviceRoute({
	ids: ['postId'],
	body: jsonBody(boardReactionSchema, 1024),
	handle: ({ db, identity, params, body, now }) => react(db, identity, params.postId!, body, now)
});
