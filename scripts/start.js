// `npm start` from a fresh clone: install what is missing, build if the sources changed, serve.
import { spawnSync, spawn } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';

const root = new URL('..', import.meta.url).pathname;
const port = process.env.PORT ?? '3000';
const host = process.env.HOST ?? '0.0.0.0';

function run(command, args) {
	const result = spawnSync(command, args, { cwd: root, stdio: 'inherit' });
	return result.status === 0;
}

function runOrExit(command, args) {
	if (!run(command, args)) process.exit(1);
}

function newest(path) {
	if (!existsSync(path)) return 0;
	const stat = statSync(path);
	if (!stat.isDirectory()) return stat.mtimeMs;
	return readdirSync(path).reduce((t, name) => Math.max(t, newest(join(path, name))), stat.mtimeMs);
}

const lockfile = join(root, 'package-lock.json');
const installed = join(root, 'node_modules', '.package-lock.json');
if (!existsSync(installed) || newest(lockfile) > newest(installed)) {
	console.log('Installing dependencies…');
	// Some registries lack other platforms' optional binaries, which makes `npm ci` refuse the
	// lock file; `npm install --no-save` then installs the same locked versions.
	if (!run('npm', ['ci', '--no-audit', '--no-fund'])) {
		runOrExit('npm', ['install', '--no-save', '--no-audit', '--no-fund']);
	}
}

const sources = [
	'src',
	'server',
	'static',
	'messages',
	'project.inlang',
	'package-lock.json',
	'vite.config.ts',
	'svelte.config.js'
];
const built = newest(join(root, 'build', 'index.js'));
if (built === 0 || sources.some((s) => newest(join(root, s)) > built)) {
	console.log('Building…');
	runOrExit('npm', ['run', 'build']);
}

const server = spawn(process.execPath, ['build'], {
	cwd: root,
	stdio: 'inherit',
	// adapter-node assumes https without ORIGIN, and SvelteKit would then refuse the coordinator
	// pages' form posts from http://localhost as cross-site. Set ORIGIN in production.
	// The scheme photo may be 2 MB, over adapter-node's default body limit of 512 KB.
	env: {
		ORIGIN: `http://localhost:${port}`,
		BODY_SIZE_LIMIT: '3M',
		...process.env,
		PORT: port,
		HOST: host
	}
});
for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => server.kill(signal));
// Killed by a signal it could not handle (SIGKILL): that is no success.
server.on('exit', (code) => process.exit(code ?? 1));

// The URL is printed once the database is migrated and the server answers.
for (let tries = 0; tries < 600; tries++) {
	try {
		if ((await fetch(`http://localhost:${port}/api/v1/health`)).ok) {
			console.log(`\nTandem is running at http://localhost:${port}\n`);
			break;
		}
	} catch {
		// not listening yet
	}
	await new Promise((r) => setTimeout(r, 100));
}
