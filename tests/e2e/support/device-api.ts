import type { AppServer } from './app-server';
import { expect } from './fixtures';

/** Joins with an invitation code through the device API, as a device would; returns its header. */
export async function joinThroughApi(app: AppServer, code: string): Promise<string> {
	const joined = await fetch(app.url('/api/v1/join'), {
		method: 'POST',
		headers: { 'content-type': 'application/json' },
		body: JSON.stringify({ code })
	});
	expect(joined.status).toBe(201);
	const { device } = (await joined.json()) as { device: { id: string; secret: string } };
	return `Bearer ${device.id}.${device.secret}`;
}
