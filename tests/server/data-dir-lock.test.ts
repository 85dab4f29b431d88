import { existsSync, mkdtempSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { hostname, tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { acquireDataDirLock, DataDirInUseError } from '$lib/server/db/data-dir-lock.js';
import { killed, lockContender, lockHolderUnderNeglectfulParent } from '../support/lock-holder';

const children: ReturnType<typeof lockContender>[] = [];
afterEach(async () => {
	await Promise.all(children.splice(0).map(killed));
});

function contender(lockPath: string) {
	const child = lockContender(lockPath);
	children.push(child);
	return child;
}

const freshLockPath = () => join(mkdtempSync(join(tmpdir(), 'tandem-lock-')), 'pglite.lock');

/** A lock as a process that has gone would have left it. */
function leftBehind(lockPath: string, holder: Partial<Record<string, unknown>>) {
	writeFileSync(
		lockPath,
		JSON.stringify({
			pid: 1,
			host: hostname(),
			bootId: '',
			startedAt: '2026-01-01T00:00:00.000Z',
			nonce: 'old',
			...holder
		})
	);
}

describe('the embedded database lock', () => {
	it('is a private file holding the pid, and is gone once released', async () => {
		const path = freshLockPath();
		const lock = await acquireDataDirLock(path, 'db');
		expect(JSON.parse(readFileSync(path, 'utf8'))).toMatchObject({ pid: process.pid });
		expect(statSync(path).mode & 0o777).toBe(0o600);
		expect(lock.takenOver).toBeUndefined();
		await lock.release();
		expect(existsSync(path)).toBe(false);
	});

	it('refuses a second holder in the same process', async () => {
		const path = freshLockPath();
		const lock = await acquireDataDirLock(path, 'db');
		await expect(acquireDataDirLock(path, 'db')).rejects.toBeInstanceOf(DataDirInUseError);
		await lock.release();
		await (await acquireDataDirLock(path, 'db')).release();
	});

	it('refuses while another live process holds it, in words naming that process', async () => {
		const path = freshLockPath();
		const other = contender(path);
		expect(await other.outcome).toBe('held');
		const refusal = await acquireDataDirLock(path, '/srv/tandem/data/pglite').catch((e) => e);
		expect(refusal).toBeInstanceOf(DataDirInUseError);
		expect(refusal.exitCode).toBe(75);
		expect(refusal.message).toContain(`process ${other.pid}`);
		expect(refusal.message).toContain('/srv/tandem/data/pglite');
		expect(refusal.message).toContain('DATABASE_URL');
	});

	it('takes over the lock of a process that was killed', async () => {
		const path = freshLockPath();
		const other = contender(path);
		expect(await other.outcome).toBe('held');
		await killed(other);
		const lock = await acquireDataDirLock(path, 'db');
		expect(lock.takenOver?.pid).toBe(other.pid);
		expect(JSON.parse(readFileSync(path, 'utf8')).pid).toBe(process.pid);
		await lock.release();
	});

	it('takes over the lock of a killed process its parent has not reaped yet (a zombie)', async () => {
		const path = freshLockPath();
		const parent = lockHolderUnderNeglectfulParent(path);
		children.push(parent);
		expect(await parent.outcome).toBe('held');
		const holder = JSON.parse(readFileSync(path, 'utf8')).pid as number;
		process.kill(holder, 'SIGKILL');
		await expect
			.poll(() => readFileSync(`/proc/${holder}/stat`, 'utf8').split(') ')[1]![0])
			.toBe('Z');
		const lock = await acquireDataDirLock(path, 'db');
		expect(lock.takenOver?.pid).toBe(holder);
		await lock.release();
	});

	it('takes over a lock bearing its own pid (a restarted container) or from before a reboot', async () => {
		const path = freshLockPath();
		leftBehind(path, { pid: process.pid });
		const own = await acquireDataDirLock(path, 'db');
		expect(own.takenOver?.nonce).toBe('old');
		await own.release();
		// Process 1 is alive, but it is not the one that wrote a lock in an earlier boot.
		leftBehind(path, { pid: 1, bootId: 'an-earlier-boot' });
		const rebooted = await acquireDataDirLock(path, 'db');
		expect(rebooted.takenOver?.bootId).toBe('an-earlier-boot');
		await rebooted.release();
	});

	it('never takes a lock written on another machine, whose processes it cannot see', async () => {
		const path = freshLockPath();
		leftBehind(path, { host: 'another-host.example' });
		const refusal = await acquireDataDirLock(path, 'db').catch((e) => e);
		expect(refusal).toBeInstanceOf(DataDirInUseError);
		expect(refusal.message).toContain(`delete ${path}`);
	});

	it('is won by exactly one of several processes racing for a stale lock', async () => {
		const path = freshLockPath();
		const gone = contender(path);
		expect(await gone.outcome).toBe('held');
		await killed(gone);
		const racers = Array.from({ length: 6 }, () => contender(path));
		const outcomes = await Promise.all(racers.map((r) => r.outcome));
		expect(outcomes.filter((o) => o === 'held')).toHaveLength(1);
		expect(outcomes.filter((o) => o === 'DataDirInUseError')).toHaveLength(5);
	});

	it('leaves a lock alone that is not its own when released', async () => {
		const path = freshLockPath();
		const lock = await acquireDataDirLock(path, 'db');
		leftBehind(path, { pid: 1, nonce: 'someone-else' });
		await lock.release();
		expect(JSON.parse(readFileSync(path, 'utf8')).nonce).toBe('someone-else');
	});
});
