// `npm run bench`, second half: the scheme server on this machine. Metrics uploads under load
// (autocannon over loopback) on PGlite, on PostgreSQL when TEST_DATABASE_URL or DATABASE_URL is
// set, and on a bare Node handler for scale; then the coordinator dashboard of a large scheme.
import { createHash, randomBytes, randomUUID } from 'node:crypto';
import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { cpus, loadavg } from 'node:os';
import { join } from 'node:path';
import autocannon from 'autocannon';
import {
	copyOfBuild,
	loadBeforeRun,
	median,
	onEachDatabase,
	root,
	startApp as startAppIn,
	startProcess as startProcessIn
} from './bench-support.js';

const ports = { pglite: 4410, postgres: 4411, bare: 4412 };
const seconds = Number(process.env.BENCH_SECONDS ?? 10);
const connections = 20;
const runs = Number(process.env.BENCH_RUNS ?? 7);
const devicesCount = 200;
const dashboardPairs = 2000;
const weeks = 104;
const postgresUrl = process.env.TEST_DATABASE_URL || process.env.DATABASE_URL;

const work = copyOfBuild();
const startProcess = (...args) => startProcessIn(work, ...args);
const startApp = (...args) => startAppIn(work, ...args);

// The least an HTTP server does for this request: read the JSON body and answer in JSON.
const bareServer = `require('node:http')
	.createServer((req, res) => {
		const chunks = [];
		req.on('data', (chunk) => chunks.push(chunk));
		req.on('end', () => {
			const payload = chunks.length ? JSON.parse(Buffer.concat(chunks)) : {};
			const body = JSON.stringify({ outcome: 'applied', pair: payload.pair });
			res.writeHead(200, { 'content-type': 'application/json', 'cache-control': 'no-store' });
			res.end(body);
		});
	})
	.listen(Number(process.env.PORT), process.env.HOST);`;

/** Are the coordinator pages (sign-up, dashboard) in this build? */
function hasCoordinatorPages() {
	const dir = join(work, 'build/server');
	return readdirSync(dir, { recursive: true })
		.filter((file) => /manifest[^/]*\.js$/.test(file))
		.some((file) => readFileSync(join(dir, file), 'utf8').includes('"/coordinator/sign-up"'));
}

const day = (date) => date.toISOString().slice(0, 10);
const daysAgo = (n) => new Date(Date.now() - n * 864e5);
const sha256 = (text) => createHash('sha256').update(text).digest('hex');

/** "2025-W07" for the ISO week holding this date. */
function isoWeek(date) {
	const d = new Date(Date.UTC(date.getUTCFullYear(), date.getUTCMonth(), date.getUTCDate()));
	d.setUTCDate(d.getUTCDate() + 4 - (d.getUTCDay() || 7));
	const year = d.getUTCFullYear();
	const week = Math.ceil(((d - Date.UTC(year, 0, 1)) / 864e5 + 1) / 7);
	return `${year}-W${String(week).padStart(2, '0')}`;
}

/**
 * 100 pairs of the upload scheme and a device per member, with known secrets. Each credential
 * carries the JSON of its payload minus the two fields that change per request.
 */
