import * as v from 'valibot';
import { boardLimits } from './board';
import { requiredText } from './validation';

/** A coordinator's form that names one post of the board. */
export const postChoice = v.object({ postId: v.pipe(v.string(), v.uuid('invalid_choice')) });

/** Hiding or removing a post: the reason is shown to its author, so it is required. */
export const moderationInput = v.object({
	...postChoice.entries,
	// A form without the field at all says no more than an empty one.
	reason: v.optional(requiredText(boardLimits.moderationReason), '')
});
