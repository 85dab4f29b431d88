/** Calls a device API route handler as SvelteKit would, with only what the routes read. */
export async function callRoute(
	handler: (event: never) => Promise<Response> | Response,
	method: string,
	authorization: string,
	body?: unknown,
	params: Record<string, string> = {}
) {
	const request = new Request('http://localhost/api/v1/x', {
		method,
		headers: { authorization, 'content-type': 'application/json' },
		body: body === undefined ? undefined : JSON.stringify(body)
	});
	const response = await handler({ request, params } as never);
	const text = await response.text();
	return { status: response.status, body: text ? JSON.parse(text) : null };
}
