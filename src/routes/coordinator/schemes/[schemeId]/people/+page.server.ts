import { fail } from '@sveltejs/kit';
import { invitationInput } from '$lib/domain/scheme-inputs';
import { check } from '$lib/domain/validation';
import { coordinatedScheme } from '$lib/server/coordinator-session';
import { database } from '$lib/server/db';
import { typedValues } from '$lib/server/form-values';
import { shownInvitation } from '$lib/server/invitation-display';
import {
	inviteCoordinator,
	inviteParticipant,
	participantsOf,
	reinviteParticipant,
	revokeParticipant
} from '$lib/server/invitations';
import { revokeDevice, schemeDevices } from '$lib/server/participant-devices';
import { isUuid } from '$lib/server/schemes';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => {
	const { scheme } = await coordinatedScheme(event);
	const { db } = await database();
	const [people, devices] = await Promise.all([
		participantsOf(db, scheme.id),
		schemeDevices(db, scheme.id)
	]);
	return {
		people: people.map((p) => ({
			devices: (devices.get(p.id) ?? []).map((d) => ({
				id: d.id,
				label: d.label,
				joinedAt: d.joinedAt.toISOString(),
				lastSeenAt: d.lastSeenAt?.toISOString() ?? null
			})),
			id: p.id,
			name: p.name,
			role: p.role,
			status: p.status,
			joinedAt: p.joinedAt?.toISOString() ?? null,
			codeOpenUntil: p.invitationOpenUntil?.toISOString() ?? null
		}))
	};
};

/** The person a row's form names, if they belong to this scheme. */
async function personOf(schemeId: string, form: FormData) {
	const id = form.get('participantId');
	if (typeof id !== 'string' || !isUuid(id)) return undefined;
	const { db } = await database();
	return (await participantsOf(db, schemeId)).find((p) => p.id === id);
}

export const actions: Actions = {
	invite: async (event) => {
		const { user, scheme } = await coordinatedScheme(event);
		const input = Object.fromEntries(await event.request.formData());
		const checked = check(invitationInput, input);
		if (!checked.ok)
			return fail(400, { invite: { values: typedValues(input), problems: checked.problems } });
		const { db } = await database();
		const issued = await inviteParticipant(db, scheme.id, user.id, checked.value);
		return { issued: await shownInvitation(event.url.origin, issued, checked.value.name) };
	},
	reinvite: async (event) => {
		const { user, scheme } = await coordinatedScheme(event);
		const person = await personOf(scheme.id, await event.request.formData());
		const { db } = await database();
		const issued = person && (await reinviteParticipant(db, scheme.id, person.id, user.id));
		if (!person || !issued) return fail(404, { missing: true });
		return { issued: await shownInvitation(event.url.origin, issued, person.name) };
	},
	revokeDevice: async (event) => {
		const { scheme } = await coordinatedScheme(event);
		const deviceId = (await event.request.formData()).get('deviceId');
		const { db } = await database();
		if (typeof deviceId !== 'string' || !isUuid(deviceId)) return fail(404, { missing: true });
		if (!(await revokeDevice(db, scheme.id, deviceId))) return fail(404, { missing: true });
		return { deviceRevoked: true };
	},
	remove: async (event) => {
		const { scheme } = await coordinatedScheme(event);
		const form = await event.request.formData();
		const person = await personOf(scheme.id, form);
		if (!person) return fail(404, { missing: true });
		// Removing stops their phone syncing, so it takes a deliberate second step.
		if (form.get('understood') !== 'yes')
			return fail(400, { remove: { participantId: person.id, problem: 'unconfirmed' as const } });
		const { db } = await database();
		await revokeParticipant(db, scheme.id, person.id);
		return { removed: person.name };
	},
	coordinator: async (event) => {
		const { user, scheme } = await coordinatedScheme(event);
		const { db } = await database();
		const issued = await inviteCoordinator(db, scheme.id, user.id);
		return { issued: await shownInvitation(event.url.origin, issued) };
	}
};
