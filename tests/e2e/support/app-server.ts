import { spawn, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** What the tests' servers run with, as `npm start` would set it. */
export function serverEnv(port: number, dataDir: string): NodeJS.ProcessEnv {
	return {
		...process.env,
		PORT: String(port),
		HOST: '127.0.0.1',
		// Without it adapter-node assumes https, and SvelteKit refuses the coordinator pages'
		// form posts from http://localhost as cross-site.
		ORIGIN: `http://localhost:${port}`,
		// As `npm start` sets it: the scheme photo may be 2 MB.
		BODY_SIZE_LIMIT: '3M',
		DATA_DIR: dataDir,
		// Every test device joins from 127.0.0.1; the limits themselves are tested on their own.
		RATE_LIMIT_SCALE: '50'
	};
}

/** Waits until the server answers its health check, or throws with what it printed. */
export async function waitForHealth(
	origin: string,
	child: ChildProcess,
	output: () => string,
	timeout = 60_000
): Promise<void> {
	const deadline = Date.now() + timeout;
	while (Date.now() < deadline) {
		if (child.exitCode !== null || child.signalCode !== null) {
			throw new Error(`server exited: ${output()}`);
		}
		try {
			const response = await fetch(`${origin}/api/v1/health`);
			if (response.ok) return;
		} catch {
			// not listening yet
		}
		await new Promise((r) => setTimeout(r, 100));
	}
	throw new Error(`server did not start: ${output()}`);
}

/**
 * The real production server (`node build`) as a child process the tests can stop and start,
 * so "offline" means the server is gone, not a browser emulation.
 */
export class AppServer {
	private process: ChildProcess | undefined;
	private output = '';
	// Each test server keeps its embedded database apart from the developer's ./data.
	readonly dataDir: string;
	private extraEnv: NodeJS.ProcessEnv;

	constructor(
		readonly port: number,
		private buildDir = 'build',
		options: { dataDir?: string; env?: NodeJS.ProcessEnv } = {}
	) {
		this.dataDir = options.dataDir ?? mkdtempSync(join(tmpdir(), 'tandem-e2e-'));
		this.extraEnv = options.env ?? {};
	}

	get origin(): string {
		return `http://localhost:${this.port}`;
	}

	/** The server process's id while it runs. */
	get pid(): number | undefined {
		return this.process?.pid;
	}

	/** Everything the server has printed. */
	get log(): string {
		return this.output;
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
			env: { ...serverEnv(this.port, this.dataDir), ...this.extraEnv },
			stdio: ['ignore', 'pipe', 'pipe']
		});
		child.stdout?.on('data', (d) => (this.output += d));
		child.stderr?.on('data', (d) => (this.output += d));
		this.process = child;
		try {
			// Creating the embedded database runs initdb in WebAssembly: slow on a busy two-core machine.
			await waitForHealth(this.origin, child, () => this.output);
		} catch (error) {
			await this.stop();
			throw error;
		}
	}

	/** Kills the server outright, as a crash or a pulled plug would. */
	async stop(): Promise<void> {
		const child = this.process;
		if (!child) return;
		this.process = undefined;
		if (child.exitCode === null && child.signalCode === null) {
			child.kill('SIGKILL');
			await once(child, 'exit');
		}
	}

	/** Asks the server to stop (SIGTERM, as systemd or Docker would) and waits for its exit. */
	async terminate(signal: NodeJS.Signals = 'SIGTERM'): Promise<number | null> {
		const child = this.process;
		if (!child) return null;
		this.process = undefined;
		if (child.exitCode !== null || child.signalCode !== null) return child.exitCode;
		const exited = once(child, 'exit') as Promise<[number | null]>;
		child.kill(signal);
		const [code] = await exited;
		return code;
	}
}

/** Runs `node build` expecting it to refuse to start: its exit code and everything it printed. */
export async function refusedStart(
	port: number,
	dataDir: string,
	command: string[] = [process.execPath, 'build']
): Promise<{ code: number | null; output: string }> {
	const [file, ...args] = command;
	const child = spawn(file!, args, {
		env: serverEnv(port, dataDir),
		stdio: ['ignore', 'pipe', 'pipe']
	});
	let output = '';
	child.stdout?.on('data', (d) => (output += d));
	child.stderr?.on('data', (d) => (output += d));
	// A server that starts after all is stopped, and its null exit code fails the test.
	const timer = setTimeout(() => child.kill('SIGKILL'), 90_000);
	const [code] = (await once(child, 'exit')) as [number | null];
	clearTimeout(timer);
	return { code, output };
}