function uploadFixtures(schemeId) {
	const participants = [];
	const devices = [];
	const pairs = [];
	const credentials = [];
	for (let i = 0; i < devicesCount / 2; i++) {
		const pair = { id: randomUUID(), mentor: randomUUID(), mentee: randomUUID() };
		pairs.push(pair);
		for (const [role, participantId] of [
			['mentor', pair.mentor],
			['mentee', pair.mentee]
		]) {
			const deviceId = randomUUID();
			const secret = randomBytes(32).toString('base64url');
			participants.push({ id: participantId, role, name: `Upload ${role} ${i + 1}` });
			devices.push({ id: deviceId, participantId, hash: sha256(secret) });
			// About five months of weekly sessions and wins: a typical report.
			const dates = Array.from({ length: 20 }, (_, k) => daysAgo(7 * k + (i % 7)));
			const payload = {
				version: 1,
				pair: pair.id,
				sessionsHeld: dates.map((d, k) => ({ on: day(d), minutes: 30 + ((k * 17 + i) % 60) })),
				sessionsScheduled: 22,
				agendaItemsRaised: 30,
				agendaItemsDiscussed: 25,
				goalsSet: 5,
				goalsAchieved: 2,
				goalsDropped: 1,
				actionsOpen: 3,
				actionsDone: 12,
				winsByWeek: dates.map((d, k) => ({ week: isoWeek(d), wins: 1 + (k % 3) })),
				agreementOn: day(dates.at(-1)),
				lastActivityOn: day(dates[0])
			};
			credentials.push({
				authorization: `Bearer ${deviceId}.${secret}`,
				rest: JSON.stringify(payload).slice(1)
			});
		}
	}
	const values = (rows, row) => rows.map(row).join(',\n');
	const sql = `
		insert into participants (id, scheme_id, role, name, joined_at) values
		${values(participants, (p) => `('${p.id}', '${schemeId}', '${p.role}', '${p.name}', now())`)};
		insert into devices (id, participant_id, secret_hash) values
		${values(devices, (d) => `('${d.id}', '${d.participantId}', '${d.hash}')`)};
		insert into pairs (id, scheme_id, mentor_id, mentee_id, starts_on) values
		${values(pairs, (p) => `('${p.id}', '${schemeId}', '${p.mentor}', '${p.mentee}', current_date - 150)`)};`;
	return { sql, credentials };
}

/**
 * A scheme two years in: 2,000 pairs whose mentees reported a session every week (ending up
 * to eight weeks ago, so some pairs are stalling), wins in most weeks, and the dashboard's
 * pair_progress rows computed from those reports as the server would.
 */
function dashboardSql(schemeId) {
	return `
		create temp table bench_pairs as
			select i, i % 9 as lag, gen_random_uuid() as pair_id,
				gen_random_uuid() as mentor_id, gen_random_uuid() as mentee_id
			from generate_series(1, ${dashboardPairs}) i;
		insert into participants (id, scheme_id, role, name, joined_at)
			select mentor_id, '${schemeId}'::uuid, 'mentor', 'Mentor ' || lpad(i::text, 4, '0'), now() - interval '2 years'
			from bench_pairs
			union all
			select mentee_id, '${schemeId}'::uuid, 'mentee', 'Mentee ' || lpad(i::text, 4, '0'), now() - interval '2 years'
			from bench_pairs;
		insert into pairs (id, scheme_id, mentor_id, mentee_id, starts_on, ends_on, status)
			select pair_id, '${schemeId}'::uuid, mentor_id, mentee_id, current_date - 7 * (${weeks} + lag),
				case when i % 20 = 0 then current_date - 7 * lag else current_date + 180 end,
				case i % 20 when 0 then 'ended' when 1 then 'paused' else 'active' end
			from bench_pairs;
		insert into pair_reports (pair_id, participant_id, generated_at, sessions_held,
				sessions_scheduled, agenda_items_raised, agenda_items_discussed, goals_set,
				goals_achieved, goals_dropped, actions_open, actions_done, wins_by_week, agreement_on,
				last_activity_on)
			select pair_id, mentee_id, now() - interval '1 week' * lag,
				(select jsonb_agg(jsonb_build_object(
						'on', to_char(current_date - 7 * (w + lag), 'YYYY-MM-DD'),
						'minutes', 30 + (i * 7 + w * 13) % 61) order by w desc)
					from generate_series(0, ${weeks - 1}) w),
				${weeks + 6}, 150, 120, 3 + i % 5, i % 4, i % 2, i % 3, 40 + i % 7,
				(select coalesce(jsonb_agg(jsonb_build_object(
						'week', to_char(current_date - 7 * (w + lag), 'IYYY-"W"IW'),
						'wins', (i + w) % 4) order by w desc), '[]'::jsonb)
					from generate_series(0, ${weeks - 1}) w where (i + w) % 4 > 0),
				current_date - 7 * (${weeks} + lag) + 14, current_date - 7 * lag
			from bench_pairs;
		insert into pair_progress (pair_id, sessions_held, minutes_held, last_met_on,
				sessions_scheduled, goals_set, goals_achieved, wins_logged, agreement_on, last_activity_on)
			select r.pair_id, jsonb_array_length(r.sessions_held),
				(select sum((s->>'minutes')::int) from jsonb_array_elements(r.sessions_held) s),
				(select max((s->>'on')::date) from jsonb_array_elements(r.sessions_held) s),
				r.sessions_scheduled, r.goals_set, r.goals_achieved,
				(select coalesce(sum((w->>'wins')::int), 0) from jsonb_array_elements(r.wins_by_week) w),
				r.agreement_on, r.last_activity_on
			from bench_pairs b
			join pair_reports r on r.pair_id = b.pair_id;
		drop table bench_pairs;`;
}

