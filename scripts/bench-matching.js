// `npm run bench` (last step): the matching engine on seeded random cohorts of 100, 1,000 and
// 5,000 mentees against a fifth as many mentors, the optimal run against the greedy baseline.
import { build } from 'esbuild';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { median, root } from './bench-support.js';

// The engine is TypeScript: bundle it (with date-fns) into one module Node can import.
const dir = mkdtempSync(join(tmpdir(), 'tandem-bench-matching-'));
process.on('exit', () => rmSync(dir, { recursive: true, force: true }));
const outfile = join(dir, 'matching.mjs');
await build({
	entryPoints: [join(root, 'src/lib/domain/matching/index.ts')],
	bundle: true,
	format: 'esm',
	platform: 'node',
	outfile,
	logLevel: 'warning'
});
const { builtInAreas, councillorRoles, greedyMatches, proposeMatches } = await import(
	pathToFileURL(outfile).href
);

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

const groups = ['Labour', 'Conservative', 'Plaid Cymru', 'Liberal Democrat', 'Independent'];
const genders = ['woman', 'man', 'non-binary'];

/** A member scheme as the seed framework runs it, with every preference and rule in play. */
function cohort(mentees, seed) {
	const random = prng(seed);
	const int = (min, max) => min + Math.floor(random() * (max - min + 1));
	const pick = (xs) => xs[Math.floor(random() * xs.length)];
	const some = (xs, min, max) => {
		const shuffled = [...xs].sort(() => random() - 0.5);
		return shuffled.slice(0, int(min, max));
	};
	const strength = (mustShare) => (random() < mustShare ? 'must' : 'nice');
	const mentorList = Array.from({ length: mentees / 5 }, (_, i) => ({
		id: `mentor-${String(i).padStart(5, '0')}`,
		name: `Mentor ${i}`,
		areas: some(builtInAreas, 1, 4),
		roles: some(councillorRoles, 1, 3),
		level: null,
		serviceArea: null,
		group: random() < 0.9 ? pick(groups) : null,
		yearsExperience: int(1, 20),
		gender: random() < 0.8 ? pick(genders) : null,
		capacity: int(1, 3),
		load: random() < 0.1 ? 1 : 0,
		trainedOn: random() < 0.95 ? '2025-09-01' : null,
		formerMemberSince: random() < 0.05 ? pick(['2024-01-15', '2025-11-01']) : null
	}));
	const menteeList = Array.from({ length: mentees }, (_, i) => ({
		id: `mentee-${String(i).padStart(5, '0')}`,
		name: `Mentee ${i}`,
		areas: some(builtInAreas, 2, 5),
		level: null,
		serviceArea: null,
		group: random() < 0.9 ? pick(groups) : null,
		preferences: {
			gender: random() < 0.4 ? { value: pick(genders), strength: strength(0.3) } : null,
			role: random() < 0.5 ? { value: pick(councillorRoles), strength: strength(0.2) } : null,
			experience: random() < 0.4 ? { value: int(2, 12), strength: strength(0.2) } : null
		},
		excludedMentorIds: random() < 0.05 ? [pick(mentorList).id] : [],
		excludeOwnGroup: random() < 0.2
	}));
	return {
		mentors: mentorList,
		mentees: menteeList,
		settings: {
			audience: 'members',
			weights: { areas: 10, gender: 3, role: 5, experience: 4, group: 3 },
			genderPreferences: true,
			separateServiceAreas: false,
			groupRule: 'prefer-cross',
			ownGroupExclusion: true,
			requireTraining: true,
			formerMemberMonths: 12,
			minimumFit: 30
		},
		today: '2026-06-01',
		locked: [],
		rejected: []
	};
}

function timed(run, request, runs) {
	const times = [];
	let result;
	for (let i = 0; i < runs; i++) {
		const start = performance.now();
		result = run(request);
		times.push(performance.now() - start);
	}
	return { ms: median(times), result };
}

const sizes = [100, 1000, 5000];
const modes = ['best-fit', 'everyone'];
const rows = [];
let target1000 = true;
for (const size of sizes) {
	const base = cohort(size, size);
	for (const mode of modes) {
		const request = { ...base, mode };
		const runs = size >= 5000 ? 1 : 3;
		const optimal = timed(proposeMatches, request, runs);
		const greedy = timed(greedyMatches, request, runs);
		if (size === 1000 && optimal.ms >= 2000) target1000 = false;
		rows.push({ size, mode, runs, optimal, greedy });
	}
}

const count = (n) => n.toLocaleString('en-GB');
const seconds = (ms) => `${(ms / 1000).toFixed(2)} s`;
console.log('\nTandem matching engine (Node, this machine)\n');
console.log(
	`${'Mentees × mentors, mode'.padEnd(30)} ${'optimal'.padStart(9)} ${'greedy'.padStart(9)}   ${'matched opt/greedy'.padStart(19)}   ${'total score opt/greedy'.padStart(23)}`
);
for (const { size, mode, runs, optimal, greedy } of rows) {
	const name = `${count(size)} × ${count(size / 5)}, ${mode}${runs === 1 ? ' (1 run)' : ''}`;
	const matched = `${count(optimal.result.proposals.length)} / ${count(greedy.result.proposals.length)}`;
	const total = `${count(optimal.result.totalScore)} / ${count(greedy.result.totalScore)}`;
	console.log(
		`${name.padEnd(30)} ${seconds(optimal.ms).padStart(9)} ${seconds(greedy.ms).padStart(9)}   ${matched.padStart(19)}   ${total.padStart(23)}`
	);
}
console.log(`\n1,000 mentees in under 2 s (median of 3, both modes): ${target1000 ? 'yes' : 'NO'}`);
