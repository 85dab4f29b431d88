import { progressReport } from './joined-pair';

/**
 * One valid request to every device route, and every id and parameter a device puts in a URL,
 * for the odd-input property test to spoil one part at a time.
 */
export const bytes = (n: number, fill = 1) => Buffer.alloc(n, fill).toString('base64url');
const now = () => new Date().toISOString();
const uuid = () => crypto.randomUUID();

export interface Route {
	method: 'POST' | 'PUT' | 'DELETE' | 'GET';
	path: string;
	as: 'mentee' | 'mentor' | 'nobody';
	body: () => unknown;
}

/** One valid request to every device route that reads a JSON body: each field is then spoiled. */
export function routes(pair: string): Route[] {
	const channel = `/api/v1/pairs/${pair}`;
	return [
		{
			method: 'POST',
			path: '/api/v1/metrics',
			as: 'mentee',
			body: () => progressReport(pair)
		},
		{
			method: 'POST',
			path: '/api/v1/join',
			as: 'nobody',
			body: () => ({ code: 'ABCD-EFGH', label: 'Phone' })
		},
		{
			method: 'POST',
			path: '/api/v1/recover',
			as: 'nobody',
			body: () => ({ auth: bytes(32), label: null })
		},
		{ method: 'PUT', path: `${channel}/link`, as: 'mentee', body: () => ({ proof: bytes(32, 3) }) },
		{
			method: 'POST',
			path: `${channel}/ops`,
			as: 'mentee',
			body: () => ({ ops: [{ id: uuid(), body: bytes(64) }] })
		},
		{
			method: 'POST',
			path: `${channel}/offer`,
			as: 'mentee',
			body: () => ({ salt: bytes(16), iv: bytes(12), key: bytes(48) })
		},
		{
			method: 'PUT',
			path: '/api/v1/backup/keys',
			as: 'mentee',
			body: () => ({
				salt: bytes(16),
				iterations: 600_000,
				passphrase: { iv: bytes(12), key: bytes(48) },
				recovery: { iv: bytes(12), key: bytes(48) },
				recoveryAuth: bytes(32)
			})
		},
		{
			method: 'POST',
			path: `/api/v1/backup/${uuid()}/commit`,
			as: 'mentee',
			body: () => ({ parts: 1, bytes: 10, sha256: 'a'.repeat(64) })
		},
		{
			method: 'POST',
			path: '/api/v1/board/posts',
			as: 'mentee',
			body: () => ({
				kind: 'win',
				id: uuid(),
				text: 'Chaired a meeting',
				wonOn: '2026-11-20',
				showName: false,
				postedAt: now()
			})
		},
		{
			method: 'POST',
			path: '/api/v1/board/posts',
			as: 'mentee',
			body: () => ({
				kind: 'article',
				id: uuid(),
				title: 'Chairing well',
				url: 'https://example.org/chairing',
				why: 'Practical',
				showName: true,
				postedAt: now()
			})
		},
		{
			method: 'PUT',
			path: `/api/v1/board/posts/${uuid()}/reactions`,
			as: 'mentor',
			body: () => ({ reaction: 'thanks', on: true })
		},
		{
			method: 'POST',
			path: '/api/v1/surveys/answers',
			as: 'mentee',
			body: () => ({
				id: uuid(),
				pair,
				checkpoint: 'baseline',
				answeredAt: now(),
				ratings: { confidence: 3, goalProgress: 2, relationship: null, meetingsUseful: null },
				again: null,
				outcomes: [],
				comment: 'Going well'
			})
		},
		{
			method: 'POST',
			path: '/api/v1/support',
			as: 'mentor',
			body: () => ({ id: uuid(), kind: 'support', urgency: 'this-week', requestedAt: now() })
		},
		{
			method: 'PUT',
			path: '/api/v1/pen-picture',
			as: 'mentor',
			body: () => ({
				writtenAt: now(),
				penPicture: {
					text: 'Twelve years on the council.',
					roles: ['cabinet'],
					level: null,
					serviceArea: null,
					group: null,
					areas: ['leadership'],
					yearsExperience: 12,
					capacity: 2,
					gender: 'woman',
					formerMemberSince: null
				}
			})
		},
		{
			method: 'PUT',
			path: '/api/v1/needs',
			as: 'mentee',
			body: () => ({
				writtenAt: now(),
				needs: {
					summary: 'Newly elected.',
					areas: ['learning-the-ropes'],
					level: null,
					serviceArea: null,
					group: null,
					preferences: { gender: null, role: null, experience: null },
					avoid: { lineManager: null, people: ['Someone'], ownGroup: false },
					gender: null
				}
			})
		},
		{
			method: 'POST',
			path: `/api/v1/proposals/${uuid()}/answer`,
			as: 'mentee',
			body: () => ({ answer: 'decline', reason: 'timing' })
		}
	];
}

/**
 * A URL-safe form of any string. A lone surrogate has no UTF-8 form, so it goes as the bytes a
 * broken client would send for it (`%ED%A0%80`), which are not UTF-8 either.
 */
const percent = (odd: string) =>
	[...odd].map((c) => (/[\ud800-\udfff]/.test(c) ? '%ED%A0%80' : encodeURIComponent(c))).join('');

/** Paths and queries: every id and parameter a device puts in a URL, spoiled. */
export const urls = (pair: string) => [
	(odd: string) => ['GET', `/api/v1/board?before=${percent(odd)}`] as const,
	(odd: string) => ['GET', `/api/v1/pairs/${pair}/ops?after=${percent(odd)}`] as const,
	(odd: string) => ['GET', `/api/v1/pairs/${pair}/ops?limit=${percent(odd)}`] as const,
	(odd: string) => ['GET', `/api/v1/pairs/${percent(odd)}`] as const,
	(odd: string) => ['DELETE', `/api/v1/board/posts/${percent(odd)}`] as const,
	(odd: string) => ['DELETE', `/api/v1/support/${percent(odd)}`] as const,
	(odd: string) => ['DELETE', `/api/v1/devices/${percent(odd)}`] as const,
	(odd: string) => ['GET', `/api/v1/backup/${percent(odd)}/parts/0`] as const,
	(odd: string) => ['PUT', `/api/v1/backup/${uuid()}/parts/${percent(odd)}`] as const
];
