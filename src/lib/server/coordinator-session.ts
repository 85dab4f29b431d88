import { error, redirect, type RequestEvent } from '@sveltejs/kit';
import { coordinatorAuth } from './auth';
import { database } from './db';
import { schemeRunBy, type Scheme } from './schemes';

type Coordinator = NonNullable<
	Awaited<ReturnType<Awaited<ReturnType<typeof coordinatorAuth>>['api']['getSession']>>
>['user'];

// The layout, the page and an action of one request all ask; the database is asked once.
const lookups = new WeakMap<Request, Promise<Coordinator | undefined>>();

/** The coordinator signed in on this request, if any. */
export function currentCoordinator(event: RequestEvent): Promise<Coordinator | undefined> {
	let lookup = lookups.get(event.request);
	if (!lookup) {
		lookup = coordinatorAuth()
			.then((auth) => auth.api.getSession({ headers: event.request.headers }))
			.then((session) => session?.user);
		lookups.set(event.request, lookup);
	}
	return lookup;
}

/** The signed-in coordinator; anyone else is sent to the sign-in page. */
export async function signedInCoordinator(event: RequestEvent): Promise<Coordinator> {
	const user = await currentCoordinator(event);
	if (!user) redirect(303, '/coordinator/sign-in');
	return user;
}

/**
 * The scheme named in the URL, for a coordinator who runs it. Anyone else gets the same 404 as
 * for a scheme that does not exist, so another council's schemes stay invisible.
 */
export async function coordinatedScheme(
	event: RequestEvent
): Promise<{ user: Coordinator; scheme: Scheme }> {
	const user = await signedInCoordinator(event);
	const { db } = await database();
	const scheme = await schemeRunBy(db, user.id, event.params.schemeId ?? '');
	if (!scheme) error(404, 'Not found');
	return { user, scheme };
}
