import type { MentorPool, PoolMentor } from '$lib/protocol/coordinator/mentor-pool';
import { and, count, eq, inArray, isNull, max } from 'drizzle-orm';
import { toCalendarDate } from '$lib/domain/calendar-date';
import { mentorUnavailability } from '$lib/domain/matching';
import { genderKey } from '$lib/domain/matching/gender-words';
import { quietTooLong } from '$lib/domain/stalling';

import { suppressSmallGroups } from '$lib/domain/small-groups';

import type { Database } from '../db/open-database';
import {
	devices,
	matchProposals,
	mentorProfiles,
	pairProgress,
	pairs,
	participants,
	schemes
} from '../db/schema';
import { isUuid } from '../schemes';
import { byName, mentorCandidate } from './candidates';
import { matchingSettingsOf } from './matching-settings';
import { currentPairStatuses, openStatuses } from '$lib/domain/matching/proposal-statuses';

const later = (a: string | null, b: string | null) =>
	a === null ? b : b === null || a > b ? a : b;

/** Counts per mentor id from a grouped query. */
const countsOf = (rows: { id: string; n: number }[]) => new Map(rows.map((r) => [r.id, r.n]));

/** Who is willing, trained, at or below capacity, and who has not been active for a while. */
export async function mentorPoolOf(
	db: Database,
	schemeId: string,
	today: string
): Promise<MentorPool> {
	const inScheme = and(
		eq(participants.schemeId, schemeId),
		eq(participants.role, 'mentor'),
		isNull(participants.revokedAt)
	);
	const [[scheme], settings, rows, paired, asked, seen, activity] = await Promise.all([
		db
			.select({ stallAfterWeeks: schemes.stallAfterWeeks })
			.from(schemes)
			.where(eq(schemes.id, schemeId)),
		matchingSettingsOf(db, schemeId),
		db
			.select({ participant: participants, profile: mentorProfiles })
			.from(participants)
			.leftJoin(mentorProfiles, eq(mentorProfiles.participantId, participants.id))
			.where(inScheme),
		db
			.select({ id: pairs.mentorId, n: count() })
			.from(pairs)
			.where(and(eq(pairs.schemeId, schemeId), inArray(pairs.status, currentPairStatuses)))
			.groupBy(pairs.mentorId),
		db
			.select({ id: matchProposals.mentorId, n: count() })
			.from(matchProposals)
			.where(
				and(eq(matchProposals.schemeId, schemeId), inArray(matchProposals.status, openStatuses))
			)
			.groupBy(matchProposals.mentorId),
		db
			.select({ id: devices.participantId, at: max(devices.lastSeenAt) })
			.from(devices)
			.innerJoin(participants, eq(participants.id, devices.participantId))
			.where(inScheme)
			.groupBy(devices.participantId),
		db
			.select({ id: pairs.mentorId, on: max(pairProgress.lastActivityOn) })
			.from(pairs)
			.innerJoin(pairProgress, eq(pairProgress.pairId, pairs.id))
			.where(eq(pairs.schemeId, schemeId))
			.groupBy(pairs.mentorId)
	]);
	if (!scheme) return { mentors: [], byGender: [] };
	const activeMentees = countsOf(paired);
	const waiting = countsOf(asked);
	const lastSeen = new Map(seen.map((r) => [r.id, r.at ? toCalendarDate(r.at) : null]));
	const lastActivity = new Map(activity.map((r) => [r.id, r.on]));
	const mentors = rows
		.map(({ participant: p, profile }): PoolMentor => {
			const active = activeMentees.get(p.id) ?? 0;
			const waitingProposals = waiting.get(p.id) ?? 0;
			const lastActiveOn = later(lastSeen.get(p.id) ?? null, lastActivity.get(p.id) ?? null);
			return {
				id: p.id,
				name: p.name,
				joined: p.joinedAt !== null,
				penPicture: profile?.penPicture ?? null,
				publishedAt: profile?.publishedAt.toISOString() ?? null,
				trainedOn: p.trainedOn,
				capacity: profile?.penPicture.capacity ?? null,
				activeMentees: active,
				waitingProposals,
				unavailability: profile
					? mentorUnavailability(
							mentorCandidate(p, profile.penPicture, active + waitingProposals),
							settings,
							today
						)
					: 'not-published',
				lastActiveOn,
				inactive: quietTooLong(lastActiveOn, scheme.stallAfterWeeks, today)
			};
		})
		.sort(byName);
	return { mentors, byGender: genderCounts(mentors) };
}

/**
 * Mentors with a pen picture by self-described gender, grouped loosely ("Woman", "woman ",
 * "Menyw") and shown as most of them wrote it; small groups are suppressed.
 */
function genderCounts(mentors: readonly PoolMentor[]): MentorPool['byGender'] {
	const groups = new Map<string, Map<string, number>>();
	for (const m of mentors) {
		const gender = m.penPicture?.gender?.trim().replace(/\s+/g, ' ');
		if (!gender) continue;
		const key = genderKey(gender);
		const spellings = groups.get(key) ?? new Map<string, number>();
		spellings.set(gender, (spellings.get(gender) ?? 0) + 1);
		groups.set(key, spellings);
	}
	const counted = [...groups.values()]
		.map((spellings) => {
			const [label] = [...spellings].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1))[0]!;
			const total = [...spellings.values()].reduce((sum, n) => sum + n, 0);
			return { group: label, count: total };
		})
		.sort((a, b) => (a.group < b.group ? -1 : a.group > b.group ? 1 : 0));
	return suppressSmallGroups(counted).map(({ group, count }) => ({ gender: group, count }));
}

/** Records (or clears) the day a mentor completed mentor training. */
export async function recordTraining(
	db: Database,
	schemeId: string,
	participantId: string,
	trainedOn: string | null
): Promise<boolean> {
	if (!isUuid(participantId)) return false;
	const changed = await db
		.update(participants)
		.set({ trainedOn })
		.where(
			and(
				eq(participants.id, participantId),
				eq(participants.schemeId, schemeId),
				eq(participants.role, 'mentor')
			)
		)
		.returning({ id: participants.id });
	return changed.length > 0;
}
