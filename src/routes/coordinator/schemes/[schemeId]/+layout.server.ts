import { coordinatedScheme } from '$lib/server/coordinator-session';
import type { LayoutServerLoad } from './$types';

export const load: LayoutServerLoad = async (event) => {
	const { scheme } = await coordinatedScheme(event);
	return { scheme: { id: scheme.id, name: scheme.name } };
};
