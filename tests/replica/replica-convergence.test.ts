import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { receive, type ClockState, type Stamp } from '$lib/replica/hybrid-clock';
import {
	latestStamp,
	mergeChange,
	replicaKey,
	stampLocalEdit,
	type Change,
	type ReplicaState
} from '$lib/replica/replica-merge';
import { fromFields, toFields, type SharedTable } from '$lib/replica/shared-tables';
import { goal, session } from '../support/factories';

/**
 * Two to four devices edit a pair's sessions and goals while changes reach each other late,
 * out of order, twice, or only after being dropped and sent again. Whatever happens, once
 * every change has arrived everywhere, every device holds the same records, and each field
 * holds the value of the latest write to it.
 */

const t0 = Date.parse('2026-11-25T10:00:00.000Z');
const records = [
	{ table: 'sessions' as const, id: 's0' },
	{ table: 'sessions' as const, id: 's1' },
	{ table: 'goals' as const, id: 'g0' },
	{ table: 'goals' as const, id: 'g1' }
];
const milestoneIds = ['m0', 'm1', 'm2'];
const word = fc.constantFrom('', 'agenda', 'notes', 'Cymraeg ŵ', 'room 2', 'x'.repeat(30));

const sessionPatch = fc.record(
	{
		notes: word,
		place: word,
		status: fc.constantFrom('scheduled', 'held', 'cancelled'),
		actualMinutes: fc.option(fc.integer({ min: 5, max: 600 })),
		deleted: fc.constantFrom(0, 1)
	},
	{ requiredKeys: [] }
);
const goalPatch = fc.record(
	{
		title: word,
		status: fc.constantFrom('active', 'achieved', 'paused', 'dropped'),
		deleted: fc.constantFrom(0, 1),
		milestone: fc.record({
			op: fc.constantFrom('add', 'tick', 'untick', 'remove'),
			id: fc.constantFrom(...milestoneIds),
			text: word
		})
	},
	{ requiredKeys: [] }
);

const step = fc.oneof(
	{
		weight: 4,
		arbitrary: fc.record({
			kind: fc.constant('edit' as const),
			replica: fc.nat(),
			record: fc.nat(records.length - 1),
			session: sessionPatch,
			goal: goalPatch
		})
	},
	{
		weight: 4,
		arbitrary: fc.record({
			kind: fc.constantFrom('deliver' as const, 'duplicate' as const, 'drop' as const),
			replica: fc.nat(),
			pick: fc.nat()
		})
	},
	{ weight: 2, arbitrary: fc.record({ kind: fc.constant('time' as const), ms: fc.nat(3_000) }) }
);

interface Replica {
	clock: ClockState;
	/** How far this device's clock is off: devices disagree about the time. */
	skew: number;
	states: Map<string, ReplicaState>;
	inbox: Change[];
}

const pairId = 'pair';

function materialise(state: ReplicaState | undefined) {
	if (!state) return undefined;
	const stamp = latestStamp(state);
	return fromFields(state.table, state.id, pairId, state.fields, stamp ? stamp.slice(0, 24) : '');
}

type Patch = Record<string, unknown> & {
	milestone?: { op: string; id: string; text: string };
};

/** The record as the device shows it, changed as a person would change it on screen. */
function edited(table: SharedTable, id: string, current: object | undefined, patch: Patch) {
	const base = current ?? (table === 'sessions' ? session({ id, pairId }) : goal({ id, pairId }));
	const { milestone, ...fields } = patch;
	const record = { ...base, ...fields } as Record<string, unknown>;
	if (table === 'goals' && milestone) {
		let ms = [...(record.milestones as { id: string; text: string; doneOn: string | null }[])];
		const has = ms.some((m) => m.id === milestone.id);
		if (milestone.op === 'add' && !has)
			ms.push({ id: milestone.id, text: milestone.text, doneOn: null });
		if (milestone.op === 'tick' || milestone.op === 'untick') {
			ms = ms.map((m) =>
				m.id === milestone.id ? { ...m, doneOn: milestone.op === 'tick' ? '2026-11-25' : null } : m
			);
		}
		if (milestone.op === 'remove') ms = ms.filter((m) => m.id !== milestone.id);
		record.milestones = ms;
	}
	return record;
}

function run(replicaCount: number, skews: number[], steps: StepValue[]) {
	const replicas: Replica[] = Array.from({ length: replicaCount }, (_, i) => ({
		clock: { wall: 0, counter: 0, node: String(i).repeat(16) },
		skew: skews[i] ?? 0,
		states: new Map(),
		inbox: []
	}));
	/** Every write ever made to each field: the oracle for "the latest write wins". */
	const writes = new Map<string, { stamp: Stamp; value: unknown }>();
	let now = t0;

	const deliver = (r: Replica, change: Change) => {
		const key = replicaKey(change.t, change.r);
		r.states.set(key, mergeChange(r.states.get(key), change, pairId).state);
		r.clock = receive(r.clock, change.s, now + r.skew);
	};

	for (const s of steps) {
		if (s.kind === 'time') {
			now += s.ms;
			continue;
		}
		const r = replicas[s.replica % replicaCount]!;
		if (s.kind === 'edit') {
			const { table, id } = records[s.record]!;
			const key = replicaKey(table, id);
			const previous = r.states.get(key);
			const current = materialise(previous);
			// A device edits only what it can show: a record it has whole, or a new one.
			if (previous && !current) continue;
			const patch = (table === 'sessions' ? s.session : s.goal) as Patch;
			const fields = toFields(table, edited(table, id, current, patch), previous?.fields);
			const edit = stampLocalEdit(previous, table, id, pairId, fields, r.clock, now + r.skew);
			if (!edit) continue;
			r.clock = edit.clock;
			r.states.set(key, edit.state);
			for (const [field, value] of Object.entries(edit.change.f)) {
				const seen = writes.get(`${key}#${field}`);
				if (!seen || edit.change.s > seen.stamp) {
					writes.set(`${key}#${field}`, { stamp: edit.change.s, value });
				}
			}
			for (const other of replicas) if (other !== r) other.inbox.push(edit.change);
			continue;
		}
		if (r.inbox.length === 0) continue;
		const i = s.pick % r.inbox.length;
		if (s.kind === 'deliver') deliver(r, r.inbox.splice(i, 1)[0]!);
		if (s.kind === 'duplicate') deliver(r, r.inbox[i]!);
		if (s.kind === 'drop') r.inbox.push(...r.inbox.splice(i, 1));
	}
	// The network comes back: everything still on its way arrives.
	for (const r of replicas) while (r.inbox.length > 0) deliver(r, r.inbox.shift()!);
	return { replicas, writes };
}

