import { sql } from 'drizzle-orm';
import { genderKey } from '$lib/domain/matching/gender-words';
import type { Database } from '../db/open-database';
import type { ReportScope } from './report-scope';
import { rowsOf } from './sql-rows';

type Role = 'mentor' | 'mentee';

export interface ParticipationFigures {
	byRole: Record<Role, number>;
	/** Officer level by role; null where the person published none. */
	levels: { role: Role; level: string | null; people: number }[];
	/** Councillor roles held, from mentors' pen pictures; a mentor may hold several. */
	rolesHeld: { held: string; people: number }[];
	mentorsWithoutRoles: number;
	/** Self-described gender by role, grouped by genderKey; null where none was given. */
	genders: { role: Role; gender: string | null; people: number }[];
}

interface Row {
	breakdown: 'role' | 'level' | 'gender' | 'held' | 'no-roles';
	role: Role;
	grp: string | null;
	people: number;
}

/**
 * Who took part: people who joined by the day the figures are taken and were not removed,
 * with what they chose to publish (a pen picture or needs). Gender is grouped in SQL by its
 * plain spelling, then by the same words-that-mean-the-same as matching uses.
 */
export async function participationFigures(
	db: Database,
	scope: ReportScope
): Promise<ParticipationFigures> {
	const rows = await rowsOf<Row>(
		db,
		sql`
		with joined as (
			select p.role,
				case p.role when 'mentor' then mp.pen_picture->>'level' else mn.needs->>'level' end
					as level,
				lower(regexp_replace(btrim(case p.role when 'mentor' then mp.pen_picture->>'gender'
					else mn.needs->>'gender' end), '\\s+', ' ', 'g')) as gender,
				coalesce(mp.pen_picture->'roles', '[]'::jsonb) as roles
			from participants p
			left join mentor_profiles mp on mp.participant_id = p.id
			left join mentee_needs mn on mn.participant_id = p.id
			where p.scheme_id = ${scope.schemeId} and p.revoked_at is null
				and p.joined_at < ${scope.endsBefore.toISOString()}::timestamptz
		)
		select 'role' as "breakdown", role, null as "grp", count(*)::int as "people"
			from joined group by role
		union all
		select 'level', role, level, count(*)::int from joined group by role, level
		union all
		select 'gender', role, gender, count(*)::int from joined group by role, gender
		union all
		select 'held', role, h.held, count(*)::int
			from joined cross join lateral jsonb_array_elements_text(roles) h(held)
			where role = 'mentor' group by role, h.held
		union all
		select 'no-roles', role, null, count(*)::int
			from joined where role = 'mentor' and jsonb_array_length(roles) = 0 group by role`
	);
	const of = (breakdown: Row['breakdown']) => rows.filter((r) => r.breakdown === breakdown);
	const genders = new Map<string, { role: Role; gender: string | null; people: number }>();
	for (const r of of('gender')) {
		const gender = r.grp === null ? null : genderKey(r.grp);
		const key = `${r.role}:${gender}`;
		const group = genders.get(key) ?? { role: r.role, gender, people: 0 };
		group.people += r.people;
		genders.set(key, group);
	}
	return {
		byRole: {
			mentor: of('role').find((r) => r.role === 'mentor')?.people ?? 0,
			mentee: of('role').find((r) => r.role === 'mentee')?.people ?? 0
		},
		levels: of('level').map((r) => ({ role: r.role, level: r.grp, people: r.people })),
		rolesHeld: of('held').map((r) => ({ held: r.grp!, people: r.people })),
		mentorsWithoutRoles: of('no-roles')[0]?.people ?? 0,
		genders: [...genders.values()]
	};
}
