import { apiNoContent } from '$lib/server/api-response';
import { withdrawPost } from '$lib/server/board/board-posts';
import { deviceRoute } from '$lib/server/device-route';

/** The author withdraws their post: 204 whether or not it was still there. */
export const DELETE = deviceRoute({
	ids: ['postId'],
	async handle({ db, identity, params }) {
		const withdrawn = await withdrawPost(db, identity, params.postId!);
		return withdrawn.ok ? apiNoContent() : withdrawn;
	}
});