/** Everything both runs insert, as one script of plain SQL (no parameters). */
function seedSql(coordinatorEmail) {
	const uploadScheme = randomUUID();
	const dashboardScheme = randomUUID();
	const uploads = uploadFixtures(uploadScheme);
	const sql = `
		insert into schemes (id, name, organisation, pilot_starts_on, pilot_ends_on) values
			('${uploadScheme}', 'Bench uploads', 'Bench Council', current_date - 150, current_date + 215),
			('${dashboardScheme}', 'Bench dashboard', 'Bench Council', current_date - 760, current_date + 200);
		${uploads.sql}
		${dashboardSql(dashboardScheme)}
		${
			coordinatorEmail
				? `insert into scheme_coordinators (scheme_id, user_id)
					select '${dashboardScheme}'::uuid, id from auth_users where email = '${coordinatorEmail}';`
				: ''
		}
		analyze;`;
	return { sql, credentials: uploads.credentials, dashboardScheme };
}

/** A new coordinator account through the sign-up form; returns its session cookie. */
async function signUp(app, port) {
	const email = `bench-${Date.now()}@example.org`;
	const response = await fetch(`${app.origin}/coordinator/sign-up`, {
		method: 'POST',
		redirect: 'manual',
		headers: {
			'content-type': 'application/x-www-form-urlencoded',
			origin: `http://localhost:${port}`
		},
		body: new URLSearchParams({ name: 'Bench Coordinator', email, password: 'bench-password-1' })
	});
	const cookies = response.headers
		.getSetCookie()
		.map((c) => c.split(';')[0])
		.filter((c) => c.startsWith('tandem'));
	if (cookies.length === 0) {
		throw new Error(`Sign-up gave no session cookie (HTTP ${response.status}):\n${app.output()}`);
	}
	return { email, cookie: cookies.join('; ') };
}

// Reports are whole snapshots and an older one is not applied: keep generatedAt increasing.
let lastGenerated = 0;
const generatedAt = () => new Date((lastGenerated = Math.max(Date.now(), lastGenerated + 1)));

/**
 * autocannon against POST /api/v1/metrics, each request a random device and a new upload. A
 * device waits for its answer before it uploads again, as the app does, so none of its
 * reports overtakes another and is refused as stale.
 */
async function uploadLoad(origin, credentials, duration) {
	const outcomes = {};
	const busy = new Set();
	let firstFailure;
	const result = await autocannon({
		url: origin,
		connections,
		duration,
		requests: [
			{
				method: 'POST',
				path: '/api/v1/metrics',
				// The context lives from building a request to reading its response.
				setupRequest: (request, context) => {
					let c;
					for (let tries = 0; tries < 10 && (!c || busy.has(c)); tries++) {
						c = credentials[Math.floor(Math.random() * credentials.length)];
					}
					busy.add(c);
					context.credential = c;
					return {
						...request,
						headers: {
							...request.headers,
							'content-type': 'application/json',
							authorization: c.authorization
						},
						body: `{"uploadId":"${randomUUID()}","generatedAt":"${generatedAt().toISOString()}",${c.rest}`
					};
				},
				onResponse: (status, body, context) => {
					busy.delete(context.credential);
					let outcome = `HTTP ${status}`;
					if (status === 200) outcome = JSON.parse(body).outcome;
					else firstFailure ??= `HTTP ${status}: ${body.slice(0, 300)}`;
					outcomes[outcome] = (outcomes[outcome] ?? 0) + 1;
				}
			}
		]
	});
	return {
		requestsPerSecond: result.requests.average,
		p50: result.latency.p50,
		p99: result.latency.p99,
		requests: result.requests.total,
		non2xx: result.non2xx,
		errors: result.errors,
		timeouts: result.timeouts,
		outcomes,
		firstFailure
	};
}

