import { and, count, eq, exists, inArray, isNull, not } from 'drizzle-orm';
import { mentorIdsNamed } from '$lib/domain/matching/person-names';
import type { MenteeCandidate, MentorCandidate } from '$lib/domain/matching/types';
import type { Needs, PenPicture } from '$lib/protocol/publication-protocol';
import type { Database } from '../db/open-database';
import { matchProposals, menteeNeeds, mentorProfiles, pairs, participants } from '../db/schema';
import type { SchemeMatchingSettings } from './matching-settings';
import { currentPairStatuses, openStatuses } from '$lib/domain/matching/proposal-statuses';

/** By name in English order, then by id code unit, so every server orders alike. */
export const byName = (a: { id: string; name: string }, b: { id: string; name: string }) =>
	a.name.localeCompare(b.name, 'en') || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);

/** Mentees a mentor mentors now plus proposals waiting on an answer, per mentor. */
async function mentorLoads(db: Database, schemeId: string): Promise<Map<string, number>> {
	const [paired, asked] = await Promise.all([
		db
			.select({ mentorId: pairs.mentorId, n: count() })
			.from(pairs)
			.where(and(eq(pairs.schemeId, schemeId), inArray(pairs.status, currentPairStatuses)))
			.groupBy(pairs.mentorId),
		db
			.select({ mentorId: matchProposals.mentorId, n: count() })
			.from(matchProposals)
			.where(
				and(eq(matchProposals.schemeId, schemeId), inArray(matchProposals.status, openStatuses))
			)
			.groupBy(matchProposals.mentorId)
	]);
	const loads = new Map<string, number>();
	for (const { mentorId, n } of [...paired, ...asked])
		loads.set(mentorId, (loads.get(mentorId) ?? 0) + n);
	return loads;
}

export function mentorCandidate(
	mentor: { id: string; name: string; trainedOn: string | null },
	p: PenPicture,
	load: number
): MentorCandidate {
	return {
		id: mentor.id,
		name: mentor.name,
		areas: p.areas,
		roles: p.roles,
		level: p.level,
		serviceArea: p.serviceArea,
		group: p.group,
		yearsExperience: p.yearsExperience,
		gender: p.gender,
		capacity: p.capacity,
		load,
		trainedOn: mentor.trainedOn,
		formerMemberSince: p.formerMemberSince
	};
}

/** The scheme's mentors who have published a pen picture and are still in it, by name. */
export async function mentorCandidates(db: Database, schemeId: string): Promise<MentorCandidate[]> {
	const [rows, loads] = await Promise.all([
		db
			.select({
				id: participants.id,
				name: participants.name,
				trainedOn: participants.trainedOn,
				penPicture: mentorProfiles.penPicture
			})
			.from(participants)
			.innerJoin(mentorProfiles, eq(mentorProfiles.participantId, participants.id))
			.where(
				and(
					eq(participants.schemeId, schemeId),
					eq(participants.role, 'mentor'),
					isNull(participants.revokedAt)
				)
			),
		mentorLoads(db, schemeId)
	]);
	return rows.map((r) => mentorCandidate(r, r.penPicture, loads.get(r.id) ?? 0)).sort(byName);
}

/**
 * A mentee as the engine sees them. Named people are looked up among the mentors; gender and
 * own-group wishes count only where the scheme turns them on.
 */
function menteeCandidate(
	mentee: { id: string; name: string },
	n: Needs,
	mentors: readonly { id: string; name: string }[],
	settings: SchemeMatchingSettings
): MenteeCandidate {
	const named = [...(n.avoid.lineManager ? [n.avoid.lineManager] : []), ...n.avoid.people];
	return {
		id: mentee.id,
		name: mentee.name,
		areas: n.areas,
		level: n.level,
		serviceArea: n.serviceArea,
		group: n.group,
		preferences: {
			gender: settings.genderPreferences ? n.preferences.gender : null,
			role: n.preferences.role,
			experience: n.preferences.experience
		},
		excludedMentorIds: mentorIdsNamed(named, mentors),
		excludeOwnGroup: settings.ownGroupExclusion && n.avoid.ownGroup
	};
}

/**
 * The mentees a run matches: needs published, still in the scheme, not in an active or paused
 * pair and not waiting on a proposal (a declined or timed-out one puts them back), by name.
 */
export async function menteePool(
	db: Database,
	schemeId: string,
	mentors: readonly { id: string; name: string }[],
	settings: SchemeMatchingSettings
): Promise<MenteeCandidate[]> {
	const rows = await db
		.select({ id: participants.id, name: participants.name, needs: menteeNeeds.needs })
		.from(participants)
		.innerJoin(menteeNeeds, eq(menteeNeeds.participantId, participants.id))
		.where(
			and(
				eq(participants.schemeId, schemeId),
				eq(participants.role, 'mentee'),
				isNull(participants.revokedAt),
				not(
					exists(
						db
							.select({ id: pairs.id })
							.from(pairs)
							.where(
								and(eq(pairs.menteeId, participants.id), inArray(pairs.status, currentPairStatuses))
							)
					)
				),
				not(
					exists(
						db
							.select({ id: matchProposals.id })
							.from(matchProposals)
							.where(
								and(
									eq(matchProposals.menteeId, participants.id),
									inArray(matchProposals.status, openStatuses)
								)
							)
					)
				)
			)
		);
	return rows.map((r) => menteeCandidate(r, r.needs, mentors, settings)).sort(byName);
}
