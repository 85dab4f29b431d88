// `npm test`: every check and test the project has, in the order that fails fastest.
import { spawnSync } from 'node:child_process';

const steps = [
	['Type check', 'npm', ['run', 'check']],
	['Lint', 'npm', ['run', 'lint']],
	['Unit tests', 'npx', ['vitest', 'run']],
	['Build', 'npm', ['run', 'build']],
	['End-to-end tests (headless Chromium)', 'npx', ['playwright', 'test']]
];

const results = [];
for (const [name, command, args] of steps) {
	console.log(`\n=== ${name}\n`);
	const started = Date.now();
	const { status } = spawnSync(command, args, { stdio: 'inherit' });
	results.push({ name, ok: status === 0, seconds: (Date.now() - started) / 1000 });
	if (status !== 0) break;
}

console.log('\n=== Summary');
for (const r of results)
	console.log(`${r.ok ? 'ok  ' : 'FAIL'} ${r.name} (${r.seconds.toFixed(0)} s)`);
const failed = results.filter((r) => !r.ok).length + (steps.length - results.length);
console.log(`steps: ${results.filter((r) => r.ok).length} passed, ${failed} failed`);
process.exit(failed === 0 ? 0 : 1);
