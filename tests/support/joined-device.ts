import { SchemeSync } from '$lib/sync/scheme-sync';
import { MockSchemeServer } from './mock-scheme-server';
import { fixedClock, testRepositories } from './test-db';

export const schemePairId = '3e0f4a1b-2c3d-4e5f-8a9b-0c1d2e3f4a5b';

/** A mentee's or mentor's device in a scheme whose pair started on 1 May 2026, synced once. */
export async function joinedDevice(
	role: 'mentor' | 'mentee' = 'mentee',
	today = '2026-05-10T09:00:00.000Z'
) {
	const device = testRepositories(fixedClock(today));
	await device.repos.welcome(
		'local-pair',
		{ role, name: role === 'mentor' ? 'Rhian' : 'Megan', language: 'en' },
		{ partnerName: role === 'mentor' ? 'Megan' : 'Rhian', startedOn: '2026-05-01', endsOn: null }
	);
	const server = new MockSchemeServer();
	server.identity.participant.role = role;
	server.pairs = [
		{
			id: schemePairId,
			role,
			partnerName: role === 'mentor' ? 'Megan Mentee' : 'Rhian Jones',
			startsOn: '2026-05-01',
			endsOn: null,
			status: 'active'
		}
	];
	const sync = new SchemeSync(device.repos.scheme, device.repos.publications, server, device.clock);
	await sync.join('GOOD-CODE');
	return { ...device, server, sync };
}
