import type { RecordEnvelope } from '$lib/domain/record';

/**
 * The records a pair shares between its devices, and the fields of each that travel. Every
 * field merges on its own (the later change wins), so two people editing different fields of
 * one session both keep their edit. The journal and preparation notes are not here: they
 * never leave their author's devices.
 */
export const sharedFields = {
	agendaItems: ['title', 'details', 'raisedBy', 'position', 'discussedInSessionId', 'carriedOver'],
	goals: ['title', 'outcome', 'why', 'successLooksLike', 'targetDate', 'status', 'manualProgress'],
	sessions: ['startsAt', 'plannedMinutes', 'mode', 'place', 'status', 'actualMinutes', 'notes'],
	actions: ['sessionId', 'text', 'owner', 'dueOn', 'doneOn'],
	wins: ['wonOn', 'text']
} as const;

export type SharedTable = keyof typeof sharedFields;
export const sharedTables = Object.keys(sharedFields) as SharedTable[];

export function isSharedTable(name: string): name is SharedTable {
	return Object.hasOwn(sharedFields, name);
}

/** Every record carries these too; `deleted` is a field like any other, so a delete merges. */
const envelopeFields = ['createdAt', 'deleted', 'deletedAt'] as const;

export type Fields = Record<string, unknown>;

/**
 * A goal's milestones travel one field each (`ms.<id>.text`, `.doneOn`, `.pos`), so ticking
 * one milestone and adding another on the other device both survive. A milestone removed
 * from the goal is marked `ms.<id>.gone` rather than forgotten, so a late edit cannot bring
 * it back.
 */
const milestonePrefix = 'ms.';

interface MilestoneFields {
	text?: unknown;
	doneOn?: unknown;
	pos?: unknown;
	gone?: unknown;
}

function milestonesIn(fields: Fields): Map<string, MilestoneFields> {
	const milestones = new Map<string, MilestoneFields>();
	for (const [key, value] of Object.entries(fields)) {
		if (!key.startsWith(milestonePrefix)) continue;
		const [id, prop] = key.slice(milestonePrefix.length).split('.');
		if (!id || !prop) continue;
		const m = milestones.get(id) ?? {};
		m[prop as keyof MilestoneFields] = value;
		milestones.set(id, m);
	}
	return milestones;
}

/**
 * The fields of a record as they travel: everything but its id, its pair (each device names
 * the pair its own way) and its updatedAt (which follows from the fields' stamps).
 * `previous` is the record's last known fields, to mark milestones that have gone.
 */
export function toFields(table: SharedTable, record: object, previous?: Fields): Fields {
	const source = record as Record<string, unknown>;
	const fields: Fields = {};
	for (const f of [...sharedFields[table], ...envelopeFields]) fields[f] = source[f];
	if (table === 'goals') {
		const milestones = (source.milestones ?? []) as { id: string; text: string; doneOn: unknown }[];
		milestones.forEach((m, pos) => {
			fields[`${milestonePrefix}${m.id}.text`] = m.text;
			fields[`${milestonePrefix}${m.id}.doneOn`] = m.doneOn;
			fields[`${milestonePrefix}${m.id}.pos`] = pos;
		});
		const present = new Set(milestones.map((m) => m.id));
		for (const [id, m] of milestonesIn(previous ?? {})) {
			if (!present.has(id) && m.gone !== 1) fields[`${milestonePrefix}${id}.gone`] = 1;
		}
	}
	return fields;
}

/**
 * The record a device keeps, rebuilt from merged fields; undefined while fields are missing
 * (a change can arrive before the one that created its record). Fields this version does not
 * know, from a newer app on the other device, stay in the merged state and are left out here.
 */
export function fromFields(
	table: SharedTable,
	id: string,
	pairId: string,
	fields: Fields,
	updatedAt: string
): RecordEnvelope | undefined {
	const record: Record<string, unknown> = { id, pairId, updatedAt };
	for (const f of [...sharedFields[table], ...envelopeFields]) {
		if (!(f in fields)) return undefined;
		record[f] = fields[f];
	}
	if (table === 'goals') {
		record.milestones = [...milestonesIn(fields)]
			.filter(([, m]) => m.gone !== 1 && m.text !== undefined)
			.sort(([a, ma], [b, mb]) => {
				const pa = typeof ma.pos === 'number' ? ma.pos : Number.MAX_SAFE_INTEGER;
				const pb = typeof mb.pos === 'number' ? mb.pos : Number.MAX_SAFE_INTEGER;
				return pa - pb || (a < b ? -1 : a > b ? 1 : 0);
			})
			.map(([mid, m]) => ({ id: mid, text: m.text, doneOn: m.doneOn ?? null }));
	}
	return record as unknown as RecordEnvelope;
}
