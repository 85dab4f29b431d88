// `npm test`: every check and test the project has. The end-to-end suite is the longest and
// leaves a core mostly idle (it waits on the browser and the server), so lint and the unit and
// server tests run beside it. The type check and the build go first, one after the other: both
// write the generated translations and SvelteKit's types, which the others read. Output of the
// steps run beside another is printed whole when they end, so the logs do not interleave; the
// first failure stops everything.
import { spawn } from 'node:child_process';

/** @typedef {{ name: string, command: string, args: string[] }} Step */

/** @type {Record<string, Step>} */
const steps = {
	check: { name: 'Type check', command: 'npm', args: ['run', 'check'] },
	build: { name: 'Build', command: 'npm', args: ['run', 'build'] },
	lint: { name: 'Lint', command: 'npm', args: ['run', 'lint'] },
	unit: { name: 'Unit and server tests', command: 'npx', args: ['vitest', 'run'] },
	e2e: {
		name: 'End-to-end tests (headless Chromium)',
		command: 'npx',
		args: ['playwright', 'test']
	}
};

/** @type {{ name: string, ok: boolean, seconds: number }[]} */
const results = [];
/** @type {Set<import('node:child_process').ChildProcess>} */
const running = new Set();
let stopping = false;

/**
 * Runs one step; `live` streams its output, otherwise it is printed once the step ends.
 * @param {Step} step
 * @param {boolean} live
 * @returns {Promise<boolean>}
 */
function run(step, live) {
	return new Promise((resolve) => {
		if (stopping) return resolve(false);
		const started = Date.now();
		if (live) console.log(`\n=== ${step.name}\n`);
		const child = spawn(step.command, step.args, {
			stdio: live ? 'inherit' : ['ignore', 'pipe', 'pipe'],
			detached: true
		});
		let output = '';
		child.stdout?.on('data', (d) => (output += d));
		child.stderr?.on('data', (d) => (output += d));
		running.add(child);
		child.on('close', (code) => {
			running.delete(child);
			const ok = code === 0 && !stopping;
			const seconds = (Date.now() - started) / 1000;
			if (!live) console.log(`\n=== ${step.name} (ran beside the others)\n\n${output}`);
			results.push({ name: step.name, ok: code === 0, seconds });
			if (code !== 0 && !stopping) stopAll();
			resolve(ok);
		});
	});
}

/** Stops every step still running, with its children (the servers the tests started). */
function stopAll() {
	stopping = true;
	for (const child of running) {
		try {
			process.kill(-(child.pid ?? 0), 'SIGTERM');
		} catch {
			// already gone
		}
	}
}

// The steps run in their own process groups, so a Ctrl-C here has to reach them from here.
for (const signal of /** @type {const} */ (['SIGINT', 'SIGTERM'])) {
	process.on(signal, () => {
		stopAll();
		process.exit(130);
	});
}

const started = Date.now();
if ((await run(steps.check, true)) && (await run(steps.build, true))) {
	await Promise.all([
		run(steps.e2e, true),
		run(steps.lint, false).then((linted) => linted && run(steps.unit, false))
	]);
}

console.log('\n=== Summary');
for (const r of results)
	console.log(`${r.ok ? 'ok  ' : 'FAIL'} ${r.name} (${r.seconds.toFixed(0)} s)`);
const passed = results.filter((r) => r.ok).length;
const failed = Object.keys(steps).length - passed;
console.log(
	`steps: ${passed} passed, ${failed} failed or not run; ${((Date.now() - started) / 60000).toFixed(1)} min in all`
);
process.exit(failed === 0 ? 0 : 1);
