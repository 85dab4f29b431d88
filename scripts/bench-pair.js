// `npm run bench`, third part: the pair link. How long a newly linked device takes to catch up
// on a pair's history of 5,000 operations, and how many bytes one edit costs on the wire once
// both devices are in step, next to the same edit in a pair with a history of 50.
import { createHash, randomBytes, randomUUID, webcrypto } from 'node:crypto';
import { mkdirSync, writeFileSync } from 'node:fs';
import { cpus, loadavg } from 'node:os';
import { join } from 'node:path';
import { deflateRawSync } from 'node:zlib';
import { chromium } from 'playwright-core';
import { chromiumArgs, executablePath } from './chromium.js';
import { copyOfBuild, loadBeforeRun, median, root, seedPglite, startApp } from './bench-support.js';

const port = 4420;
const origin = `http://localhost:${port}`;
const runs = Number(process.env.BENCH_RUNS ?? 3);
const { subtle } = webcrypto;

const b64url = (bytes) => Buffer.from(bytes).toString('base64url');
const sha256 = (text) => createHash('sha256').update(text).digest('hex');

// The wire format of src/lib/sync (pair-crypto, pair-message, compression, hybrid-clock), written out here
// because this script runs plain Node against the built server: a device elsewhere that pushed
// this pair's history, as the app would have.
async function linkProof(key, pairId) {
	const material = await subtle.importKey('raw', key, 'HKDF', false, ['deriveBits']);
	const bits = await subtle.deriveBits(
		{
			name: 'HKDF',
			hash: 'SHA-256',
			salt: Buffer.from('tandem'),
			info: Buffer.from(`tandem.pair-link.v1\n${pairId}`)
		},
		material,
		256
	);
	return b64url(new Uint8Array(bits));
}

async function seal(key, pairId, opId, plaintext) {
	const aes = await subtle.importKey('raw', key, 'AES-GCM', false, ['encrypt']);
	const iv = randomBytes(12);
	const sealed = await subtle.encrypt(
		{ name: 'AES-GCM', iv, additionalData: Buffer.from(`tandem.pair-op.v1\n${pairId}\n${opId}`) },
		aes,
		plaintext
	);
	return b64url(Buffer.concat([iv, Buffer.from(sealed)]));
}

const node = 'bbbbbbbbbbbbbbbb';
const stamp = (ms) => `${new Date(ms).toISOString()}-0000-${node}`;

/**
 * A pair's history as separate operations, one edit each: agenda items created, then renamed,
 * detailed, reordered and carried over, as months of use would leave it.
 */
function history(operations) {
	const items = Math.ceil(operations / 5);
	const start = Date.now() - 180 * 864e5;
	const ops = [];
	for (let step = 0; step < 5 && ops.length < operations; step++) {
		for (let i = 0; i < items && ops.length < operations; i++) {
			const at = start + (step * items + i) * 60_000;
			const id = `00000000-0000-4000-8000-${String(i).padStart(12, '0')}`;
			const fields = [
				{
					title: `Agenda item ${i}`,
					details: '',
					raisedBy: i % 2 ? 'mentor' : 'mentee',
					position: i + 1,
					discussedInSessionId: null,
					carriedOver: 0,
					createdAt: new Date(at).toISOString(),
					deleted: 0,
					deletedAt: null
				},
				{ title: `Agenda item ${i}, reworded after a week of thinking about it` },
				{ details: 'What I want to get out of it, and what I have tried so far.' },
				{ position: items - i },
				{ carriedOver: 1 }
			][step];
			ops.push({ v: 1, c: [{ t: 'agendaItems', r: id, s: stamp(at), f: fields }] });
		}
	}
	return { ops, items };
}