/** A short unmeasured run, so the measured one starts with warm JIT code and connections. */
async function loadTest(name, origin, credentials) {
	const warm = await uploadLoad(origin, credentials, 2);
	if (warm.firstFailure) console.warn(`  ${name}: warm-up failure: ${warm.firstFailure}`);
	const result = await uploadLoad(origin, credentials, seconds);
	console.log(
		`  ${name}: ${result.requestsPerSecond.toFixed(0)} req/s, p50 ${result.p50} ms, p99 ${result.p99} ms, ` +
			`non-2xx ${result.non2xx}, outcomes ${JSON.stringify(result.outcomes)}`
	);
	if (result.firstFailure) console.warn(`  first failure: ${result.firstFailure}`);
	return result;
}

/** Milliseconds from sending a GET to having the whole body; the first is kept apart. */
async function timeGets(url, cookie, check) {
	const times = [];
	let first;
	let bytes;
	for (let i = 0; i <= runs; i++) {
		const start = performance.now();
		const response = await fetch(url, { headers: { cookie }, redirect: 'manual' });
		const body = await response.text();
		const elapsed = performance.now() - start;
		if (response.status !== 200) throw new Error(`GET ${url}: HTTP ${response.status}`);
		check(body);
		if (i === 0) first = elapsed;
		else times.push(elapsed);
		bytes = Buffer.byteLength(body);
	}
	return { median: median(times), max: Math.max(...times), first, runs: times.length, bytes };
}

async function dashboardTimes(app, cookie, schemeId) {
	const page = `${app.origin}/coordinator/schemes/${schemeId}`;
	const dashboard = await timeGets(page, cookie, (html) => {
		if (!html.includes(`Mentor ${dashboardPairs}`)) throw new Error('Dashboard lacks its pairs');
	});
	const csv = await timeGets(`${page}/pairs.csv`, cookie, (text) => {
		const lines = text.trimEnd().split('\r\n').length;
		if (lines !== dashboardPairs + 1) throw new Error(`CSV has ${lines} lines`);
	});
	console.log(
		`  dashboard ${dashboard.median.toFixed(0)} ms (max ${dashboard.max.toFixed(0)}), ` +
			`CSV ${csv.median.toFixed(0)} ms (max ${csv.max.toFixed(0)})`
	);
	return { dashboard, csv };
}

/**
 * One database: start the app (it migrates), sign a coordinator up, seed, then measure the
 * dashboard and the uploads. `seed` runs the SQL; with PGlite it needs the app stopped.
 */
async function benchApp(name, port, env, seed, exclusive) {
	console.log(`${name}: migrating and seeding…`);
	let app = await startApp(port, env);
	const coordinator = coordinatorPages ? await signUp(app, port) : undefined;
	if (exclusive) await app.stop();
	const seeded = seedSql(coordinator?.email);
	const seedStart = performance.now();
	// A failed statement would print the whole script; its message is enough.
	await seed(seeded.sql).catch((e) => {
		throw new Error(`${name}: seeding failed: ${e.message}`);
	});
	const seedSeconds = (performance.now() - seedStart) / 1000;
	if (exclusive) app = await startApp(port, env);
	try {
		const pages = coordinator
			? await dashboardTimes(app, coordinator.cookie, seeded.dashboardScheme)
			: {};
		const uploads = await loadTest(name, app.origin, seeded.credentials);
		return { seedSeconds, ...pages, uploads };
	} finally {
		await app.stop();
	}
}

