import type { Role } from '$lib/domain/profile';
import { roles } from '$lib/domain/profile';
import type {
	HeldGroup,
	LevelGroup,
	Shown,
	ShownBreakdown,
	ShownChange,
	ShownRating,
	ShownReport,
	CheckInFigures
} from '$lib/protocol/coordinator/report';
import { councillorRoles, officerLevels, type Audience } from '$lib/domain/matching/vocabulary';
import { suppressBreakdown, suppressCount, suppressMean } from '$lib/domain/small-groups';
import {
	againAnswers,
	checkpoints,
	outcomes,
	ratingQuestions,
	type Checkpoint,
	type RatingQuestion
} from '$lib/domain/survey';
import type { ActivityFigures } from './activity-figures';
import type { PairFigures } from './pair-figures';
import type { ParticipationFigures } from './participation-figures';

/**
 * Everything a report shows, after small-number suppression. This is the only way figures
 * reach the page and the CSV: a count of one to four people is null here ("fewer than 5"), so
 * what is hidden is not even in memory downstream.
 */

export interface RawReport {
	audience: Audience;
	pairs: PairFigures;
	activity: ActivityFigures;
	checkIns: CheckInFigures;
	participation: ParticipationFigures;
}

/** A breakdown under a total already decided: a hidden total hides every group beneath it. */
function breakdown<K extends string>(
	total: Shown,
	groups: readonly { group: K; count: number }[]
): ShownBreakdown<K> {
	const shown =
		total === null ? groups.map(() => null) : suppressBreakdown(groups.map((g) => g.count));
	return { total, groups: groups.map((g, i) => ({ group: g.group, count: shown[i]! })) };
}

const roundedMean = (mean: number | null, answers: number) => {
	const shown = answers === 0 ? null : suppressMean(mean, answers);
	return shown === null ? null : Math.round(shown * 100) / 100;
};

function rating(answers: number, mean: number | null): ShownRating {
	return { answers: suppressCount(answers), mean: roundedMean(mean, answers) };
}

/** Common spellings first, then any description five or more people share, then the rest. */
function genderGroups(counts: readonly { gender: string | null; people: number }[]) {
	const fixed = ['woman', 'man', 'non-binary'];
	const count = (gender: string | null) =>
		counts.filter((c) => c.gender === gender).reduce((t, c) => t + c.people, 0);
	const others = counts.filter((c) => c.gender !== null && !fixed.includes(c.gender));
	const shownOthers = others.filter((c) => c.people >= 5).sort((a, b) => b.people - a.people);
	const rare = others.filter((c) => c.people < 5).reduce((t, c) => t + c.people, 0);
	return [
		...fixed.map((group) => ({ group, count: count(group) })),
		...shownOthers.map((c) => ({ group: c.gender!, count: c.people })),
		{ group: 'another', count: rare },
		{ group: 'not-recorded', count: count(null) }
	];
}

