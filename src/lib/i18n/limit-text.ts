import type { StorageLimitName } from '$lib/domain/storage-limit';
import { m } from '$lib/paraglide/messages.js';
import type { LimitProblem } from '$lib/protocol/limit-problem';
import { formatTimestamp } from './format';

const megabytes = (bytes: number | null) => `${Math.round((bytes ?? 0) / (1024 * 1024))} MB`;

function whatWasReached(limit: StorageLimitName, max: number | null): string {
	const count = { max: max ?? 0 };
	switch (limit) {
		case 'backup-uploads':
			return m.limit_backup_uploads();
		case 'backup-bytes':
			return m.limit_backup_bytes({ size: megabytes(max) });
		case 'pair-log-operations':
			return m.limit_pair_log_operations(count);
		case 'pair-log-bytes':
			return m.limit_pair_log_bytes({ size: megabytes(max) });
		case 'board-posts-per-day':
			return m.limit_board_posts_per_day(count);
		case 'board-posts':
			return m.limit_board_posts(count);
		case 'scheme-board-posts':
			return m.limit_scheme_board_posts(count);
		case 'reactions-per-hour':
			return m.limit_reactions_per_hour(count);
		case 'open-support-requests':
			return m.limit_open_support_requests(count);
		case 'support-requests-per-month':
			return m.limit_support_requests_per_month(count);
		case 'check-in-answers-per-day':
			return m.limit_check_in_answers_per_day(count);
		case 'publications-per-day':
			return m.limit_publications_per_day(count);
		case 'devices':
			return m.limit_devices(count);
		case 'scheme-bytes':
			return m.limit_scheme_bytes();
	}
}

/** One of the scheme's limits, in plain words: what was reached, and what happens next. */
export function limitProblemText({ limit, max, retryAt }: LimitProblem): string {
	const next = retryAt ? m.limit_retry_at({ time: formatTimestamp(retryAt) }) : m.limit_held();
	return `${whatWasReached(limit, max)} ${next}`;
}
