import { apiJson } from '$lib/server/api-response';
import { savePost } from '$lib/server/board/board-posts';
import { deviceRoute, jsonBody } from '$lib/server/device-route';
import { boardPostSchema } from '$lib/protocol/board-protocol';

// The longest valid post (an article, every character four bytes) is under 4 KB.
const maxBytes = 8 * 1024;

/** A participant posts to their scheme's board; a retry of the same post is stored once. */
export const POST = deviceRoute({
	body: jsonBody(boardPostSchema, maxBytes),
	async handle({ db, identity, body, now }) {
		const saved = await savePost(db, identity, body, now);
		if (!saved.ok) return saved;
		return apiJson({ outcome: saved.value }, saved.value === 'saved' ? 201 : 200);
	}
});
