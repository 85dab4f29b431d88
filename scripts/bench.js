// `npm run bench`: size and speed figures for the offline workspace, measured in headless Chromium.
import { spawn, spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { chromium } from 'playwright-core';

const port = 4400;
const origin = `http://localhost:${port}`;
const runs = Number(process.env.BENCH_RUNS ?? 7);

if (!existsSync('build/index.js')) spawnSync('npm', ['run', 'build'], { stdio: 'inherit' });

const server = spawn(process.execPath, ['build'], {
	env: { ...process.env, PORT: String(port), HOST: '127.0.0.1' },
	stdio: 'ignore'
});
process.on('exit', () => server.kill());
for (let i = 0; i < 100; i++) {
	try {
		if ((await fetch(`${origin}/manifest.webmanifest`)).ok) break;
	} catch {
		await new Promise((r) => setTimeout(r, 100));
	}
}

const browser = await chromium.launch({
	executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
	args: [
		'--no-sandbox',
		'--disable-gpu',
		'--disable-background-networking',
		'--disable-component-update',
		'--disable-sync'
	]
});

const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

/** gzip bytes of every script the page loads before it settles. */
async function firstScreenJs(path, prepare) {
	const context = await browser.newContext({ serviceWorkers: 'block' });
	const page = await context.newPage();
	if (prepare) await prepare(page);
	const scripts = new Map();
	page.on('response', async (response) => {
		if (response.request().resourceType() === 'script') {
			scripts.set(response.url(), gzipSync(await response.body(), { level: 9 }).length);
		}
	});
	await page.goto(`${origin}${path}`, { waitUntil: 'networkidle' });
	await page.locator('h1').waitFor();
	await context.close();
	return [...scripts.values()].reduce((a, b) => a + b, 0);
}

async function onboard(page) {
	await page.goto(`${origin}/welcome`);
	await page.getByLabel('Your name').fill('Bench');
	await page.getByLabel("Your mentor's name").fill('Mentor');
	await page.getByRole('button', { name: 'Start' }).click();
	await page.locator('h1', { hasText: 'Hello' }).waitFor();
}

/** Writes journal entries straight into the app's IndexedDB, as years of use would. */
async function seedJournal(page, count) {
	await page.evaluate(async (n) => {
		const db = await new Promise((resolve, reject) => {
			const open = indexedDB.open('tandem');
			open.onsuccess = () => resolve(open.result);
			open.onerror = () => reject(open.error);
		});
		const words =
			'council scrutiny ward casework media budget planning chair committee radio leader group officer community confidence'.split(
				' '
			);
		const tx = db.transaction('journal', 'readwrite');
		const store = tx.objectStore('journal');
		for (let i = 0; i < n; i++) {
			const day = new Date(Date.UTC(2020, 0, 1) + i * 36e5 * 8);
			const at = day.toISOString();
			const body =
				Array.from({ length: 60 }, (_, k) => words[(i * 7 + k * 13) % words.length]).join(' ') +
				` entry${i}`;
			store.put({
				id: `bench-${i}`,
				createdAt: at,
				updatedAt: at,
				deleted: 0,
				deletedAt: null,
				entryDate: at.slice(0, 10),
				prompt: null,
				body,
				tags: [words[i % words.length]]
			});
		}
		await new Promise((resolve, reject) => {
			tx.oncomplete = resolve;
			tx.onerror = () => reject(tx.error);
		});
		db.close();
	}, count);
}

/** Milliseconds from navigation start to the first journal entry on screen. */
async function journalFirstRender(entries) {
	const context = await browser.newContext();
	const page = await context.newPage();
	await onboard(page);
	await seedJournal(page, entries);
	await page.addInitScript(() => {
		new MutationObserver((_, observer) => {
			if (document.querySelector('[data-testid="journal-entry"]')) {
				performance.mark('journal-rendered');
				observer.disconnect();
			}
		}).observe(document, { childList: true, subtree: true });
	});
	const times = [];
	for (let i = 0; i < runs; i++) {
		await page.goto(`${origin}/journal`);
		await page.locator('[data-testid="journal-entry"]').first().waitFor();
		times.push(
			await page.evaluate(() => performance.getEntriesByName('journal-rendered')[0].startTime)
		);
	}
	await context.close();
	return median(times);
}

/** Milliseconds from typing a query to the results on screen, over 5,000 entries. */
async function journalSearch(entries) {
	const context = await browser.newContext();
	const page = await context.newPage();
	await onboard(page);
	await seedJournal(page, entries);
	await page.goto(`${origin}/journal`);
	await page.locator('[data-testid="journal-entry"]').first().waitFor();
	const search = (query) =>
		page.evaluate(
			(q) =>
				new Promise((resolve) => {
					const input = document.querySelector('#journal-search');
					const start = performance.now();
					const observer = new MutationObserver(() => {
						const status = document.querySelector('search [role="status"]');
						if (status && status.dataset.query === q) {
							observer.disconnect();
							resolve(performance.now() - start);
						}
					});
					observer.observe(document.body, {
						childList: true,
						subtree: true,
						attributes: true,
						characterData: true
					});
					input.value = q;
					input.dispatchEvent(new Event('input', { bubbles: true }));
				}),
			query
		);
	const firstQuery = await search('scrutiny');
	const queries = [
		'budget',
		'radio leader',
		'casework',
		'planning chair',
		'confid',
		'entry4242',
		'community',
		'officer group',
		'media',
		'ward',
		'comittee',
		'council budget'
	];
	const times = [];
	for (const q of queries) times.push(await search(q));
	await context.close();
	return { firstQuery, median: median(times) };
}

const welcomeJs = await firstScreenJs('/welcome');
const todayJs = await firstScreenJs('/', onboard);
const render50 = await journalFirstRender(50);
const render5000 = await journalFirstRender(5000);
const search = await journalSearch(5000);

await browser.close();
server.kill();

const kb = (bytes) => `${(bytes / 1024).toFixed(1)} KB`;
const ms = (t) => `${t.toFixed(1)} ms`;
const rows = [
	['First screen JS, gzip (welcome, new user)', kb(welcomeJs), '≤ 80 KB'],
	['First screen JS, gzip (Today, returning user)', kb(todayJs), '≤ 80 KB'],
	['Journal first render, 50 entries (median)', ms(render50), ''],
	['Journal first render, 5,000 entries (median)', ms(render5000), ''],
	['Ratio 5,000 / 50', (render5000 / render50).toFixed(2), '≤ 1.3'],
	['Journal search, 5,000 entries, first query (builds index)', ms(search.firstQuery), ''],
	['Journal search, 5,000 entries (median of 12 queries)', ms(search.median), '< 30 ms']
];
console.log('\nTandem benchmarks (headless Chromium, this machine)\n');
for (const [name, value, target] of rows)
	console.log(`${name.padEnd(62)} ${value.padStart(10)}   ${target}`);
