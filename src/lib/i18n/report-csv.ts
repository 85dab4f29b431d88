import {
	againQuestionText,
	aRoleText,
	genderText,
	heldText,
	levelText,
	reportKindText,
	rolesText
} from '$lib/i18n/report-text';
import {
	againText,
	checkpointShortText,
	outcomeNounText,
	questionShortText
} from '$lib/i18n/survey-text';
import { pairStatusText } from '$lib/i18n/pair-status-text';
import { smallestShownGroup } from '$lib/domain/small-groups';
import { m } from '$lib/paraglide/messages.js';
import { csvDocument } from '$lib/domain/csv';
import type { EvaluationReport, Shown, ShownBreakdown } from '$lib/protocol/coordinator/report';

type Value = string | number | null;
type Row = [section: string, measure: string, group: string, value: Value];

/** A hidden count is written as the page says it; a shown one as a plain number. */
const count = (value: Shown): Value =>
	value === null ? m.coord_match_fewer_than({ count: smallestShownGroup }) : value;
const mean = (value: number | null, answers: Shown): Value =>
	answers === 0 ? null : value === null ? m.coord_report_hidden_mean() : value;
const hours = (minutes: number) => Math.round(minutes / 6) / 10;

export interface ReportHeading {
	scheme: string;
	organisation: string;
	generatedOn: string;
}

/**
 * The report as a spreadsheet: one figure a row (section, measure, group, value), in the
 * coordinator's language, every figure through the same suppression as the page.
 */
export function reportCsv(report: EvaluationReport, heading: ReportHeading): string {
	const { figures: f, period } = report;
	const rows: Row[] = [];
	const all = m.coord_report_csv_all();
	const add = (section: string, measure: string, group: string, value: Value) =>
		rows.push([section, measure, group, value]);
	const addBreakdown = <K extends string>(
		section: string,
		measure: string,
		breakdown: ShownBreakdown<K>,
		groupText: (group: K) => string
	) => {
		add(section, measure, m.coord_report_col_total(), count(breakdown.total));
		for (const g of breakdown.groups) add(section, measure, groupText(g.group), count(g.count));
	};

	const title = reportKindText(period.kind);
	add(title, m.coord_report_facts_scheme(), all, heading.scheme);
	add(title, m.coord_report_facts_organisation(), all, heading.organisation);
	add(title, m.coord_report_facts_period(), all, `${period.from} – ${period.to}`);
	add(title, m.coord_report_facts_as_of(), all, report.asOf);
	add(title, m.coord_report_facts_generated(), all, heading.generatedOn);

	const pairs = m.coord_report_pairs_title();
	addBreakdown(pairs, m.coord_report_pairs_formed(), f.pairs.formed, pairStatusText);
	add(pairs, m.coord_report_pairs_stalled(), all, count(f.pairs.stalled));

	const sessions = m.coord_report_sessions_title();
	add(sessions, m.coord_report_sessions_held(), all, f.sessions.held);
	add(sessions, m.coord_report_hours(), all, hours(f.sessions.minutes));
	add(sessions, m.coord_report_pairs_met(), all, count(f.sessions.pairsMet));

	const goals = m.coord_report_goals_title();
	add(goals, m.coord_report_goals_pairs(), all, count(f.goals.pairsReporting));
	add(goals, m.coord_report_goals_set(), all, f.goals.set);
	add(goals, m.coord_report_goals_achieved(), all, f.goals.achieved);

	const wins = m.coord_report_wins_title();
	add(wins, m.coord_report_wins_logged(), all, f.wins.logged);
	add(wins, m.coord_report_wins_shared(), all, f.wins.shared);

	const checkIns = m.coord_report_check_ins_title();
	for (const row of f.checkIns) {
		const question = questionShortText(row.question);
		for (const [checkpoint, rating] of Object.entries(row.byCheckpoint)) {
			const group = m.coord_report_csv_at({
				role: rolesText(row.role),
				checkpoint: checkpointShortText(checkpoint as keyof typeof row.byCheckpoint)
			});
			add(
				checkIns,
				m.coord_report_csv_mean({ question }),
				group,
				mean(rating.mean, rating.answers)
			);
			add(checkIns, m.coord_report_csv_answers({ question }), group, count(rating.answers));
		}
	}
	for (const c of f.changes) {
		const question = questionShortText(c.question);
		const group = m.coord_report_csv_since({
			role: rolesText(c.role),
			from: checkpointShortText('baseline'),
			to: checkpointShortText(c.later)
		});
		add(checkIns, m.coord_report_csv_difference({ question }), group, c.differenceOfMeans);
		add(checkIns, m.coord_report_csv_paired_answers({ question }), group, count(c.paired.answers));
		add(
			checkIns,
			m.coord_report_csv_paired_change({ question }),
			group,
			mean(c.paired.mean, c.paired.answers)
		);
	}
	for (const a of f.again)
		addBreakdown(
			checkIns,
			`${againQuestionText(a.role)} (${checkpointShortText(a.checkpoint)})`,
			a.answers,
			againText
		);

	const outcomes = m.coord_report_outcomes_title();
	for (const o of f.outcomes) {
		add(outcomes, m.coord_report_outcomes_answered(), rolesText(o.role), count(o.answered));
		for (const g of o.groups)
			add(outcomes, outcomeNounText(g.group), rolesText(o.role), count(g.count));
	}

	const comments = m.coord_report_comments_title();
	for (const c of f.comments)
		add(
			comments,
			m.coord_report_csv_comment(),
			m.coord_report_comment_from({
				who: aRoleText(c.role),
				checkpoint: checkpointShortText(c.checkpoint)
			}),
			c.text
		);

	const participation = m.coord_report_participation_title();
	addBreakdown(participation, m.coord_report_by_role_caption(), f.participation.byRole, rolesText);
	if (f.participation.audience === 'officers')
		for (const l of f.participation.levels)
			addBreakdown(
				participation,
				m.coord_report_level_caption({ role: rolesText(l.role) }),
				l.levels,
				levelText
			);
	else
		for (const h of f.participation.rolesHeld ?? [])
			add(participation, m.coord_report_held_caption(), heldText(h.group), count(h.count));
	for (const g of f.participation.genders)
		addBreakdown(
			participation,
			m.coord_report_gender_caption({ role: rolesText(g.role) }),
			g.genders,
			genderText
		);

	const trends = m.coord_report_trends_title();
	for (const t of f.trends) {
		const { month } = t;
		add(trends, m.coord_report_trend_sessions(), month, t.sessions);
		add(trends, m.coord_report_trend_hours(), month, hours(t.minutes));
		add(trends, m.coord_report_trend_pairs(), month, count(t.pairsMet));
		add(trends, m.coord_report_trend_wins(), month, t.wins);
	}

	return csvDocument([
		[
			m.coord_report_csv_section(),
			m.coord_report_csv_measure(),
			m.coord_report_csv_group(),
			m.coord_report_csv_value()
		],
		...rows
	]);
}
