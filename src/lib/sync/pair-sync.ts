import type { PairChannelRepository } from '$lib/local/pair-channel-repository';
import type { ArrivedPage, HeldMessage, PairChannel } from '$lib/local/rows/pair-channel';
import type { RecordCheck } from '$lib/replica/record-checks';
import type { DeviceCredential } from './device-http';
import type { PairApi } from './pair-api';
import type { PairProblem } from '$lib/protocol/problems';
import { linkProof, openOperation, sealOperation } from '$lib/replica/crypto/pair-crypto';
import { stillLimited } from '$lib/protocol/limit-problem';
import { decodeMessage, packMessage, unpackMessage } from '$lib/replica/pair-message';
import { pairChannelLimits, type PulledOp, type SealedOp } from '$lib/protocol/pair-protocol';
import type { Change } from '$lib/replica/replica-merge';

/** Room for the JSON around the operations, under the server's limit for a push. */
const pushBytes = pairChannelLimits.pushBytes - 16 * 1024;
const messagesPerRound = 200;

function isPulledOp(value: unknown): value is PulledOp {
	const op = value as PulledOp;
	return (
		typeof op === 'object' &&
		op !== null &&
		Number.isSafeInteger(op.seq) &&
		typeof op.id === 'string' &&
		typeof op.body === 'string'
	);
}

/**
 * Keeps each linked pair's shared records in step with the pair's other devices, through the
 * server: it proves to the server that this device holds the pair key, sends the outbox
 * sealed, then reads and merges what the other devices sent. A failure is recorded for the UI
 * and tried again on the next round; nothing here throws at the person using the app.
 */
export class PairSync {
	constructor(
		private readonly channels: PairChannelRepository,
		private readonly api: PairApi,
		private readonly check: RecordCheck,
		private readonly now: () => Date = () => new Date()
	) {}

	async run(credential: DeviceCredential): Promise<void> {
		for (const channel of await this.channels.channels()) {
			await this.syncChannel(credential, channel);
		}
	}

	/** One exchange with one pair's channel: register, send, receive, and learn who is linked. */
	async syncChannel(credential: DeviceCredential, start: PairChannel): Promise<PairProblem | null> {
		let channel = start;
		if (!channel.registered) {
			const linked = await this.api.link(
				credential,
				channel.id,
				await linkProof(channel.key, channel.id)
			);
			// Ended before this device could register (it linked offline): nothing more to share.
			if (!linked.ok && linked.problem.kind === 'ended') {
				await this.ended(channel, null);
				return null;
			}
			if (!linked.ok) return this.failed(channel, linked.problem);
			channel = { ...channel, registered: true };
			await this.channels.update(channel.id, { registered: true });
		}
		await this.applyHeld(channel);
		// A log at the server's limit takes nothing more: changes stay here, and still arrive.
		let limited = stillLimited(channel.lastProblem, this.now()) ? channel.lastProblem : null;
		if (channel.state === 'linked' && !limited) {
			const problem = await this.push(credential, channel);
			if (problem?.kind === 'ended') channel = await this.ended(channel, null);
			else if (problem?.kind === 'limit') limited = problem;
			else if (problem) return this.failed(channel, problem);
		}
		const problem = await this.pull(credential, channel);
		if (problem) return this.failed(channel, problem);
		const status = await this.api.status(credential, channel.id);
		if (!status.ok) return this.failed(channel, status.problem);
		if (status.value.channel?.endedAt && channel.state !== 'ended') {
			channel = await this.ended(channel, status.value.channel.endedAt);
		}
		await this.channels.update(channel.id, {
			devices: status.value.devices,
			// The server lost track of this device (say, restored from an old copy): link again.
			registered: status.value.linked,
			lastSyncedAt: this.now().toISOString(),
			lastProblem: limited
		});
		return limited;
	}

	private async push(
		credential: DeviceCredential,
		channel: PairChannel
	): Promise<PairProblem | null> {
		for (;;) {
			const waiting = await this.channels.waiting(channel.id, messagesPerRound);
			if (waiting.length === 0) return null;
			let size = 0;
			const batch: SealedOp[] = [];
			for (const message of waiting) {
				const body = await sealOperation(
					channel.key,
					channel.id,
					message.id,
					await packMessage(message.changes)
				);
				if (batch.length > 0 && size + body.length > pushBytes) break;
				batch.push({ id: message.id, body });
				// The id and the JSON punctuation around each operation.
				size += body.length + 60;
			}
			const pushed = await this.api.push(credential, channel.id, batch);
			if (!pushed.ok) return pushed.problem;
			await this.channels.sent(batch.map((op) => op.id));
		}
	}

	private async pull(
		credential: DeviceCredential,
		channel: PairChannel
	): Promise<PairProblem | null> {
		let cursor = channel.cursor;
		for (;;) {
			const pulled = await this.api.pull(credential, channel.id, cursor);
			if (!pulled.ok) return pulled.problem;
			const { ops, more } = pulled.value;
			if (!Array.isArray(ops) || !Number.isSafeInteger(pulled.value.cursor)) {
				return { kind: 'server', status: 502 };
			}
			const page = await this.read(channel, ops);
			await this.channels.applyArrived(
				channel.id,
				{ ...page, cursor: pulled.value.cursor },
				this.check
			);
			if (pulled.value.cursor <= cursor || !more) return null;
			cursor = pulled.value.cursor;
		}
	}

	/** Decrypts and reads a page; what fails to decrypt or to read is counted and left out. */
	private async read(channel: PairChannel, ops: unknown[]): Promise<Omit<ArrivedPage, 'cursor'>> {
		const changes: Change[] = [];
		const held: HeldMessage[] = [];
		let rejected = 0;
		for (const op of ops) {
			const sealed = isPulledOp(op)
				? await openOperation(channel.key, channel.id, op.id, op.body)
				: null;
			const plaintext = sealed && (await unpackMessage(sealed));
			if (plaintext === null) {
				rejected++;
				continue;
			}
			const message = decodeMessage(plaintext);
			if (message.ok) changes.push(...message.changes);
			else if (message.reason === 'newer') {
				held.push({ id: (op as PulledOp).id, channelId: channel.id, plaintext });
			} else rejected++;
		}
		return { changes, rejected, held };
	}

	/** Messages from a newer version kept earlier: applied once this version can read them. */
	private async applyHeld(channel: PairChannel): Promise<void> {
		const readable = (await this.channels.held(channel.id))
			.map((h) => ({ id: h.id, message: decodeMessage(h.plaintext) }))
			.filter((h) => h.message.ok);
		if (readable.length === 0) return;
		const changes = readable.flatMap((h) => (h.message.ok ? h.message.changes : []));
		await this.channels.applyHeld(
			channel.id,
			changes,
			readable.map((h) => h.id),
			this.check
		);
	}

	private async ended(channel: PairChannel, endedAt: string | null): Promise<PairChannel> {
		const at = endedAt ?? this.now().toISOString();
		await this.channels.end(channel.id, at);
		return { ...channel, state: 'ended', endedAt: at };
	}

	private async failed(channel: PairChannel, problem: PairProblem): Promise<PairProblem> {
		await this.channels.update(channel.id, {
			lastProblem: problem,
			...(problem.kind === 'not-linked' ? { registered: false } : {})
		});
		return problem;
	}
}
