import { count } from 'drizzle-orm';
import { describe, expect, it, vi } from 'vitest';
import { addressBucket } from '$lib/server/client-address';
import type { Database } from '$lib/server/db/open-database';
import { rateLimits } from '$lib/server/db/schema';
import { inviteParticipant } from '$lib/server/invitations';
import { sweep } from '$lib/server/maintenance';
import { POST as join } from '../../src/routes/api/v1/join/+server';
import { aCoordinator, aScheme } from '../support/scheme-factories';
import { dbTimeout, serverDatabaseBackends, useFreshDatabase } from '../support/server-databases';

const current = vi.hoisted(() => ({ open: undefined as unknown }));
vi.mock('$lib/server/db', () => ({ database: async () => current.open }));

/** A join as it arrives from one client address. */
async function joinFrom(address: string, code: string) {
	const request = new Request('http://localhost/api/v1/join', {
		method: 'POST',
		headers: { 'content-type': 'application/json' },
		body: JSON.stringify({ code })
	});
	const response = await join({ request, getClientAddress: () => address } as never);
	return { status: response.status, retryAfter: response.headers.get('retry-after') };
}

const event = (getClientAddress: () => string) => ({ getClientAddress }) as never;

describe('the address a limit counts', () => {
	it('is an IPv4 address, or the /64 of an IPv6 one', () => {
		expect(addressBucket(event(() => '203.0.113.7'))).toBe('203.0.113.7');
		expect(addressBucket(event(() => '::ffff:203.0.113.7'))).toBe('203.0.113.7');
		for (const address of ['2001:db8:aa:1::1', '2001:0db8:00aa:0001:ffff:1:2:3', '2001:db8:aa:1::'])
			expect(addressBucket(event(() => address))).toBe('2001:db8:aa:1::/64');
		expect(addressBucket(event(() => '2001:db8:aa:2::1'))).toBe('2001:db8:aa:2::/64');
		expect(addressBucket(event(() => '::1'))).toBe('0:0:0:0::/64');
	});

	it('is one shared bucket when the proxy header is missing, never an error', () => {
		const missing = () => {
			throw new Error('Address header was specified with ADDRESS_HEADER but is absent');
		};
		expect(addressBucket(event(missing))).toBe('unknown');
	});
});

for (const backend of serverDatabaseBackends) {
	describe(`guessing a code on ${backend.name}`, { timeout: dbTimeout }, () => {
		let db: Database;
		useFreshDatabase(backend, (opened) => {
			db = opened.db;
			current.open = opened;
		});

		async function codes(n: number) {
			const coordinator = await aCoordinator(db);
			const scheme = await aScheme(db, coordinator.id);
			const issued = [];
			for (let i = 0; i < n; i++)
				issued.push(
					(
						await inviteParticipant(db, scheme.id, coordinator.id, {
							name: `P${i}`,
							role: 'mentee'
						})
					).code
				);
			return issued;
		}

		it('lets thirty people join from one address at once, two typos among them', async () => {
			const room = await codes(30);
			expect((await joinFrom('198.51.100.20', 'ZZZZ-ZZZZ')).status).toBe(404);
			expect((await joinFrom('198.51.100.20', 'YYYY-YYYY')).status).toBe(404);
			const joined = await Promise.all(room.map((code) => joinFrom('198.51.100.20', code)));
			expect(joined.map((j) => j.status)).toEqual(room.map(() => 201));
		});

		it('stops an address after ten wrong codes, for the rest of the window, right codes too', async () => {
			const [right] = await codes(1);
			for (let i = 0; i < 10; i++)
				expect((await joinFrom('198.51.100.30', `AAAA-AA${i}A`)).status).toBe(404);
			const refused = await joinFrom('198.51.100.30', right!);
			expect(refused.status).toBe(429);
			expect(Number(refused.retryAfter)).toBeGreaterThan(500);
			// Another address, even next door, is not held up.
			expect((await joinFrom('198.51.100.31', right!)).status).toBe(201);
		});

		it('counts a whole IPv6 /64 as one guesser', async () => {
			const [right] = await codes(1);
			for (let i = 0; i < 10; i++)
				expect((await joinFrom(`2001:db8:5:6::${i + 1}`, `BBBB-BB${i}B`)).status).toBe(404);
			expect((await joinFrom('2001:db8:5:6:ffff::9', right!)).status).toBe(429);
		});

		it('forgets an address once its window has closed', async () => {
			await joinFrom('198.51.100.40', 'CCCC-CCCC');
			const rows = async () => (await db.select({ n: count() }).from(rateLimits))[0]!.n;
			const before = await rows();
			expect(before).toBeGreaterThan(0);
			await sweep(db, new Date(Date.now() + 61 * 60_000));
			expect(await rows()).toBe(0);
		});
	});
}
