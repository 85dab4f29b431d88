import { spawn, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const lockModule = fileURLToPath(
	new URL('../../src/lib/server/db/data-dir-lock.js', import.meta.url)
);

/**
 * Another process trying for the lock on `lockPath`: prints `held` and keeps it until killed,
 * or prints the refusal's name and exits.
 */
const contenderScript = (lockPath: string) =>
	`import { acquireDataDirLock } from ${JSON.stringify(lockModule)};
	try {
		await acquireDataDirLock(${JSON.stringify(lockPath)}, 'the test database');
		console.log('held');
		setInterval(() => {}, 1000);
	} catch (error) {
		console.log(error.name);
	}`;

export function lockContender(lockPath: string): ChildProcess & { outcome: Promise<string> } {
	const child = spawn(process.execPath, ['--input-type=module', '-e', contenderScript(lockPath)], {
		stdio: ['ignore', 'pipe', 'inherit']
	});
	const outcome = once(child.stdout!, 'data').then(([data]) => String(data).trim());
	return Object.assign(child, { outcome });
}

export async function killed(child: ChildProcess): Promise<void> {
	if (child.exitCode !== null || child.signalCode !== null) return;
	child.kill('SIGKILL');
	await once(child, 'exit');
}

/**
 * A lock holder whose parent never reaps it: once killed it stays a zombie, as a server does
 * when the PID 1 of its container is slow to reap. The returned process is that parent.
 */
export function lockHolderUnderNeglectfulParent(lockPath: string) {
	const script = join(mkdtempSync(join(tmpdir(), 'tandem-holder-')), 'holder.mjs');
	writeFileSync(script, contenderScript(lockPath));
	// `exec sleep` replaces the shell, so the holder's parent is a process that never waits.
	const parent = spawn('sh', ['-c', `"${process.execPath}" "${script}" & exec sleep 60`], {
		stdio: ['ignore', 'pipe', 'inherit']
	});
	const outcome = once(parent.stdout!, 'data').then(([data]) => String(data).trim());
	return Object.assign(parent, { outcome });
}
