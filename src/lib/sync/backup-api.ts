import type { BackupProblem } from '$lib/protocol/problems';
import {
	authorization,
	call,
	exchange,
	jsonRequest,
	type DeviceCredential,
	type Exchange
} from './device-http';
import { thisDeviceLabel } from '$lib/protocol/device-label';
import { limitProblemOf } from '$lib/protocol/limit-problem';
import type { JoinReply } from '$lib/protocol/participation';
import type {
	BackupCommitRequest,
	BackupKeysRequest,
	BackupListing
} from '$lib/protocol/pair-protocol';

async function problemOf(response: Response): Promise<BackupProblem> {
	if (response.status === 401 || response.status === 403) return { kind: 'revoked' };
	const body = (await response.json().catch(() => ({}))) as { limit?: string };
	const limit = limitProblemOf(response, body, new Date());
	if (limit) return limit;
	if (response.status === 413) return { kind: 'too-large' };
	return { kind: 'server', status: response.status };
}

const request = <T>(path: string, init: RequestInit): Promise<Exchange<T, BackupProblem>> =>
	exchange<T, BackupProblem>(path, init, problemOf);

const partPath = (backupId: string, index: number) => `/api/v1/backup/${backupId}/parts/${index}`;

/** The device's side of the scheme's backup store: it only ever sends and receives ciphertext. */
export const backupApi = {
	listing: (c: DeviceCredential) => request<BackupListing>('/api/v1/backup', jsonRequest(c, 'GET')),

	putKeys: (c: DeviceCredential, keys: BackupKeysRequest) =>
		request<unknown>('/api/v1/backup/keys', jsonRequest(c, 'PUT', keys)),

	putPart: (c: DeviceCredential, backupId: string, index: number, bytes: Uint8Array<ArrayBuffer>) =>
		request<unknown>(partPath(backupId, index), {
			method: 'PUT',
			headers: { authorization: authorization(c), 'content-type': 'application/octet-stream' },
			body: bytes
		}),

	commit: (c: DeviceCredential, backupId: string, body: BackupCommitRequest) =>
		request<{ committedAt: string }>(
			`/api/v1/backup/${backupId}/commit`,
			jsonRequest(c, 'POST', body)
		),

	async getPart(
		c: DeviceCredential,
		backupId: string,
		index: number
	): Promise<Exchange<Uint8Array<ArrayBuffer>, BackupProblem>> {
		const response = await call(partPath(backupId, index), jsonRequest(c, 'GET'));
		if (!(response instanceof Response)) return { ok: false, problem: response };
		if (!response.ok) return { ok: false, problem: await problemOf(response) };
		return { ok: true, value: new Uint8Array(await response.arrayBuffer()) };
	},

	remove: (c: DeviceCredential) => request<void>('/api/v1/backup', jsonRequest(c, 'DELETE')),

	/** Stands a recovery code in for an invitation: a new device credential for its owner. */
	async recover(auth: string): Promise<Exchange<JoinReply, BackupProblem | { kind: 'unknown' }>> {
		const response = await call('/api/v1/recover', {
			method: 'POST',
			headers: { 'content-type': 'application/json' },
			body: JSON.stringify({ auth, label: thisDeviceLabel() })
		});
		if (!(response instanceof Response)) return { ok: false, problem: response };
		if (response.status === 404) return { ok: false, problem: { kind: 'unknown' } };
		if (!response.ok) return { ok: false, problem: await problemOf(response) };
		return { ok: true, value: (await response.json()) as JoinReply };
	}
};

export type BackupApi = typeof backupApi;
