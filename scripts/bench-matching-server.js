// `npm run bench`, last part: the coordinator's matching round on the built server. A scheme
// of 1,000 mentees with published needs and 200 trained mentors with pen pictures, on PGlite
// and on PostgreSQL when TEST_DATABASE_URL or DATABASE_URL is set: proposing matches, then the
// Matching page (every draft with its swap choices) and the Mentors page.
import { randomUUID } from 'node:crypto';
import { mkdirSync, writeFileSync } from 'node:fs';
import { cpus, loadavg } from 'node:os';
import { join } from 'node:path';
import {
	copyOfBuild,
	loadBeforeRun,
	median,
	onEachDatabase,
	root,
	startApp as startAppIn
} from './bench-support.js';

const ports = { pglite: 4430, postgres: 4431 };
const runs = Number(process.env.BENCH_RUNS ?? 5);
const menteesCount = 1000;
const mentorsCount = 200;
const postgresUrl = process.env.TEST_DATABASE_URL || process.env.DATABASE_URL;

const work = copyOfBuild();
const startApp = (...args) => startAppIn(work, ...args);

// The vocabulary ids of src/lib/domain/matching/vocabulary.ts, written out for plain Node.
const areas = [
	'learning-the-ropes',
	'time-and-workload',
	'officer-member-relationships',
	'new-role',
	'political-or-community-challenge',
	'leadership',
	'community-engagement',
	'media-relations',
	'career-change'
];
const roles = ['leader', 'cabinet', 'committee-chair', 'group-leader', 'ward-member'];
const groups = ['Labour', 'Conservative', 'Plaid Cymru', 'Liberal Democrat', 'Independent'];
const genders = ['woman', 'man', 'non-binary'];

/** A member scheme's settings as the settings form saves them, every rule in play. */
const settings = {
	audience: 'members',
	areas,
	serviceAreas: [],
	groups,
	weights: { areas: 5, gender: 2, role: 3, experience: 2, group: 2 },
	genderPreferences: true,
	separateServiceAreas: true,
	groupRule: 'prefer-cross',
	ownGroupExclusion: true,
	requireTraining: true,
	formerMemberMonths: 12,
	minimumFit: 20,
	consentDays: 14
};

/** mulberry32: the same cohort on every run and every machine. */
function prng(seed) {
	let a = seed;
	return () => {
		a = (a + 0x6d2b79f5) | 0;
		let t = Math.imul(a ^ (a >>> 15), 1 | a);
		t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
		return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
	};
}

/**
 * Pen pictures and needs as devices publish them (penPictureSchema and needsSchema of
 * src/lib/sync/publication-protocol.ts), naming only the scheme's own areas and groups.
 */
function cohort(seed) {
	const random = prng(seed);
	const int = (min, max) => min + Math.floor(random() * (max - min + 1));
	const pick = (xs) => xs[Math.floor(random() * xs.length)];
	const some = (xs, min, max) => {
		const shuffled = [...xs].sort(() => random() - 0.5);
		return shuffled.slice(0, int(min, max));
	};
	const strength = (mustShare) => (random() < mustShare ? 'must' : 'nice');
	const mentors = Array.from({ length: mentorsCount }, (_, i) => ({
		id: randomUUID(),
		name: `Mentor ${String(i + 1).padStart(3, '0')}`,
		trainedOn: `2026-0${int(1, 9)}-15`,
		penPicture: {
			text: 'Twelve years on the council, four in cabinet; happy to talk through anything.',
			roles: some(roles, 1, 3),
			level: null,
			serviceArea: null,
			group: random() < 0.9 ? pick(groups) : null,
			areas: some(areas, 1, 4),
			yearsExperience: int(1, 20),
			capacity: int(1, 3),
			gender: random() < 0.8 ? pick(genders) : null,
			formerMemberSince: null
		}
	}));
	const mentees = Array.from({ length: menteesCount }, (_, i) => ({
		id: randomUUID(),
		name: `Mentee ${String(i + 1).padStart(4, '0')}`,
		needs: {
			summary: 'Newly elected; finding my feet and my ward.',
			areas: some(areas, 1, 5),
			level: null,
			serviceArea: null,
			group: random() < 0.9 ? pick(groups) : null,
			preferences: {
				gender: random() < 0.4 ? { value: pick(genders), strength: strength(0.3) } : null,
				role: random() < 0.5 ? { value: pick(roles), strength: strength(0.2) } : null,
				experience: random() < 0.4 ? { value: int(2, 12), strength: strength(0.2) } : null
			},
			avoid: {
				lineManager: null,
				people: random() < 0.05 ? [pick(mentors).name] : [],
				ownGroup: random() < 0.2
			}
		}
	}));
	return { mentors, mentees };
}

