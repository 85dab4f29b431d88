import { apiJson, apiProblem } from '$lib/server/api-response';
import { deviceRoute, jsonBody } from '$lib/server/device-route';
import { answerProposal } from '$lib/server/matching/proposal-answers';
import { proposalAnswerSchema } from '$lib/protocol/publication-protocol';

/**
 * The mentee, then the mentor, accepts or declines a proposal. The same answer sent again
 * answers as the first did.
 */
export const POST = deviceRoute({
	ids: ['proposalId'],
	body: jsonBody(proposalAnswerSchema, 1024),
	async handle({ db, identity, params, body, now }) {
		const outcome = await answerProposal(db, identity, params.proposalId!, body, now);
		if (outcome.ok) return apiJson({ status: outcome.status, pairId: outcome.pairId });
		return apiProblem(outcome.error === 'unknown-proposal' ? 404 : 409, { error: outcome.error });
	}
});
