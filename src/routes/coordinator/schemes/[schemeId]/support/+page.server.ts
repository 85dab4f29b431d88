import { fail } from '@sveltejs/kit';
import * as v from 'valibot';
import { supportReplyMax } from '$lib/domain/support';
import { requiredText } from '$lib/domain/validation';
import { coordinatedScheme } from '$lib/server/coordinator-session';
import { database } from '$lib/server/db';
import { typedValues } from '$lib/server/form-values';
import { answerSupportRequest, schemeSupportRequests } from '$lib/server/support/support-requests';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => {
	const { scheme } = await coordinatedScheme(event);
	const { db } = await database();
	return { requests: await schemeSupportRequests(db, scheme.id) };
};

const replyInput = v.object({ requestId: v.string(), reply: requiredText(supportReplyMax) });

export const actions: Actions = {
	reply: async (event) => {
		const { scheme, user } = await coordinatedScheme(event);
		const input = Object.fromEntries(await event.request.formData());
		const parsed = v.safeParse(replyInput, input);
		const requestId = typeof input.requestId === 'string' ? input.requestId : '';
		if (!parsed.success) {
			const problem = parsed.issues[0].message === 'too_long' ? 'too_long' : 'required';
			return fail(400, { reply: { requestId, values: typedValues(input), problem } as const });
		}
		const { db } = await database();
		const { reply } = parsed.output;
		if (!(await answerSupportRequest(db, scheme.id, requestId, reply, user.id, new Date())))
			return fail(409, { notOpen: true });
		return { replied: requestId };
	}
};