/** Scheme, people, a pair and three devices each: two browsers and the history's author. */
function seedSql(pairs) {
	const scheme = randomUUID();
	const lines = [
		`insert into schemes (id, name, organisation, pilot_starts_on, pilot_ends_on) values
		('${scheme}', 'Bench pairs', 'Bench Council', current_date - 200, current_date + 165);`
	];
	for (const pair of pairs) {
		lines.push(
			`insert into participants (id, scheme_id, role, name, joined_at) values
			('${pair.mentor}', '${scheme}', 'mentor', 'Bench Mentor', now()),
			('${pair.mentee}', '${scheme}', 'mentee', 'Bench Mentee', now());`,
			`insert into pairs (id, scheme_id, mentor_id, mentee_id, starts_on) values
			('${pair.id}', '${scheme}', '${pair.mentor}', '${pair.mentee}', current_date - 180);`
		);
		for (const device of Object.values(pair.devices)) {
			lines.push(
				`insert into devices (id, participant_id, secret_hash) values
				('${device.id}', '${device.participant}', '${sha256(device.secret)}');`
			);
		}
	}
	return { sql: lines.join('\n'), scheme };
}

function aPair(operations) {
	const pair = { id: randomUUID(), mentor: randomUUID(), mentee: randomUUID(), operations };
	const device = (participant) => ({
		id: randomUUID(),
		participant,
		secret: randomBytes(32).toString('base64url')
	});
	pair.devices = {
		author: device(pair.mentor),
		mentor: device(pair.mentor),
		mentee: device(pair.mentee)
	};
	pair.key = randomBytes(32);
	return pair;
}

const authorization = (d) => `Bearer ${d.id}.${d.secret}`;

/** The history's author links and pushes the history, 200 operations a request. */
async function pushHistory(pair) {
	const { author } = pair.devices;
	const headers = { authorization: authorization(author), 'content-type': 'application/json' };
	const linked = await fetch(`${origin}/api/v1/pairs/${pair.id}/link`, {
		method: 'PUT',
		headers,
		body: JSON.stringify({ proof: await linkProof(pair.key, pair.id) })
	});
	if (!linked.ok) throw new Error(`link: ${linked.status} ${await linked.text()}`);
	const { ops, items } = history(pair.operations);
	for (let i = 0; i < ops.length; i += 200) {
		const batch = await Promise.all(
			ops.slice(i, i + 200).map(async (message) => {
				const id = randomUUID();
				return {
					id,
					body: await seal(pair.key, pair.id, id, deflateRawSync(JSON.stringify(message)))
				};
			})
		);
		const pushed = await fetch(`${origin}/api/v1/pairs/${pair.id}/ops`, {
			method: 'POST',
			headers,
			body: JSON.stringify({ ops: batch })
		});
		if (!pushed.ok) throw new Error(`push: ${pushed.status} ${await pushed.text()}`);
	}
	pair.items = items;
	// The author gets none of its own operations back, so its cursor is the log's end.
	const end = await fetch(`${origin}/api/v1/pairs/${pair.id}/ops?after=0&limit=1`, { headers });
	pair.end = (await end.json()).cursor;
}

const browser = await chromium.launch({ executablePath, args: chromiumArgs });

/** A set-up device of one member, joined to the scheme (its credential written in as joining would). */
async function aDevice(pair, role) {
	const context = await browser.newContext();
	const page = await context.newPage();
	await page.goto(`${origin}/welcome`);
	await page.getByRole('radio', { name: role === 'mentee' ? /Mentee/ : /Mentor/ }).check();
	await page.getByLabel('Your name').fill(`Bench ${role}`);
	await page
		.getByLabel(role === 'mentee' ? "Your mentor's name" : "Your mentee's name")
		.fill('Partner');
	await page.getByRole('button', { name: 'Start' }).click();
	await page.locator('h1', { hasText: 'Hello' }).waitFor();
	const device = pair.devices[role];
	await page.evaluate(
		async ({ device, pairId, role }) => {
			const db = await new Promise((resolve, reject) => {
				const open = indexedDB.open('tandem');
				open.onsuccess = () => resolve(open.result);
				open.onerror = () => reject(open.error);
			});
			const tx = db.transaction(['profile', 'membership', 'schemePairs'], 'readwrite');
			const profile = tx.objectStore('profile').get('me');
			profile.onsuccess = () => {
				tx.objectStore('membership').put({
					id: 'me',
					schemeId: '00000000-0000-4000-8000-000000000000',
					schemeName: 'Bench pairs',
					organisation: 'Bench Council',
					participantId: device.participant,
					role,
					name: `Bench ${role}`,
					deviceId: device.id,
					deviceSecret: device.secret,
					joinedAt: new Date().toISOString(),
					revokedAt: null,
					lastSyncedAt: null,
					lastProblem: null
				});
				tx.objectStore('schemePairs').put({
					id: pairId,
					localPairId: profile.result.currentPairId,
					role,
					partnerName: 'Partner',
					startsOn: '2026-05-01',
					endsOn: null,
					status: 'active'
				});
			};
			await new Promise((resolve, reject) => {
				tx.oncomplete = resolve;
				tx.onerror = () => reject(tx.error);
			});
			db.close();
		},
		{ device, pairId: pair.id, role }
	);
	return { context, page };
}

