import { createHash, randomBytes, randomUUID } from 'node:crypto';
import { count, eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { readBytesBody } from '$lib/server/api-response';
import { commitBackup } from '$lib/server/backup-commit';
import { eraseBackups } from '$lib/server/backup-erase';
import { saveBackupKeys } from '$lib/server/backup-keys';
import { backupListing } from '$lib/server/backup-listing';
import { partAddress, putBackupPart, readBackupPart } from '$lib/server/backup-parts';
import type { Database } from '$lib/server/db/open-database';
import { backupParts, backups, devices } from '$lib/server/db/schema';
import { authenticateDevice, type DeviceIdentity } from '$lib/server/devices';
import { revokeParticipant } from '$lib/server/invitations';
import { recoverDevice } from '$lib/server/recovery';
import { backupLimits } from '$lib/protocol/pair-protocol';
import { aPairWithDevices } from '../support/scheme-factories';
import { nonCanonical, someBackupKeys, someBytes } from '../support/sealed-factories';
import { dbTimeout, serverDatabaseBackends, useFreshDatabase } from '../support/server-databases';

const at = (iso: string) => new Date(iso);
const sha256 = (...parts: Buffer[]) =>
	createHash('sha256').update(Buffer.concat(parts)).digest('hex');

describe('a backup part request', () => {
	const backupId = randomUUID();

	it('names the part by backup id and index', () => {
		expect(partAddress(backupId, '0')).toEqual({ ok: true, value: { backupId, index: 0 } });
		expect(partAddress(backupId, String(backupLimits.parts - 1))).toMatchObject({ ok: true });
		expect(partAddress('not-a-uuid', '0')).toMatchObject({ ok: false, field: 'backupId' });
		for (const index of [String(backupLimits.parts), '-1', '1.0', 'one', '', '0001']) {
			expect(partAddress(backupId, index)).toMatchObject({ ok: false, field: 'index' });
		}
	});

	it('reads a body up to the part size and answers 413 beyond it, declared or not', async () => {
		const max = backupLimits.partBytes;
		const full = randomBytes(max);
		const read = await readBytesBody(new Request('http://x/', { method: 'PUT', body: full }), max);
		expect(read.ok && read.value.equals(full)).toBe(true);
		const declared = new Request('http://x/', {
			method: 'PUT',
			body: randomBytes(max + 1),
			headers: { 'content-length': String(max + 1) }
		});
		const refused = await readBytesBody(declared, max);
		expect(refused.ok || refused.response.status).toBe(413);
		// A streamed body with no length is stopped once it passes the limit.
		const chunk = randomBytes(64 * 1024);
		let sent = 0;
		const stream = new ReadableStream<Uint8Array>({
			pull(controller) {
				sent += chunk.length;
				controller.enqueue(chunk);
			}
		});
		// Node needs `duplex` for a streamed body; the types of Node 20 do not know it yet.
		const init = { method: 'PUT', body: stream, duplex: 'half' } as RequestInit;
		const streamed = new Request('http://x/', init);
		const stopped = await readBytesBody(streamed, max);
		expect(stopped.ok || stopped.response.status).toBe(413);
		expect(stopped.ok || stopped.response.headers.get('cache-control')).toBe('no-store');
		expect(sent).toBeLessThanOrEqual(max + 3 * chunk.length);
		const empty = await readBytesBody(new Request('http://x/', { method: 'PUT' }), max);
		expect(empty.ok && empty.value.length).toBe(0);
	});
});

for (const backend of serverDatabaseBackends) {
	describe(`backups on ${backend.name}`, { timeout: dbTimeout }, () => {
		let db: Database;
		useFreshDatabase(backend, (opened) => {
			db = opened.db;
		});

		/** Uploads parts for a backup and commits it with figures that match. */
		async function uploadBackup(who: DeviceIdentity, parts: Buffer[], now?: Date) {
			const backupId = randomUUID();
			for (const [index, data] of parts.entries()) {
				expect(await putBackupPart(db, who, { backupId, index }, data)).toEqual({
					ok: true,
					value: null
				});
			}
			const figures = {
				parts: parts.length,
				bytes: Buffer.concat(parts).length,
				sha256: sha256(...parts)
			};
			const committed = await commitBackup(db, who, backupId, figures, now);
			if (!committed.ok) throw new Error(`${committed.error} ${committed.field}`);
			return { backupId, figures, committedAt: committed.value.committedAt };
		}

		const backupIdsOf = async (who: DeviceIdentity) =>
			(await backupListing(db, who)).backups.map((b) => b.id);

		describe('keys', () => {
			it('are kept, replaced and listed without the recovery value', async () => {
				const { menteeDevice } = await aPairWithDevices(db);
				expect(await backupListing(db, menteeDevice)).toEqual({ keys: null, backups: [] });
				const first = someBackupKeys();
				expect(await saveBackupKeys(db, menteeDevice, first, at('2026-09-01T09:00:00Z'))).toEqual({
					ok: true,
					value: null
				});
				const replaced = { ...someBackupKeys(), iterations: 1_200_000 };
				await saveBackupKeys(db, menteeDevice, replaced, at('2026-09-02T09:00:00Z'));
				const { recoveryAuth: _recoveryAuth, ...kept } = replaced;
				expect((await backupListing(db, menteeDevice)).keys).toEqual({
					...kept,
					updatedAt: '2026-09-02T09:00:00.000Z'
				});
			});

			it("refuse a recovery value another person's keys already use", async () => {
				const { mentorDevice, menteeDevice } = await aPairWithDevices(db);
				const keys = someBackupKeys();
				await saveBackupKeys(db, menteeDevice, keys);
				expect(await saveBackupKeys(db, mentorDevice, someBackupKeys(keys.recoveryAuth))).toEqual({
					ok: false,
					error: 'recovery-in-use',
					field: 'recoveryAuth'
				});
				// The owner may send the same value again with a new passphrase.
				expect(await saveBackupKeys(db, menteeDevice, someBackupKeys(keys.recoveryAuth))).toEqual({
					ok: true,
					value: null
				});
			});

			it('refuse key material that is not canonical base64url, naming the field', async () => {
				const { menteeDevice } = await aPairWithDevices(db);
				const keys = someBackupKeys();
				expect(
					await saveBackupKeys(db, menteeDevice, {
						...keys,
						recoveryAuth: nonCanonical(keys.recoveryAuth)
					})
				).toMatchObject({ ok: false, error: 'invalid', field: 'recoveryAuth' });
				expect(
					await saveBackupKeys(db, menteeDevice, { ...keys, salt: nonCanonical(keys.salt) })
				).toMatchObject({ ok: false, error: 'invalid', field: 'salt' });
				expect((await backupListing(db, menteeDevice)).keys).toBeNull();
			});
		});

		describe('uploads', () => {
			it("are listed once committed, and any of the person's devices reads them back", async () => {
				const { menteeDevice, anotherDevice } = await aPairWithDevices(db);
				const parts = [randomBytes(backupLimits.partBytes), randomBytes(1), randomBytes(1000)];
				const backupId = randomUUID();
				for (const [index, data] of parts.entries()) {
					await putBackupPart(db, menteeDevice, { backupId, index }, data);
				}
				expect((await backupListing(db, menteeDevice)).backups).toEqual([]);
				expect(await readBackupPart(db, menteeDevice, { backupId, index: 0 })).toEqual({
					ok: false,
					error: 'not-found'
				});
				const figures = {
					parts: 3,
					bytes: backupLimits.partBytes + 1001,
					sha256: sha256(...parts)
				};
				const committedAt = at('2026-09-01T09:00:00Z');
				expect(await commitBackup(db, menteeDevice, backupId, figures, committedAt)).toEqual({
					ok: true,
					value: { committedAt: committedAt.toISOString() }
				});
				const stored = { id: backupId, ...figures, committedAt: committedAt.toISOString() };
				expect((await backupListing(db, menteeDevice)).backups).toEqual([
					{ ...stored, thisDevice: true }
				]);
				const newPhone = await anotherDevice('mentee');
				expect((await backupListing(db, newPhone)).backups).toEqual([
					{ ...stored, thisDevice: false }
				]);
				for (const [index, data] of parts.entries()) {
					const read = await readBackupPart(db, newPhone, { backupId, index });
					expect(read.ok && read.value.equals(data)).toBe(true);
				}
				expect(await readBackupPart(db, newPhone, { backupId, index: 3 })).toEqual({
					ok: false,
					error: 'not-found'
				});
			});

			it('refuse an empty or oversized part', async () => {
				const { menteeDevice } = await aPairWithDevices(db);
				const address = { backupId: randomUUID(), index: 0 };
				expect(await putBackupPart(db, menteeDevice, address, Buffer.alloc(0))).toMatchObject({
					ok: false,
					error: 'invalid',
					field: 'body'
				});
				const oversized = randomBytes(backupLimits.partBytes + 1);
				expect(await putBackupPart(db, menteeDevice, address, oversized)).toMatchObject({
					ok: false,
					error: 'invalid',
					field: 'body'
				});
			});

			it('refuse a commit with missing parts, the wrong size or the wrong checksum, naming the field', async () => {
				const { menteeDevice } = await aPairWithDevices(db);
				const backupId = randomUUID();
				const parts = [randomBytes(100), randomBytes(50), randomBytes(25)];
				await putBackupPart(db, menteeDevice, { backupId, index: 0 }, parts[0]!);
				await putBackupPart(db, menteeDevice, { backupId, index: 2 }, parts[2]!);
				const right = { parts: 3, bytes: 175, sha256: sha256(...parts) };
				const commit = (figures: typeof right) => commitBackup(db, menteeDevice, backupId, figures);
				expect(await commit(right)).toEqual({
					ok: false,
					error: 'invalid',
					field: 'parts',
					problem: 'part 1 is missing'
				});
				await putBackupPart(db, menteeDevice, { backupId, index: 1 }, parts[1]!);
				expect(await commit({ ...right, parts: 2, bytes: 150 })).toMatchObject({
					ok: false,
					field: 'parts'
				});
				expect(await commit({ ...right, bytes: 176 })).toMatchObject({ ok: false, field: 'bytes' });
				expect(await commit({ ...right, sha256: sha256(parts[1]!) })).toMatchObject({
					ok: false,
					field: 'sha256'
				});
				expect((await backupListing(db, menteeDevice)).backups).toEqual([]);
				expect(await commit(right)).toMatchObject({ ok: true });
				expect(await commitBackup(db, menteeDevice, randomUUID(), right)).toMatchObject({
					ok: false,
					error: 'invalid',
					field: 'parts'
				});
			});

			it('take a part again before the commit, and nothing after it', async () => {
				const { menteeDevice } = await aPairWithDevices(db);
				const backupId = randomUUID();
				const retried = randomBytes(40);
				await putBackupPart(db, menteeDevice, { backupId, index: 0 }, randomBytes(40));
				await putBackupPart(db, menteeDevice, { backupId, index: 0 }, retried);
				const figures = { parts: 1, bytes: 40, sha256: sha256(retried) };
				const committed = await commitBackup(db, menteeDevice, backupId, figures);
				expect(committed).toMatchObject({ ok: true });
				expect(
					await putBackupPart(db, menteeDevice, { backupId, index: 0 }, randomBytes(40))
				).toEqual({ ok: false, error: 'committed' });
				expect(
					await putBackupPart(db, menteeDevice, { backupId, index: 1 }, randomBytes(40))
				).toEqual({ ok: false, error: 'committed' });
				// Committing again with the same figures answers as the first time; other figures do not.
				expect(
					await commitBackup(db, menteeDevice, backupId, figures, at('2027-01-01T00:00:00Z'))
				).toEqual(committed);
				expect(await commitBackup(db, menteeDevice, backupId, { ...figures, bytes: 41 })).toEqual({
					ok: false,
					error: 'committed'
				});
			});

			it("replace the device's older backups, and leave the person's other device's alone", async () => {
				const { menteeDevice, anotherDevice } = await aPairWithDevices(db);
				const laptop = await anotherDevice('mentee');
				const older = await uploadBackup(
					menteeDevice,
					[randomBytes(10)],
					at('2026-09-01T09:00:00Z')
				);
				const fromLaptop = await uploadBackup(
					laptop,
					[randomBytes(10)],
					at('2026-09-02T09:00:00Z')
				);
				const abandoned = randomUUID();
				await putBackupPart(db, menteeDevice, { backupId: abandoned, index: 0 }, randomBytes(10));
				expect(await backupIdsOf(menteeDevice)).toEqual([fromLaptop.backupId, older.backupId]);
				const newer = await uploadBackup(
					menteeDevice,
					[randomBytes(10)],
					at('2026-09-03T09:00:00Z')
				);
				expect(await backupIdsOf(laptop)).toEqual([newer.backupId, fromLaptop.backupId]);
				const left = await db
					.select({ id: backups.id })
					.from(backups)
					.where(eq(backups.deviceId, menteeDevice.deviceId));
				expect(left.map((b) => b.id)).toEqual([newer.backupId]);
				const [orphans] = await db
					.select({ n: count() })
					.from(backupParts)
					.where(eq(backupParts.backupId, abandoned));
				expect(orphans!.n).toBe(0);
			});

			it("cannot be read or overwritten by anyone else, nor added to by the person's other device", async () => {
				const { mentorDevice, menteeDevice, anotherDevice } = await aPairWithDevices(db);
				const elsewhere = await aPairWithDevices(db, 'Officer mentoring');
				const laptop = await anotherDevice('mentee');
				const original = randomBytes(64);
				const { backupId, figures } = await uploadBackup(menteeDevice, [original]);
				const pending = randomUUID();
				await putBackupPart(db, menteeDevice, { backupId: pending, index: 0 }, randomBytes(8));
				for (const who of [mentorDevice, elsewhere.menteeDevice, laptop]) {
					for (const id of [backupId, pending]) {
						expect(
							await putBackupPart(db, who, { backupId: id, index: 0 }, randomBytes(64))
						).toEqual({ ok: false, error: 'not-yours' });
						expect(await commitBackup(db, who, id, figures)).toEqual({
							ok: false,
							error: 'not-yours'
						});
					}
				}
				for (const who of [mentorDevice, elsewhere.menteeDevice]) {
					expect(await readBackupPart(db, who, { backupId, index: 0 })).toEqual({
						ok: false,
						error: 'not-found'
					});
					expect(await backupListing(db, who)).toEqual({ keys: null, backups: [] });
				}
				const read = await readBackupPart(db, laptop, { backupId, index: 0 });
				expect(read.ok && read.value.equals(original)).toBe(true);
			});
		});

		it("lets one person's commits and erasure run at the same moment", async () => {
			const { menteeDevice, anotherDevice } = await aPairWithDevices(db);
			const laptop = await anotherDevice('mentee');
			const started = async (who: DeviceIdentity) => {
				const backupId = randomUUID();
				const data = randomBytes(100);
				await putBackupPart(db, who, { backupId, index: 0 }, data);
				return () =>
					commitBackup(db, who, backupId, { parts: 1, bytes: 100, sha256: sha256(data) });
			};
			// Two uploads of one device: whichever commits first removes the other.
			const ready = [
				await started(menteeDevice),
				await started(menteeDevice),
				await started(laptop)
			];
			const commits = await Promise.all(ready.map((commit) => commit()));
			expect(commits.filter((c) => c.ok)).toHaveLength(2);
			expect(commits.filter((c) => !c.ok)).toEqual([
				{ ok: false, error: 'invalid', field: 'parts', problem: 'part 0 is missing' }
			]);
			expect((await backupListing(db, laptop)).backups).toHaveLength(2);
			// Erasing removes whatever committed before it, and an upload in progress with it.
			const alsoReady = [await started(menteeDevice), await started(laptop)];
			const [before, , after] = await Promise.all([
				alsoReady[0]!(),
				eraseBackups(db, laptop),
				alsoReady[1]!()
			]);
			for (const commit of [before, after]) {
				expect([true, 'parts']).toContain(commit.ok || commit.field);
			}
		});

		it('erases the keys and every backup of the person, from all their devices', async () => {
			const { mentorDevice, menteeDevice, anotherDevice } = await aPairWithDevices(db);
			const laptop = await anotherDevice('mentee');
			await saveBackupKeys(db, menteeDevice, someBackupKeys());
			await uploadBackup(menteeDevice, [randomBytes(10), randomBytes(10)]);
			await uploadBackup(laptop, [randomBytes(10)]);
			const pending = randomUUID();
			await putBackupPart(db, laptop, { backupId: pending, index: 0 }, randomBytes(10));
			await saveBackupKeys(db, mentorDevice, someBackupKeys());
			const mentors = await uploadBackup(mentorDevice, [randomBytes(10)]);

			await eraseBackups(db, laptop);
			expect(await backupListing(db, menteeDevice)).toEqual({ keys: null, backups: [] });
			const [left] = await db
				.select({ n: count() })
				.from(backups)
				.innerJoin(devices, eq(devices.id, backups.deviceId))
				.where(eq(devices.participantId, menteeDevice.participantId));
			expect(left!.n).toBe(0);
			const partner = await backupListing(db, mentorDevice);
			expect(partner.keys).not.toBeNull();
			expect(partner.backups.map((b) => b.id)).toEqual([mentors.backupId]);
		});

		describe('recovery', () => {
			it('gives the person a new device that works, from their recovery value', async () => {
				const { scheme, menteeDevice, mentee } = await aPairWithDevices(db);
				const keys = someBackupKeys();
				await saveBackupKeys(db, menteeDevice, keys);
				const backup = await uploadBackup(menteeDevice, [randomBytes(10)]);
				const recovered = await recoverDevice(db, keys.recoveryAuth);
				if (!recovered.ok) throw new Error(recovered.error);
				expect(recovered.value).toMatchObject({
					participant: { id: mentee.participant.id, role: 'mentee', name: 'Megan Mentee' },
					scheme: { id: scheme.id, name: scheme.name, organisation: scheme.organisation }
				});
				expect(recovered.value.device.id).not.toBe(menteeDevice.deviceId);
				const { device } = recovered.value;
				const check = await authenticateDevice(db, `Bearer ${device.id}.${device.secret}`);
				expect(check).toEqual({
					ok: true,
					identity: {
						deviceId: device.id,
						participantId: mentee.participant.id,
						schemeId: scheme.id,
						role: 'mentee'
					}
				});
				const listing = await backupListing(db, check.ok ? check.identity : menteeDevice);
				expect(listing.backups).toEqual([expect.objectContaining({ id: backup.backupId })]);
				// The lost device keeps working too: only the coordinator removes devices.
				expect((await authenticateDevice(db, mentee.authorization)).ok).toBe(true);
			});

			it('answers unknown for a wrong value, and for someone the coordinator removed', async () => {
				const unknown = { ok: false, error: 'recovery', problem: 'unknown' };
				expect(await recoverDevice(db, someBytes(32))).toEqual(unknown);
				const { scheme, menteeDevice, mentee } = await aPairWithDevices(db);
				const keys = someBackupKeys();
				await saveBackupKeys(db, menteeDevice, keys);
				await revokeParticipant(db, scheme.id, mentee.participant.id);
				const before = await db
					.select({ n: count() })
					.from(devices)
					.where(eq(devices.participantId, mentee.participant.id));
				expect(await recoverDevice(db, keys.recoveryAuth)).toEqual(unknown);
				const after = await db
					.select({ n: count() })
					.from(devices)
					.where(eq(devices.participantId, mentee.participant.id));
				expect(after).toEqual(before);
			});

			it('refuses a value that is not canonical base64url', async () => {
				expect(await recoverDevice(db, nonCanonical(someBytes(32)))).toEqual({
					ok: false,
					error: 'invalid',
					field: 'auth',
					problem: 'must be base64url'
				});
			});
		});
	});
}