const loadBefore = loadBeforeRun();

const coordinatorPages = hasCoordinatorPages();
if (!coordinatorPages) {
	console.log('The build has no coordinator pages yet: the dashboard figures are skipped.');
}

console.log('Bare Node http handler…');
const bare = await startProcess('Bare server', ['-e', bareServer], ports.bare, {}, '/');
const bareUploads = await loadTest('bare', bare.origin, seedSql().credentials);
await bare.stop();

const { pglite, pg } = await onEachDatabase(
	{ work, ports, postgresUrl, scratchName: 'tandem_bench' },
	benchApp
);

const results = {
	date: new Date().toISOString(),
	machine: {
		cpus: cpus().length,
		node: process.version,
		loadAverage: { before: loadBefore, after: loadavg()[0] }
	},
	settings: { connections, seconds, devices: devicesCount, dashboardPairs, weeks, runs },
	bare: bareUploads,
	pglite,
	postgres: pg ?? null
};
mkdirSync(join(root, 'bench-results'), { recursive: true });
writeFileSync(join(root, 'bench-results/server.json'), JSON.stringify(results, null, '\t') + '\n');

const ms = (t) => `${t.toFixed(t < 10 ? 1 : 0)} ms`;
const perSecond = (r) => `${r.requestsPerSecond.toFixed(0)} req/s`;
const rows = [];
for (const [label, run] of [
	['PGlite', pglite],
	['PostgreSQL', pg]
]) {
	if (!run) continue;
	const u = run.uploads;
	rows.push(
		[`Metrics upload, ${label}, 200 devices`, perSecond(u), ''],
		['  latency p50', ms(u.p50), ''],
		['  latency p99', ms(u.p99), ''],
		['  non-2xx responses, errors', `${u.non2xx}, ${u.errors}`, '0, 0'],
		[
			'  ratio to the bare Node handler',
			(u.requestsPerSecond / bareUploads.requestsPerSecond).toFixed(3),
			''
		]
	);
}
rows.push(
	['Bare Node http handler, same requests', perSecond(bareUploads), ''],
	['  latency p50 / p99', `${bareUploads.p50} / ${bareUploads.p99} ms`, '']
);
for (const [label, run] of [
	['PGlite', pglite],
	['PostgreSQL', pg]
]) {
	if (!run?.dashboard) continue;
	const { dashboard, csv } = run;
	rows.push(
		[
			`Dashboard, 2,000 pairs, 2 years, ${label} (median of ${runs})`,
			ms(dashboard.median),
			'< 300 ms'
		],
		['  max', ms(dashboard.max), '< 300 ms'],
		['  first request after start (not in the above)', ms(dashboard.first), ''],
		['  page size', `${(dashboard.bytes / 1024).toFixed(0)} KB`, ''],
		[`Pairs CSV, 2,000 pairs, ${label} (median of ${runs})`, ms(csv.median), ''],
		['  max', ms(csv.max), '']
	);
}
console.log(
	`\nTandem scheme server benchmarks (${connections} connections, ${seconds} s, loopback, ` +
		`${cpus().length} CPUs)\n`
);
for (const [name, value, target] of rows)
	console.log(`${name.padEnd(62)} ${value.padStart(14)}   ${target}`);
if (!postgresUrl) console.log('\nPostgreSQL skipped: set TEST_DATABASE_URL or DATABASE_URL.');
if (!coordinatorPages) console.log('Dashboard skipped: the build has no coordinator pages.');

// Every upload must have been accepted: anything else is a failure, not a slow figure.
const failed = [bareUploads, pglite.uploads, pg?.uploads].filter(
	(u) => u && (u.non2xx > 0 || u.errors > 0)
);
if (failed.length > 0) {
	console.error('\nSome uploads failed: see bench-results/server.json.');
	process.exitCode = 1;
}
