import { randomBytes, randomUUID } from 'node:crypto';
import { count, eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { putBackupPart } from '$lib/server/backup-parts';
import type { Database } from '$lib/server/db/open-database';
import { backupParts, backups } from '$lib/server/db/schema';
import { sweep } from '$lib/server/maintenance';
import { refusalReply } from '$lib/server/refusals';
import { schemeStorage } from '$lib/server/scheme-storage';
import { withSettings } from '../support/limit-settings';
import { aPairWithDevices } from '../support/scheme-factories';
import { serverDatabaseBackends, useFreshDatabase } from '../support/server-databases';

const now = new Date('2026-12-07T10:00:00Z');
const part = (backupId: string, index = 0) => ({ backupId, index });

async function stored(db: Database) {
	const [b] = await db.select({ n: count() }).from(backups);
	const [p] = await db.select({ n: count() }).from(backupParts);
	return { backups: b!.n, parts: p!.n };
}

for (const backend of serverDatabaseBackends) {
	describe(`backup limits on ${backend.name}`, () => {
		let db: Database;
		useFreshDatabase(backend, (open) => (db = open.db));
		withSettings({ LIMIT_BACKUP_UPLOADS: '2', LIMIT_BACKUP_BYTES: '3000' });

		it('refuses a third unfinished upload with 429 and Retry-After, storing nothing of it', async () => {
			const { menteeDevice } = await aPairWithDevices(db);
			for (const id of [randomUUID(), randomUUID()])
				expect((await putBackupPart(db, menteeDevice, part(id), randomBytes(10), now)).ok).toBe(
					true
				);
			const before = await stored(db);
			const third = await putBackupPart(db, menteeDevice, part(randomUUID()), randomBytes(10), now);
			expect(third).toMatchObject({
				ok: false,
				error: 'rate-limited',
				limit: 'backup-uploads',
				max: 2
			});
			expect(await stored(db)).toEqual(before);
			const reply = refusalReply(third as Extract<typeof third, { ok: false }>);
			expect(reply.status).toBe(429);
			expect(Number(reply.headers.get('retry-after'))).toBe(24 * 3600);
			expect(await reply.json()).toMatchObject({ limit: 'backup-uploads', max: 2 });
		});

		it('lets an unfinished upload go on past the limit of uploads, and expires it after a day', async () => {
			const { menteeDevice } = await aPairWithDevices(db);
			const [first, second] = [randomUUID(), randomUUID()];
			await putBackupPart(db, menteeDevice, part(first), randomBytes(10), now);
			await putBackupPart(db, menteeDevice, part(second), randomBytes(10), now);
			expect((await putBackupPart(db, menteeDevice, part(first, 1), randomBytes(10), now)).ok).toBe(
				true
			);
			const dayLater = new Date(now.getTime() + 24 * 3600_000 + 1);
			expect((await sweep(db, dayLater)).uploads).toBeGreaterThanOrEqual(2);
			expect(
				(
					await db
						.select()
						.from(backups)
						.where(eq(backups.participantId, menteeDevice.participantId))
				).length
			).toBe(0);
			expect(
				(await putBackupPart(db, menteeDevice, part(randomUUID()), randomBytes(10), dayLater)).ok
			).toBe(true);
		});

		it('refuses a part that would take the person past their backup bytes, with 413', async () => {
			const { menteeDevice } = await aPairWithDevices(db);
			const id = randomUUID();
			expect((await putBackupPart(db, menteeDevice, part(id, 0), randomBytes(2000), now)).ok).toBe(
				true
			);
			const over = await putBackupPart(db, menteeDevice, part(id, 1), randomBytes(1001), now);
			expect(over).toMatchObject({
				ok: false,
				error: 'over-limit',
				limit: 'backup-bytes',
				max: 3000
			});
			expect(refusalReply(over as Extract<typeof over, { ok: false }>).status).toBe(413);
			// Sending a part again replaces it: only the difference counts.
			expect((await putBackupPart(db, menteeDevice, part(id, 0), randomBytes(2999), now)).ok).toBe(
				true
			);
			const [held] = await db
				.select({ n: count() })
				.from(backupParts)
				.where(eq(backupParts.backupId, id));
			expect(held!.n).toBe(1);
		});
	});

	describe(`a scheme's bytes on ${backend.name}`, () => {
		let db: Database;
		useFreshDatabase(backend, (open) => (db = open.db));
		withSettings({ LIMIT_SCHEME_BYTES: '5000' });

		it('count every member of the scheme and no other scheme', async () => {
			const a = await aPairWithDevices(db, 'Scheme A');
			const b = await aPairWithDevices(db, 'Scheme B');
			const put = (who: typeof a.menteeDevice, bytes: number) =>
				putBackupPart(db, who, part(randomUUID()), randomBytes(bytes), now);
			expect((await put(a.menteeDevice, 3000)).ok).toBe(true);
			expect(await put(a.mentorDevice, 2001)).toMatchObject({ limit: 'scheme-bytes', max: 5000 });
			expect((await put(b.mentorDevice, 4000)).ok).toBe(true);
			// What the coordinator's storage table shows for each scheme.
			expect(await schemeStorage(db, a.scheme.id)).toMatchObject({
				backupBytes: 3000,
				backups: 0,
				uploadsInProgress: 1,
				pairLogBytes: 0,
				boardPosts: 0
			});
			expect((await schemeStorage(db, b.scheme.id)).backupBytes).toBe(4000);
		});
	});
}
