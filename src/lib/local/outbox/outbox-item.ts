import type { BoardPostInput, BoardReactionInput } from '$lib/protocol/board-protocol';
import type { MetricsPayload } from '$lib/protocol/metrics-payload';
import type { SupportRequestInput } from '$lib/protocol/support-protocol';
import type { SurveyAnswerPayload } from '$lib/protocol/survey-protocol';

/**
 * Everything a device queues for its scheme, each already built by its allowlist and checked
 * against the schema the server checks it with. One outbox carries them all, offline first,
 * with the same retries.
 */
export type OutboxItem =
	| { kind: 'metrics'; pairId: string; payload: MetricsPayload }
	| { kind: 'survey'; payload: SurveyAnswerPayload }
	| { kind: 'board-post'; payload: BoardPostInput }
	| { kind: 'board-withdrawal'; payload: { postId: string } }
	| { kind: 'board-reaction'; payload: { postId: string } & BoardReactionInput }
	| { kind: 'support-request'; payload: SupportRequestInput }
	| { kind: 'support-cancellation'; payload: { requestId: string } };

export type OutboxKind = OutboxItem['kind'];

/**
 * What an item is about. A newer item on the same topic replaces one still waiting (a report
 * is a whole snapshot; a withdrawal overtakes the post it withdraws; the last tap on a reaction
 * is the one that counts), and only the latest sent item per topic is kept.
 */
export function outboxTopic(item: OutboxItem): string {
	switch (item.kind) {
		case 'metrics':
			return `metrics:${item.pairId}`;
		case 'survey':
			return `survey:${item.payload.pair}:${item.payload.checkpoint}`;
		case 'board-post':
			return `board-post:${item.payload.id}`;
		case 'board-withdrawal':
			return `board-post:${item.payload.postId}`;
		case 'board-reaction':
			return `board-reaction:${item.payload.postId}:${item.payload.reaction}`;
		case 'support-request':
			return `support:${item.payload.id}`;
		case 'support-cancellation':
			return `support:${item.payload.requestId}`;
	}
}
