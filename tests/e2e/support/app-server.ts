import { spawn, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/**
 * The real production server (`node build`) as a child process the tests can stop and start,
 * so "offline" means the server is gone, not a browser emulation.
 */
export class AppServer {
	private process: ChildProcess | undefined;
	private output = '';
	// Each test server keeps its embedded database apart from the developer's ./data.
	readonly dataDir = mkdtempSync(join(tmpdir(), 'tandem-e2e-'));

	constructor(
		readonly port: number,
		private buildDir = 'build',
		/** Settings of this server's own, over the ones every test server has. */
		private readonly settings: Record<string, string> = {}
	) {}

	get origin(): string {
		return `http://localhost:${this.port}`;
	}

	url(path = '/'): string {
		return `${this.origin}${path}`;
	}

	/** Serve another build (a new deploy) from the next start on. */
	deploy(buildDir: string): void {
		this.buildDir = buildDir;
	}

	async start(): Promise<void> {
		if (this.process) return;
		const child = spawn(process.execPath, [this.buildDir], {
			env: {
				...process.env,
				PORT: String(this.port),
				HOST: '127.0.0.1',
				// Without it adapter-node assumes https, and SvelteKit refuses the coordinator pages'
				// form posts from http://localhost as cross-site.
				ORIGIN: this.origin,
				// As `npm start` sets it: the scheme photo may be 2 MB.
				BODY_SIZE_LIMIT: '3M',
				DATA_DIR: this.dataDir,
				// Every test device joins from 127.0.0.1; the limits themselves are tested on their own.
				RATE_LIMIT_SCALE: '50',
				...this.settings
			},
			stdio: ['ignore', 'pipe', 'pipe']
		});
		child.stdout?.on('data', (d) => (this.output += d));
		child.stderr?.on('data', (d) => (this.output += d));
		this.process = child;
		// Creating the embedded database runs initdb in WebAssembly: slow on a busy two-core machine.
		const deadline = Date.now() + 60_000;
		while (Date.now() < deadline) {
			if (child.exitCode !== null) throw new Error(`server exited: ${this.output}`);
			try {
				const response = await fetch(this.url('/api/v1/health'));
				if (response.ok) return;
			} catch {
				// not listening yet
			}
			await new Promise((r) => setTimeout(r, 100));
		}
		await this.stop();
		throw new Error(`server did not start: ${this.output}`);
	}

	async stop(): Promise<void> {
		const child = this.process;
		if (!child) return;
		this.process = undefined;
		if (child.exitCode === null) {
			child.kill('SIGKILL');
			await once(child, 'exit');
		}
	}
}
