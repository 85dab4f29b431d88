import { randomUUID } from 'node:crypto';
import { fail, type RequestEvent } from '@sveltejs/kit';
import { moderationInput, postChoice } from '$lib/domain/board-inputs';
import { toCalendarDate } from '$lib/domain/calendar-date';
import { schemeMilestones, schemePhotoWindow } from '$lib/domain/milestones';
import { check, type FieldProblem } from '$lib/domain/validation';
import { parseBefore } from '$lib/server/board/board-page';
import {
	hidePost,
	pinPost,
	removePost,
	restorePost,
	unpinPost
} from '$lib/server/board/board-moderation';
import { checkPhotoUpload } from '$lib/server/board/photo-upload';
import {
	removeSchemePhoto,
	saveSchemePhoto,
	schemePhotoInfo
} from '$lib/server/board/scheme-photo';
import { schemeBoard } from '$lib/server/board/scheme-board';
import { coordinatedScheme } from '$lib/server/coordinator-session';
import { database } from '$lib/server/db';
import { typedValues } from '$lib/server/form-values';
import { storageLimits } from '$lib/server/storage-limits';
import { checkBoardPostOf } from '$lib/protocol/board-post-check';
import type { Actions, PageServerLoad } from './$types';

/** Posts a page shows; older ones are a link away. */
const pageSize = 100;

export const load: PageServerLoad = async (event) => {
	const { scheme } = await coordinatedScheme(event);
	const { db } = await database();
	const before = parseBefore(event.url.searchParams);
	const [board, photo] = await Promise.all([
		schemeBoard(db, scheme.id, { before: before.ok ? before.value : null, limit: pageSize }),
		schemePhotoInfo(db, scheme.id)
	]);
	return {
		...board,
		paged: before.ok && before.value !== null,
		photo,
		milestones: schemeMilestones({
			startsOn: scheme.pilotStartsOn,
			pilotEndsOn: scheme.pilotEndsOn,
			reviewOn: scheme.reviewOn
		}),
		photoWindow: schemePhotoWindow(scheme.pilotStartsOn),
		today: toCalendarDate(new Date()),
		// Chosen as the form opens: sending it twice pins one post.
		newIds: { article: randomUUID(), thought: randomUUID() }
	};
};

/** A moderation form as posted: the scheme it must belong to, and what it says. */
async function formOf(event: RequestEvent) {
	const { scheme } = await coordinatedScheme(event);
	const input = Object.fromEntries(await event.request.formData());
	const { db } = await database();
	return { scheme, db, input };
}

const missing = () => fail(404, { missing: true });

/** A hide or remove that needs another go, with the problem next to its field. */
function moderationFailed(
	action: 'hide' | 'remove',
	input: Record<string, FormDataEntryValue>,
	problems: { reason?: FieldProblem; understood?: 'unconfirmed' }
) {
	const postId = String(input.postId);
	return fail(400, { moderation: { action, postId, values: typedValues(input), problems } });
}

export const actions: Actions = {
	hide: async (event) => {
		const { scheme, db, input } = await formOf(event);
		const checked = check(moderationInput, input);
		if (!checked.ok) {
			if (checked.problems.postId) return missing();
			return moderationFailed('hide', input, { reason: checked.problems.reason });
		}
		const { postId, reason } = checked.value;
		if (!(await hidePost(db, scheme.id, postId, reason, new Date()))) return missing();
		return { moderated: 'hidden' as const };
	},
	restore: async (event) => {
		const { scheme, db, input } = await formOf(event);
		const checked = check(postChoice, input);
		if (!checked.ok || !(await restorePost(db, scheme.id, checked.value.postId, new Date())))
			return missing();
		return { moderated: 'restored' as const };
	},
	remove: async (event) => {
		const { scheme, db, input } = await formOf(event);
		const checked = check(moderationInput, input);
		if (!checked.ok && checked.problems.postId) return missing();
		// Removing erases the words for good, so it takes a deliberate second step.
		const understood = input.understood === 'yes';
		if (!checked.ok || !understood) {
			return moderationFailed('remove', input, {
				reason: checked.ok ? undefined : checked.problems.reason,
				understood: understood ? undefined : 'unconfirmed'
			});
		}
		const { postId, reason } = checked.value;
		if (!(await removePost(db, scheme.id, postId, reason, new Date()))) return missing();
		return { moderated: 'removed' as const };
	},
	unpin: async (event) => {
		const { scheme, db, input } = await formOf(event);
		const checked = check(postChoice, input);
		if (!checked.ok || !(await unpinPost(db, scheme.id, checked.value.postId))) return missing();
		return { moderated: 'unpinned' as const };
	},
	pinArticle: (event) => pin(event, 'article'),
	pinThought: (event) => pin(event, 'thought'),
	photo: async (event) => {
		const { scheme } = await coordinatedScheme(event);
		let form: FormData;
		try {
			form = await event.request.formData();
		} catch {
			// The server stops reading a body over its limit: far too large to be the photo.
			return fail(413, { photo: { values: {}, problems: { photo: 'too-large' as const } } });
		}
		const checked = await checkPhotoUpload(form);
		const values = { description: String(form.get('description') ?? '') };
		if (!checked.ok) return fail(400, { photo: { values, problems: checked.problems } });
		const { db } = await database();
		await saveSchemePhoto(db, scheme.id, checked.value, new Date());
		return { photoSaved: true };
	},
	removePhoto: async (event) => {
		const { scheme } = await coordinatedScheme(event);
		const { db } = await database();
		await removeSchemePhoto(db, scheme.id);
		return { photoRemoved: true };
	}
};

/** A coordinator's own article or thought, checked by the schema a device's post is checked by. */
async function pin(event: RequestEvent, kind: 'article' | 'thought') {
	const { user, scheme } = await coordinatedScheme(event);
	const input = Object.fromEntries(await event.request.formData());
	const text = (name: string) => (typeof input[name] === 'string' ? input[name] : '');
	const common = {
		id: text('id'),
		showName: input.showName === 'on',
		postedAt: new Date().toISOString()
	};
	const built = checkBoardPostOf(
		kind === 'article'
			? { kind, ...common, title: text('title'), url: text('url'), why: text('why') }
			: { kind, ...common, text: text('text') }
	);
	if (!built.ok) {
		return fail(400, { pin: { kind, values: typedValues(input), problems: built.problems } });
	}
	const { db } = await database();
	if (!(await pinPost(db, scheme.id, user.id, built.value, new Date())))
		return fail(413, { boardFull: storageLimits().schemeBoardPosts });
	return { pinned: kind };
}
