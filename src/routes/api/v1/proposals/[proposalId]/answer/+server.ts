import { apiInvalid, apiJson, apiProblem, readJsonBody } from '$lib/server/api-response';
import { deviceRequest } from '$lib/server/device-request';
import { answerProposal } from '$lib/server/matching/proposal-answers';
import { checkPublication, proposalAnswerSchema } from '$lib/sync/publication-protocol';
import type { RequestHandler } from './$types';

const maxBytes = 1024;

/**
 * The mentee, then the mentor, accepts or declines a proposal. The same answer sent again
 * answers as the first did.
 */
export const POST: RequestHandler = async (event) => {
	const request = await deviceRequest(event);
	if (!request.ok) return request.response;
	const body = await readJsonBody(event.request, maxBytes);
	if (!body.ok) return body.response;
	const checked = checkPublication(proposalAnswerSchema, body.value);
	if (!checked.ok) return apiInvalid(checked);
	const outcome = await answerProposal(
		request.db,
		request.identity,
		event.params.proposalId,
		checked.value,
		new Date()
	);
	if (outcome.ok) return apiJson({ status: outcome.status, pairId: outcome.pairId });
	return apiProblem(outcome.error === 'unknown-proposal' ? 404 : 409, { error: outcome.error });
};
