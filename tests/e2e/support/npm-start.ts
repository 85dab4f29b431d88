import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { serverEnv, waitForHealth } from './app-server';

/**
 * Whether any process of the group still runs. A killed process stays a zombie until its new
 * parent (PID 1 here, which is slow to reap) collects it, so zombies count as gone.
 */
function groupAlive(pgid: number): boolean {
	if (!existsSync('/proc/self/stat')) {
		try {
			process.kill(-pgid, 0);
			return true;
		} catch {
			return false;
		}
	}
	return readdirSync('/proc')
		.filter((name) => /^\d+$/.test(name))
		.some((pid) => {
			try {
				const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
				const [state, , group] = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
				return Number(group) === pgid && state !== 'Z';
			} catch {
				return false;
			}
		});
}

/**
 * `npm start` in a process group of its own (npm, the shell, scripts/start.js, node build), so
 * a test can signal the whole group as a terminal's Ctrl-C or a service manager does.
 */
export class NpmStart {
	private group: ChildProcess | undefined;
	private output = '';
	readonly dataDir = mkdtempSync(join(tmpdir(), 'tandem-npm-start-'));

	constructor(readonly port: number) {}

	get origin(): string {
		return `http://localhost:${this.port}`;
	}

	get log(): string {
		return this.output;
	}

	url(path = '/'): string {
		return `${this.origin}${path}`;
	}

	async start(timeout = 60_000): Promise<void> {
		const child = spawn('npm', ['start'], {
			env: serverEnv(this.port, this.dataDir),
			stdio: ['ignore', 'pipe', 'pipe'],
			detached: true
		});
		child.stdout?.on('data', (d) => (this.output += d));
		child.stderr?.on('data', (d) => (this.output += d));
		this.group = child;
		await waitForHealth(this.origin, child, () => this.output, timeout);
	}

	/**
	 * Signals every process of the group and waits until none is left: npm itself dies at once
	 * on SIGTERM, while the server is still closing its database.
	 */
	async signal(signal: NodeJS.Signals): Promise<void> {
		const group = this.group;
		if (!group?.pid) return;
		this.group = undefined;
		try {
			process.kill(-group.pid, signal);
		} catch {
			return; // Already gone.
		}
		const deadline = Date.now() + 60_000;
		while (groupAlive(group.pid)) {
			if (Date.now() > deadline) throw new Error(`npm start did not stop: ${this.output}`);
			await new Promise((r) => setTimeout(r, 25));
		}
	}
}