/** Every record of one table of the device's database, read from inside the page. */
const readAll = (page, store) =>
	page.evaluate(
		(name) =>
			new Promise((resolve, reject) => {
				const open = indexedDB.open('tandem');
				open.onerror = () => reject(open.error);
				open.onsuccess = () => {
					const db = open.result;
					const all = db.transaction(name).objectStore(name).getAll();
					all.onsuccess = () => {
						db.close();
						resolve(all.result);
					};
				};
			}),
		store
	);

/** How far this device has read the pair's log (a small read, so it hardly slows the app). */
const cursorOf = async (page) => (await readAll(page, 'pairChannels'))[0]?.cursor ?? 0;

/** The agenda items that hold the history's last edit (the fifth: carried over once). */
const finishedItems = async (page) =>
	(await readAll(page, 'agendaItems')).filter((i) => i.carriedOver === 1 && i.details !== '')
		.length;

/**
 * Opens the pair's QR link on the device (as scanning it would) and waits until it has applied
 * the whole log, checking every item holds its last edit; milliseconds from opening the link.
 */
async function linkAndCatchUp(device, pair) {
	const started = performance.now();
	await device.page.goto(`${origin}/link#v=1&p=${pair.id}&k=${b64url(pair.key)}`);
	for (;;) {
		const cursor = await cursorOf(device.page);
		if (cursor >= pair.end) {
			const elapsed = performance.now() - started;
			const finished = await finishedItems(device.page);
			if (finished !== pair.items) throw new Error(`${finished} of ${pair.items} items caught up`);
			return elapsed;
		}
		if (performance.now() - started > 120_000) throw new Error(`catch-up stalled at ${cursor}`);
		await new Promise((r) => setTimeout(r, 50));
	}
}

/**
 * Wire bytes of the requests a sync round makes to the pair's log, and how many operations
 * each pull carried: pulls pass through a route that reads the reply before the page gets it
 * (once the page navigates away, a reply's body can no longer be read).
 */
async function recordRequests(page) {
	const carried = new Map();
	await page.route(/\/api\/v1\/pairs\/[^/]+\/ops\?/, async (route) => {
		const response = await route.fetch();
		carried.set(route.request(), (await response.json()).ops.length);
		await route.fulfill({ response });
	});
	const seen = [];
	page.on('requestfinished', (request) => {
		if (!/\/api\/v1\/pairs\/[^/]+\/ops/.test(request.url())) return;
		seen.push(
			request.sizes().then((sizes) => ({
				method: request.method(),
				sizes,
				ops: carried.get(request) ?? 0
			}))
		);
	});
	return async () => {
		const rows = await Promise.all(seen);
		seen.length = 0;
		return rows;
	};
}

async function syncNow(page) {
	await page.goto(`${origin}/pair`);
	const button = page.getByRole('button', { name: 'Sync now' });
	await button.click();
	await button.waitFor({ state: 'visible' });
	await page.getByText('Changes waiting to go: 0').waitFor();
	await page.waitForFunction(
		() => !document.querySelector('button[disabled]')?.textContent?.includes('Syncing')
	);
}