export function shownReport(raw: RawReport): ShownReport {
	const { pairs, activity, checkIns, participation } = raw;

	const formed = breakdown(suppressCount(pairs.formed), [
		{ group: 'active' as const, count: pairs.active },
		{ group: 'paused' as const, count: pairs.paused },
		{ group: 'ended' as const, count: pairs.ended }
	]);
	const active = formed.groups[0]!.count;

	const ratingOf = (role: Role, checkpoint: Checkpoint, question: RatingQuestion) =>
		checkIns.ratings.find(
			(r) => r.role === role && r.checkpoint === checkpoint && r.question === question
		);
	const shownRating = (role: Role, checkpoint: Checkpoint, question: RatingQuestion) => {
		const r = ratingOf(role, checkpoint, question);
		return rating(r?.answers ?? 0, r?.mean ?? null);
	};

	const byRole = breakdown(
		suppressCount(participation.byRole.mentee + participation.byRole.mentor),
		roles.map((role) => ({ group: role, count: participation.byRole[role] }))
	);
	const roleTotal = (role: Role) => byRole.groups.find((g) => g.group === role)!.count;
	const mentors = roleTotal('mentor');

	return {
		pairs: {
			formed,
			// Stalled pairs are some of the active ones: hidden with them.
			stalled: active === null ? null : suppressCount(pairs.stalled)
		},
		sessions: {
			held: activity.sessions,
			minutes: activity.minutes,
			pairsMet: suppressCount(activity.pairsMet)
		},
		goals: {
			pairsReporting: suppressCount(pairs.reportingGoals),
			set: pairs.goalsSet,
			achieved: pairs.goalsAchieved
		},
		wins: { logged: activity.winsLogged, shared: activity.winsShared },
		checkIns: roles.flatMap((role) =>
			ratingQuestions.map((question) => ({
				role,
				question,
				byCheckpoint: Object.fromEntries(
					checkpoints.map((c) => [c, shownRating(role, c, question)])
				) as Record<Checkpoint, ShownRating>
			}))
		),
		changes: roles.flatMap((role) =>
			ratingQuestions.flatMap((question) =>
				(['end', 'follow-up'] as const).map((later): ShownChange => {
					const baseline = shownRating(role, 'baseline', question);
					const after = shownRating(role, later, question);
					const before = ratingOf(role, 'baseline', question);
					const then = ratingOf(role, later, question);
					const paired = checkIns.paired.find(
						(p) => p.role === role && p.question === question && p.later === later
					);
					return {
						role,
						question,
						later,
						baseline,
						after,
						differenceOfMeans:
							baseline.mean === null || after.mean === null
								? null
								: Math.round((then!.mean - before!.mean) * 100) / 100,
						paired: rating(paired?.answers ?? 0, paired?.meanChange ?? null)
					};
				})
			)
		),
		again: roles.flatMap((role) =>
			checkpoints.map((checkpoint) => {
				const counts = againAnswers.map((answer) => ({
					group: answer,
					count:
						checkIns.again.find(
							(a) => a.role === role && a.checkpoint === checkpoint && a.answer === answer
						)?.answers ?? 0
				}));
				const total = counts.reduce((t, c) => t + c.count, 0);
				return { role, checkpoint, answers: breakdown(suppressCount(total), counts) };
			})
		),
		outcomes: roles.map((role) => {
			const answered = suppressCount(
				checkIns.answeredLater.find((a) => a.role === role)?.people ?? 0
			);
			return {
				role,
				answered,
				// People may report several outcomes, so these do not add up to a total.
				groups: outcomes.map((outcome) => {
					const people =
						checkIns.outcomes.find((o) => o.role === role && o.outcome === outcome)?.people ?? 0;
					return { group: outcome, count: answered === null ? null : suppressCount(people) };
				})
			};
		}),
		comments: checkIns.comments,
		participation: {
			audience: raw.audience,
			byRole,
			levels: roles.map((role) => ({
				role,
				levels: breakdown(roleTotal(role), [
					...officerLevels.map((level) => ({
						group: level as LevelGroup,
						count:
							participation.levels.find((l) => l.role === role && l.level === level)?.people ?? 0
					})),
					{
						group: 'not-recorded' as const,
						count:
							participation.levels.find((l) => l.role === role && l.level === null)?.people ?? 0
					}
				])
			})),
			rolesHeld:
				mentors === null
					? null
					: [
							...councillorRoles.map((held) => ({
								group: held as HeldGroup,
								count: suppressCount(
									participation.rolesHeld.find((r) => r.held === held)?.people ?? 0
								)
							})),
							{
								group: 'none-recorded' as const,
								count: suppressCount(participation.mentorsWithoutRoles)
							}
						],
			genders: roles.map((role) => ({
				role,
				genders: breakdown(
					roleTotal(role),
					genderGroups(participation.genders.filter((g) => g.role === role))
				)
			}))
		},
		trends: activity.months.map((m) => ({ ...m, pairsMet: suppressCount(m.pairsMet) }))
	};
}