type StepValue =
	| { kind: 'edit'; replica: number; record: number; session: Patch; goal: Patch }
	| { kind: 'deliver' | 'duplicate' | 'drop'; replica: number; pick: number }
	| { kind: 'time'; ms: number };

function checkConverged({ replicas, writes }: ReturnType<typeof run>) {
	const [first, ...others] = replicas;
	for (const other of others) {
		expect([...other.states.keys()].sort()).toEqual([...first!.states.keys()].sort());
		for (const [key, state] of first!.states) {
			const theirs = other.states.get(key)!;
			expect(theirs.fields).toEqual(state.fields);
			expect(theirs.clocks).toEqual(state.clocks);
			expect(materialise(theirs)).toEqual(materialise(state));
		}
	}
	for (const [keyField, { value }] of writes) {
		const [key, field] = keyField.split('#') as [string, string];
		for (const r of replicas) expect(r.states.get(key)!.fields[field]).toEqual(value);
	}
}

const replicaRuns = fc.record({
	replicas: fc.integer({ min: 2, max: 4 }),
	skews: fc.array(fc.integer({ min: -120_000, max: 120_000 }), { minLength: 4, maxLength: 4 }),
	steps: fc.array(step, { maxLength: 120 })
});

describe('shared records converge', () => {
	it('on every device, whatever the order, duplication and loss of deliveries', () => {
		fc.assert(
			fc.property(replicaRuns, ({ replicas, skews, steps }) => {
				checkConverged(run(replicas, skews, steps as StepValue[]));
			}),
			{ numRuns: 300 }
		);
	});

	it('keeps both of two concurrent edits to different fields of one session', () => {
		const edit = (replica: number, patch: Patch): StepValue => ({
			kind: 'edit',
			replica,
			record: 0,
			session: patch,
			goal: {}
		});
		const { replicas } = run(
			2,
			[0, 0],
			[
				edit(0, { place: 'Committee room 2' }),
				{ kind: 'deliver', replica: 1, pick: 0 },
				{ kind: 'time', ms: 1_000 },
				edit(0, { notes: 'mentor notes' }),
				edit(1, { actualMinutes: 45 })
			]
		);
		for (const r of replicas) {
			expect(materialise(r.states.get('sessions/s0'))).toMatchObject({
				place: 'Committee room 2',
				notes: 'mentor notes',
				actualMinutes: 45
			});
		}
	});

	it('keeps a deleted record deleted when the other device edited it meanwhile', () => {
		const { replicas } = run(
			2,
			[0, 0],
			[
				{ kind: 'edit', replica: 0, record: 0, session: { notes: 'first' }, goal: {} },
				{ kind: 'deliver', replica: 1, pick: 0 },
				{ kind: 'time', ms: 10 },
				{ kind: 'edit', replica: 0, record: 0, session: { deleted: 1 }, goal: {} },
				{ kind: 'time', ms: 10 },
				{ kind: 'edit', replica: 1, record: 0, session: { notes: 'a later edit' }, goal: {} }
			]
		);
		for (const r of replicas) {
			expect(materialise(r.states.get('sessions/s0'))).toMatchObject({
				deleted: 1,
				notes: 'a later edit'
			});
		}
	});

	it('keeps a removed milestone removed, and one added meanwhile on the other device', () => {
		const goalEdit = (replica: number, milestone: Patch['milestone']): StepValue => ({
			kind: 'edit',
			replica,
			record: 2,
			session: {},
			goal: { milestone }
		});
		const { replicas } = run(
			2,
			[0, 0],
			[
				goalEdit(0, { op: 'add', id: 'm0', text: 'Read the constitution' }),
				{ kind: 'deliver', replica: 1, pick: 0 },
				{ kind: 'time', ms: 5 },
				goalEdit(0, { op: 'remove', id: 'm0', text: '' }),
				goalEdit(1, { op: 'tick', id: 'm0', text: '' }),
				goalEdit(1, { op: 'add', id: 'm1', text: 'Shadow a chair' })
			]
		);
		for (const r of replicas) {
			const g = materialise(r.states.get('goals/g0')) as unknown as {
				milestones: { id: string }[];
			};
			expect(g.milestones.map((m) => m.id)).toEqual(['m1']);
		}
	});
});