/** JSON as a jsonb literal in plain SQL. */
const jsonb = (value) => `'${JSON.stringify(value).replaceAll("'", "''")}'::jsonb`;

/** The scheme, its settings, its people and their publications, as one script of plain SQL. */
function seedSql(coordinatorEmail) {
	const schemeId = randomUUID();
	const { mentors, mentees } = cohort(1000);
	const values = (rows, row) => rows.map(row).join(',\n');
	const sql = `
		insert into schemes (id, name, organisation, pilot_starts_on, pilot_ends_on) values
			('${schemeId}', 'Bench matching', 'Bench Council', current_date - 30, current_date + 335);
		insert into scheme_matching_settings (scheme_id, settings) values
			('${schemeId}', ${jsonb(settings)});
		insert into participants (id, scheme_id, role, name, joined_at, trained_on) values
		${values(mentors, (m) => `('${m.id}', '${schemeId}', 'mentor', '${m.name}', now() - interval '20 days', '${m.trainedOn}')`)},
		${values(mentees, (e) => `('${e.id}', '${schemeId}', 'mentee', '${e.name}', now() - interval '20 days', null)`)};
		insert into mentor_profiles (participant_id, pen_picture, written_at, published_at) values
		${values(mentors, (m) => `('${m.id}', ${jsonb(m.penPicture)}, now() - interval '10 days', now() - interval '10 days')`)};
		insert into mentee_needs (participant_id, needs, written_at, published_at) values
		${values(mentees, (e) => `('${e.id}', ${jsonb(e.needs)}, now() - interval '10 days', now() - interval '10 days')`)};
		${
			coordinatorEmail
				? `insert into scheme_coordinators (scheme_id, user_id)
					select '${schemeId}'::uuid, id from auth_users where email = '${coordinatorEmail}';`
				: ''
		}
		analyze;`;
	return { sql, schemeId };
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

/**
 * Milliseconds from posting the propose form to having the answer, as the page's enhanced form
 * sends it (SvelteKit answers an action in JSON and reloads the page with a second request).
 * The first is kept apart.
 */
async function timeProposals(app, port, cookie, schemeId) {
	const url = `${app.origin}/coordinator/schemes/${schemeId}/matching?/propose`;
	const times = [];
	let first;
	for (let i = 0; i <= runs; i++) {
		const start = performance.now();
		const response = await fetch(url, {
			method: 'POST',
			redirect: 'manual',
			headers: {
				cookie,
				accept: 'application/json',
				'content-type': 'application/x-www-form-urlencoded',
				origin: `http://localhost:${port}`,
				'x-sveltekit-action': 'true'
			},
			body: new URLSearchParams({ mode: 'best-fit' })
		});
		const body = await response.text();
		const elapsed = performance.now() - start;
		if (response.status !== 200 || JSON.parse(body).type !== 'success') {
			throw new Error(`Propose: HTTP ${response.status}: ${body.slice(0, 300)}`);
		}
		if (i === 0) first = elapsed;
		else times.push(elapsed);
	}
	return { median: median(times), max: Math.max(...times), first, runs: times.length };
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

/** The round as the Matching page shows it: its draft rows and the last run's total score. */
function roundShown(html) {
	const drafts = html.split('data-testid="draft-row"').length - 1;
	const total = /Total score<\/dt>\s*<dd[^>]*>([^<]*)<\/dd>/.exec(html)?.[1];
	return { drafts, totalScore: total === undefined ? null : Number(total) };
}

async function roundTimes(app, port, cookie, schemeId) {
	const page = `${app.origin}/coordinator/schemes/${schemeId}`;
	const propose = await timeProposals(app, port, cookie, schemeId);
	let round;
	const matching = await timeGets(`${page}/matching`, cookie, (html) => {
		round = roundShown(html);
		if (round.drafts === 0) throw new Error('The Matching page lists no drafts');
	});
	const mentors = await timeGets(`${page}/mentors`, cookie, (html) => {
		if (!html.includes(`Mentor ${mentorsCount}`)) throw new Error('Mentors page lacks its mentors');
	});
	console.log(
		`  propose ${propose.median.toFixed(0)} ms (max ${propose.max.toFixed(0)}), ` +
			`${round.drafts} drafts, total score ${round.totalScore}; ` +
			`Matching page ${matching.median.toFixed(0)} ms (max ${matching.max.toFixed(0)}), ` +
			`Mentors page ${mentors.median.toFixed(0)} ms (max ${mentors.max.toFixed(0)})`
	);
	return { propose, round, matching, mentors };
}

/**
 * One database: start the app (it migrates), sign a coordinator up, seed, then measure the
 * round. `seed` runs the SQL; with PGlite it needs the app stopped.
 */
async function benchApp(name, port, env, seed, exclusive) {
	console.log(`${name}: migrating and seeding…`);
	let app = await startApp(port, env);
	const coordinator = await signUp(app, port);
	if (exclusive) await app.stop();
	const seeded = seedSql(coordinator.email);
	const seedStart = performance.now();
	// A failed statement would print the whole script; its message is enough.
	await seed(seeded.sql).catch((e) => {
		throw new Error(`${name}: seeding failed: ${e.message}`);
	});
	const seedSeconds = (performance.now() - seedStart) / 1000;
	if (exclusive) app = await startApp(port, env);
	try {
		return { seedSeconds, ...(await roundTimes(app, port, coordinator.cookie, seeded.schemeId)) };
	} finally {
		await app.stop();
	}
}

const loadBefore = loadBeforeRun();

const { pglite, pg } = await onEachDatabase(
	{ work, ports, postgresUrl, scratchName: 'tandem_bench_matching' },
	benchApp
);

const results = {
	date: new Date().toISOString(),
	machine: {
		cpus: cpus().length,
		node: process.version,
		loadAverage: { before: loadBefore, after: loadavg()[0] }
	},
	settings: { mentees: menteesCount, mentors: mentorsCount, mode: 'best-fit', runs },
	pglite,
	postgres: pg ?? null
};
mkdirSync(join(root, 'bench-results'), { recursive: true });
writeFileSync(
	join(root, 'bench-results/matching-server.json'),
	JSON.stringify(results, null, '\t') + '\n'
);

const ms = (t) => `${t.toFixed(t < 10 ? 1 : 0)} ms`;
const count = (n) => n.toLocaleString('en-GB');
const cohortName = `${count(menteesCount)} × ${count(mentorsCount)}`;
const rows = [];
const met = [];
for (const [label, run] of [
	['PGlite', pglite],
	['PostgreSQL', pg]
]) {
	if (!run) continue;
	const { propose, round, matching, mentors } = run;
	rows.push(
		[
			`Propose matches, best-fit, ${cohortName}, ${label} (median of ${runs})`,
			ms(propose.median),
			'< 2 s'
		],
		['  max', ms(propose.max), '< 2 s'],
		['  first request after start (not in the above)', ms(propose.first), ''],
		['  drafts proposed', count(round.drafts), ''],
		['  total score', round.totalScore === null ? '?' : count(round.totalScore), ''],
		[
			`Matching page, drafts and swap choices, ${label} (median of ${runs})`,
			ms(matching.median),
			'< 1 s'
		],
		['  max', ms(matching.max), '< 1 s'],
		['  first request after start (not in the above)', ms(matching.first), ''],
		['  page size', `${(matching.bytes / 1024).toFixed(0)} KB`, ''],
		[
			`Mentors page, ${count(mentorsCount)} mentors, ${label} (median of ${runs})`,
			ms(mentors.median),
			'< 1 s'
		],
		['  max', ms(mentors.max), '< 1 s']
	);
	met.push(
		[`Propose under 2 s, ${label} (every run)`, propose.max < 2000],
		[`Matching page under 1 s, ${label} (every run)`, matching.max < 1000],
		[`Mentors page under 1 s, ${label} (every run)`, mentors.max < 1000]
	);
}
console.log(
	`\nTandem matching round on the server (${cohortName}, best-fit, loopback, ${cpus().length} CPUs)\n`
);
for (const [name, value, target] of rows)
	console.log(`${name.padEnd(70)} ${value.padStart(10)}   ${target}`);
console.log('');
for (const [name, ok] of met) console.log(`${name}: ${ok ? 'yes' : 'NO'}`);
if (!postgresUrl) console.log('\nPostgreSQL skipped: set TEST_DATABASE_URL or DATABASE_URL.');
