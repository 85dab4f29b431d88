import { isActionFailure } from '@sveltejs/kit';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { Database } from '$lib/server/db/open-database';
import type { DashboardRow } from '$lib/protocol/coordinator/dashboard';
import { endPair } from '$lib/server/pair-ending';
import { pairRefusedText } from '$lib/i18n/pair-status-text';
import { getLocale, overwriteGetLocale } from '$lib/paraglide/runtime.js';
import { aPairWithDevices } from '../support/scheme-factories';
import { dbTimeout, serverDatabaseBackends, useFreshDatabase } from '../support/server-databases';

// The page runs as the signed-in coordinator of `signedIn.scheme`, against the test database.
const signedIn = vi.hoisted(() => ({ db: undefined as unknown, scheme: undefined as unknown }));
vi.mock('$lib/server/db', () => ({ database: async () => ({ db: signedIn.db }) }));
vi.mock('$lib/server/coordinator-session', () => ({
	coordinatedScheme: async () => ({ user: {}, scheme: signedIn.scheme })
}));

const dashboard = await import('../../src/routes/coordinator/schemes/[schemeId]/+page.server');

/** A page request; a form post when fields are given, as a hand-made request would send. */
function request(fields?: Record<string, string>) {
	const url = new URL('http://localhost/coordinator/schemes/x');
	const init = fields ? { method: 'POST', body: new URLSearchParams(fields) } : {};
	return { request: new Request(url, init), url, params: {} } as never;
}

async function setStatus(fields: Record<string, string>) {
	const result: unknown = await dashboard.actions.status!(request(fields));
	return isActionFailure(result)
		? Object.assign({ failed: result.status }, result.data)
		: (result as Record<string, unknown>);
}

const rows = async () => ((await dashboard.load(request())) as { rows: DashboardRow[] }).rows;
const english = getLocale;

for (const backend of serverDatabaseBackends) {
	describe(`the coordinator's dashboard on ${backend.name}`, { timeout: dbTimeout }, () => {
		let db: Database;
		useFreshDatabase(backend, (opened) => {
			db = opened.db;
			signedIn.db = db;
		});
		afterEach(() => overwriteGetLocale(english));

		it('refuses, in words, to resume or pause a pair its members ended, however asked', async () => {
			const pair = await aPairWithDevices(db);
			signedIn.scheme = pair.scheme;
			await endPair(db, pair.menteeDevice, pair.pairId, new Date('2026-09-01T12:00:00Z'));
			for (const status of ['active', 'paused'])
				expect(await setStatus({ pairId: pair.pairId, status })).toEqual({
					failed: 409,
					status: { changed: false, refusal: 'ended', pairId: pair.pairId }
				});
			expect(await rows()).toMatchObject([
				{ pairId: pair.pairId, status: 'ended', endsOn: '2026-09-01' }
			]);

			const names = { mentor: 'Morgan Mentor', mentee: 'Megan Mentee' };
			expect(pairRefusedText('ended', names)).toBe(
				'The pairing of Morgan Mentor with Megan Mentee has ended, so it can no longer be paused or resumed. To carry on mentoring, pair them again below.'
			);
			overwriteGetLocale(() => 'cy');
			expect(pairRefusedText('ended', names)).toBe(
				'Mae partneriaeth Morgan Mentor gyda Megan Mentee wedi dod i ben, felly ni ellir ei hoedi na’i hailddechrau mwyach. I barhau i fentora, parwch nhw eto isod.'
			);
		});

		it('pauses and resumes a running pair, and says so of one not in the scheme', async () => {
			const pair = await aPairWithDevices(db, 'Another scheme');
			signedIn.scheme = pair.scheme;
			expect(await setStatus({ pairId: pair.pairId, status: 'paused' })).toEqual({
				status: { changed: true, pairId: pair.pairId, to: 'paused' }
			});
			expect(await setStatus({ pairId: pair.pairId, status: 'active' })).toEqual({
				status: { changed: true, pairId: pair.pairId, to: 'active' }
			});
			expect(await rows()).toMatchObject([{ status: 'active' }]);
			expect(
				await setStatus({ pairId: '3e0f4a1b-2c3d-4e5f-8a9b-0c1d2e3f4a5b', status: 'ended' })
			).toMatchObject({ failed: 404, status: { changed: false, refusal: 'not-found' } });
			expect(await setStatus({ pairId: pair.pairId, status: 'archived' })).toMatchObject({
				failed: 400,
				status: { changed: false, refusal: 'not-found' }
			});
			expect(pairRefusedText('not-found', undefined)).toBe(
				'That pair is no longer in this scheme.'
			);
		});
	});
}
