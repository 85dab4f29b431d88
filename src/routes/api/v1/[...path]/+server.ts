import { apiProblem } from '$lib/server/api-response';
import type { RequestHandler } from './$types';

/** Unknown API paths answer in JSON, like the rest of the API, not with the app's HTML. */
const notFound: RequestHandler = () => apiProblem(404, { error: 'not-found' });

export const GET = notFound;
export const POST = notFound;
export const PUT = notFound;
export const PATCH = notFound;
export const DELETE = notFound;
