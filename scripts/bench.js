// `npm run bench`: size and speed figures for the offline workspace, measured in headless Chromium.
import { spawn, spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { chromium } from 'playwright-core';
import { chromiumArgs, executablePath } from './chromium.js';

const port = 4400;
const origin = `http://localhost:${port}`;
const runs = Number(process.env.BENCH_RUNS ?? 7);

if (!existsSync('build/index.js')) spawnSync('npm', ['run', 'build'], { stdio: 'inherit' });

const server = spawn(process.execPath, ['build'], {
	env: { ...process.env, PORT: String(port), HOST: '127.0.0.1', DATA_DIR: 'bench-results/data' },
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

const browser = await chromium.launch({ executablePath, args: chromiumArgs });

const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

/**
 * gzip bytes of the scripts a screen loads: those requested before it is drawn (its h1 is on
 * screen, timed inside the page), and all of them once the service worker is registered.
 */
/**
 * A script's body cannot be read once its page has navigated away (a reload by the app, say):
 * such a run is measured again rather than counted short.
 */
async function firstScreenJs(path, prepare, attempts = 3) {
	const measured = await measureFirstScreenJs(path, prepare);
	if (measured || attempts <= 1) return measured ?? { drawn: NaN, idle: NaN };
	return firstScreenJs(path, prepare, attempts - 1);
}

async function measureFirstScreenJs(path, prepare) {
	// A first visit: nothing cached, no service worker in control yet.
	const context = await browser.newContext();
	const page = await context.newPage();
	if (prepare) await prepare(page);
	await page.addInitScript(() => {
		new MutationObserver((_, observer) => {
			if (document.querySelector('h1')) {
				performance.mark('first-screen-drawn');
				observer.disconnect();
			}
		}).observe(document, { childList: true, subtree: true });
	});
	const sizes = new Map();
	const pending = [];
	let unread = false;
	page.on('response', (response) => {
		if (response.request().resourceType() !== 'script') return;
		pending.push(
			response
				.body()
				.then((body) => sizes.set(response.url(), gzipSync(body, { level: 9 }).length))
				.catch(() => (unread = true))
		);
	});
	await page.goto(`${origin}${path}`);
	await page.locator('h1').waitFor();
	await page.evaluate(() => navigator.serviceWorker.ready);
	await page.waitForLoadState('networkidle');
	await Promise.all(pending);
	const early = await page.evaluate(() => {
		const drawn = performance.getEntriesByName('first-screen-drawn')[0].startTime;
		return performance
			.getEntriesByType('resource')
			.filter((e) => e.startTime <= drawn)
			.map((e) => e.name);
	});
	await context.close();
	if (unread) return undefined;
	const sum = (urls) => urls.reduce((total, url) => total + (sizes.get(url) ?? 0), 0);
	return { drawn: sum(early), idle: sum([...sizes.keys()]) };
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
		// A journal's vocabulary: common words of the role and thousands of rarer ones, drawn
		// with a skew, so a query matches some entries rather than every one.
		const common = [
			...'council scrutiny ward casework media budget planning chair committee radio leader group',
			...' officer community confidence meeting residents question cabinet portfolio report motion',
			...' agenda briefing mentor learned listen speak felt next week'
		]
			.join('')
			.split(' ');
		const syllables = 'ca lo mi ter van gol rhi dw sen por tal ber wyn ly fa mor'.split(' ');
		const rare = Array.from(
			{ length: 4096 },
			(_, i) => syllables[i % 16] + syllables[(i >> 4) % 16] + syllables[(i >> 8) % 16]
		);
		let seed = 42;
		const random = () => (seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648;
		const word = () =>
			random() < 0.5
				? common[Math.floor(random() ** 2 * common.length)]
				: rare[Math.floor(random() ** 3 * rare.length)];
		const tx = db.transaction('journal', 'readwrite');
		const store = tx.objectStore('journal');
		for (let i = 0; i < n; i++) {
			const day = new Date(Date.UTC(2020, 0, 1) + i * 36e5 * 8);
			const at = day.toISOString();
			const body = `${Array.from({ length: 60 }, word).join(' ')} entry${i}`;
			store.put({
				id: `bench-${i}`,
				createdAt: at,
				updatedAt: at,
				deleted: 0,
				deletedAt: null,
				entryDate: at.slice(0, 10),
				prompt: null,
				body,
				tags: [common[i % common.length]]
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
		'portfolio',
		'cabinet report',
		'comittee',
		'calomi'
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
	['First screen JS, gzip: welcome (new user), until drawn', kb(welcomeJs.drawn), '≤ 80 KB'],
	['  with the service worker registration, once idle', kb(welcomeJs.idle), ''],
	['First screen JS, gzip: Today (returning user), until drawn', kb(todayJs.drawn), '≤ 80 KB'],
	['  with the service worker registration, once idle', kb(todayJs.idle), ''],
	['Journal first render, 50 entries (median)', ms(render50), ''],
	['Journal first render, 5,000 entries (median)', ms(render5000), ''],
	['Ratio 5,000 / 50', (render5000 / render50).toFixed(2), '≤ 1.3'],
	['Journal search, 5,000 entries, first query (builds index)', ms(search.firstQuery), ''],
	['Journal search, 5,000 entries (median of 12 queries)', ms(search.median), '< 30 ms']
];
console.log('\nTandem benchmarks (headless Chromium, this machine)\n');
for (const [name, value, target] of rows)
	console.log(`${name.padEnd(62)} ${value.padStart(10)}   ${target}`);