/** One edit on the mentee's device, sent, and received by the mentor's: bytes of the bodies. */
async function oneEdit(mentee, mentor, edit) {
	await syncNow(mentor.page);
	await mentor.recorded();
	await edit(mentee.page);
	await syncNow(mentee.page);
	const push = (await mentee.recorded()).filter((r) => r.method === 'POST');
	await syncNow(mentor.page);
	// Only the pull that carried the edit: a device looks for changes now and then anyway.
	const pull = (await mentor.recorded()).filter((r) => r.method === 'GET' && r.ops > 0);
	const body = (rows, key) => rows.reduce((n, r) => n + r.sizes[key], 0);
	return {
		pushBody: body(push, 'requestBodySize'),
		pullBody: body(pull, 'responseBodySize'),
		requests: push.length + pull.length
	};
}

const addAgendaItem = async (page) => {
	await page.goto(`${origin}/agenda`);
	await page.getByLabel('Topic').fill('Media training before the budget meeting');
	await page.getByRole('button', { name: 'Add to the agenda' }).click();
	await page.getByText('Media training before the budget meeting', { exact: true }).waitFor();
};
const moveItemUp = async (page) => {
	await page.goto(`${origin}/agenda`);
	await page
		.getByRole('button', { name: /^Move up/ })
		.nth(1)
		.click();
	await page.waitForTimeout(200);
};

const work = copyOfBuild();
const dataDir = join(work, 'pair-data');
const env = { DATA_DIR: dataDir, DATABASE_URL: '' };
const big = aPair(5_000);
const small = aPair(50);
const loadBefore = loadBeforeRun();

let app = await startApp(work, port, env);
await app.stop();
await seedPglite(join(dataDir, 'pglite'), seedSql([big, small]).sql);
app = await startApp(work, port, env);
const results = { catchUp: [], edits: {} };
try {
	const pushStarted = performance.now();
	await pushHistory(big);
	const pushSeconds = (performance.now() - pushStarted) / 1000;
	await pushHistory(small);

	for (let run = 0; run < runs; run++) {
		// A fresh device each run: nothing cached, nothing applied.
		const device = await aDevice(big, 'mentee');
		results.catchUp.push(await linkAndCatchUp(device, big));
		await device.context.close();
	}
	for (const pair of [small, big]) {
		const mentee = await aDevice(pair, 'mentee');
		const mentor = await aDevice(pair, 'mentor');
		await linkAndCatchUp(mentee, pair);
		await linkAndCatchUp(mentor, pair);
		mentee.recorded = await recordRequests(mentee.page);
		mentor.recorded = await recordRequests(mentor.page);
		results.edits[pair.operations] = {
			add: await oneEdit(mentee, mentor, addAgendaItem),
			move: await oneEdit(mentee, mentor, moveItemUp)
		};
		await mentee.context.close();
		await mentor.context.close();
	}
	results.pushSeconds = pushSeconds;
} finally {
	await browser.close();
	await app.stop();
}

results.date = new Date().toISOString();
results.machine = { cpus: cpus().length, loadAverage: { before: loadBefore, after: loadavg()[0] } };
mkdirSync(join(root, 'bench-results'), { recursive: true });
writeFileSync(join(root, 'bench-results/pair.json'), JSON.stringify(results, null, '\t') + '\n');

const s = (ms) => `${(ms / 1000).toFixed(2)} s`;
const bytes = (n) => `${n} B`;
const rows = [
	[`Catch-up, 5,000 operations, new device (median of ${runs})`, s(median(results.catchUp)), ''],
	['  slowest', s(Math.max(...results.catchUp)), ''],
	['  the author pushing the 5,000 (25 requests of 200)', s(results.pushSeconds * 1000), '']
];
for (const [history, edits] of Object.entries(results.edits)) {
	for (const [name, e] of Object.entries(edits)) {
		const label = name === 'add' ? 'add an agenda item' : 'move one up (two records)';
		rows.push([
			`One edit, history of ${history}: ${label}, push + pull bodies`,
			bytes(e.pushBody + e.pullBody),
			'< 1 KB'
		]);
	}
}
console.log('\nTandem pair link benchmarks (headless Chromium, loopback, this machine)\n');
for (const [name, value, target] of rows) {
	console.log(`${name.padEnd(66)} ${value.padStart(10)}   ${target}`);
}
