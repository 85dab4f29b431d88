import { spawn, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { fileURLToPath } from 'node:url';

const lockModule = fileURLToPath(
	new URL('../../src/lib/server/db/data-dir-lock.js', import.meta.url)
);

/**
 * Another process trying for the lock on `lockPath`: prints `held` and keeps it until killed,
 * or prints the refusal's name and exits.
 */
export function lockContender(lockPath: string): ChildProcess & { outcome: Promise<string> } {
	const child = spawn(
		process.execPath,
		[
			'--input-type=module',
			'-e',
			`import { acquireDataDirLock } from ${JSON.stringify(lockModule)};
			try {
				await acquireDataDirLock(${JSON.stringify(lockPath)}, 'the test database');
				console.log('held');
				setInterval(() => {}, 1000);
			} catch (error) {
				console.log(error.name);
			}`
		],
		{ stdio: ['ignore', 'pipe', 'inherit'] }
	);
	const outcome = once(child.stdout!, 'data').then(([data]) => String(data).trim());
	return Object.assign(child, { outcome });
}

export async function killed(child: ChildProcess): Promise<void> {
	if (child.exitCode !== null || child.signalCode !== null) return;
	child.kill('SIGKILL');
	await once(child, 'exit');
}
