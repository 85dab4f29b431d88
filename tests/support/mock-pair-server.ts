import type { LimitProblem } from '$lib/protocol/limit-problem';
import { createHash } from 'node:crypto';
import type { DeviceCredential } from '$lib/sync/device-http';
import type { PairApi, PairResult } from '$lib/sync/pair-api';
import type { PairProblem } from '$lib/protocol/problems';
import type {
	ChannelStatus,
	OfferReply,
	OfferRequest,
	PulledOp,
	SealedOp
} from '$lib/protocol/pair-protocol';

interface Channel {
	verifier: string;
	createdAt: string;
	endedAt: string | null;
	linked: Map<string, { linkedAt: string; lastSyncedAt: string | null }>;
	offer: OfferReply | null;
}

interface LoggedOp extends PulledOp {
	pairId: string;
	device: string;
}

const fail = (problem: PairProblem) => ({ ok: false, problem }) as const;
const fingerprint = (s: string) => createHash('sha256').update(s).digest('hex');

/**
 * The pair channel of the scheme server, in memory, with the real one's rules (only the pair's
 * members' devices; only linked devices push and pull; one copy of each operation id; a device
 * never gets its own operations back) and faults to order: offline, lost replies, duplicated
 * pushes, and an operator who tampers with what is stored.
 */
export class MockPairServer implements PairApi {
	offline = false;
	/** Refuses pushes as the real server does once a pair's log is at its limit. */
	logFull: LimitProblem | null = null;
	/** Chance that a push or pull reaches the server but its reply is lost. */
	lostReplyRate = 0;
	/** Chance that a push is delivered twice. */
	duplicateRate = 0;
	/** Operations per pull page. */
	pageSize = 500;
	random: () => number = Math.random;
	readonly log: LoggedOp[] = [];
	readonly channels = new Map<string, Channel>();
	/** Which participant each device belongs to, and each pair's two participants. */
	private readonly owners = new Map<string, { participant: string; role: 'mentor' | 'mentee' }>();
	private readonly members = new Map<string, string[]>();
	/** Pairs ended (by a member or the coordinator) before anyone linked a device. */
	private readonly endedPairs = new Set<string>();
	private seq = 0;
	/** Bytes of request and reply bodies, for measuring what an edit costs on the wire. */
	bytes = 0;

	addDevice(deviceId: string, participant: string, role: 'mentor' | 'mentee'): DeviceCredential {
		this.owners.set(deviceId, { participant, role });
		return { deviceId, deviceSecret: 's'.repeat(43) };
	}

	addPair(pairId: string, participants: string[]): void {
		this.members.set(pairId, participants);
	}

	private member(c: DeviceCredential, pairId: string): boolean {
		const owner = this.owners.get(c.deviceId);
		return !!owner && (this.members.get(pairId) ?? []).includes(owner.participant);
	}

	private guard(c: DeviceCredential, pairId: string, linked: boolean) {
		if (this.offline) return fail({ kind: 'offline' });
		if (!this.member(c, pairId)) return fail({ kind: 'not-in-pair' });
		if (linked && !this.channels.get(pairId)?.linked.has(c.deviceId)) {
			return fail({ kind: 'not-linked' });
		}
		return null;
	}

	private reply<T>(value: T): PairResult<T> {
		this.bytes += JSON.stringify(value ?? '').length;
		if (this.random() < this.lostReplyRate) return fail({ kind: 'server', status: 503 });
		return { ok: true, value };
	}

	private touch(c: DeviceCredential, pairId: string) {
		const device = this.channels.get(pairId)?.linked.get(c.deviceId);
		if (device) device.lastSyncedAt = new Date().toISOString();
	}

	async link(c: DeviceCredential, pairId: string, proof: string) {
		const refused = this.guard(c, pairId, false);
		if (refused) return refused;
		this.bytes += proof.length;
		if (this.endedPairs.has(pairId)) return fail({ kind: 'ended' });
		let channel = this.channels.get(pairId);
		const created = !channel;
		if (!channel) {
			channel = {
				verifier: fingerprint(proof),
				createdAt: new Date().toISOString(),
				endedAt: null,
				linked: new Map(),
				offer: null
			};
			this.channels.set(pairId, channel);
		}
		if (channel.verifier !== fingerprint(proof)) return fail({ kind: 'key-mismatch' });
		if (channel.endedAt) return fail({ kind: 'ended' });
		if (!channel.linked.has(c.deviceId)) {
			channel.linked.set(c.deviceId, { linkedAt: new Date().toISOString(), lastSyncedAt: null });
		}
		return this.reply({ created });
	}

	async status(c: DeviceCredential, pairId: string) {
		const refused = this.guard(c, pairId, false);
		if (refused) return refused;
		const channel = this.channels.get(pairId);
		const asker = this.owners.get(c.deviceId)!;
		const value: ChannelStatus = {
			linked: !!channel?.linked.has(c.deviceId),
			channel: channel ? { createdAt: channel.createdAt, endedAt: channel.endedAt } : null,
			devices: [...(channel?.linked ?? [])].map(([device, d]) => ({
				role: this.owners.get(device)!.role,
				mine: this.owners.get(device)!.participant === asker.participant,
				thisDevice: device === c.deviceId,
				linkedAt: d.linkedAt,
				lastSyncedAt: d.lastSyncedAt
			})),
			offerExpiresAt: channel?.offer?.expiresAt ?? null
		};
		return { ok: true as const, value };
	}

	async push(c: DeviceCredential, pairId: string, ops: SealedOp[]) {
		const refused = this.guard(c, pairId, true);
		if (refused) return refused;
		if (this.channels.get(pairId)!.endedAt) return fail({ kind: 'ended' });
		if (this.logFull) return fail(this.logFull);
		this.bytes += JSON.stringify({ ops }).length;
		const deliveries = this.random() < this.duplicateRate ? 2 : 1;
		let stored = 0;
		let duplicates = 0;
		for (let i = 0; i < deliveries; i++) {
			for (const op of ops) {
				if (this.log.some((o) => o.pairId === pairId && o.id === op.id)) duplicates++;
				else {
					this.log.push({ pairId, device: c.deviceId, seq: ++this.seq, id: op.id, body: op.body });
					stored++;
				}
			}
		}
		this.touch(c, pairId);
		return this.reply({ stored, duplicates });
	}

	async pull(c: DeviceCredential, pairId: string, after: number) {
		const refused = this.guard(c, pairId, true);
		if (refused) return refused;
		const mine = this.log.filter((o) => o.pairId === pairId && o.seq > after);
		const theirs = mine.filter((o) => o.device !== c.deviceId);
		const page = theirs.slice(0, this.pageSize);
		const more = theirs.length > page.length;
		const log = this.log.filter((o) => o.pairId === pairId);
		const cursor = more ? page.at(-1)!.seq : (log.at(-1)?.seq ?? 0);
		this.touch(c, pairId);
		return this.reply({
			ops: page.map(({ seq, id, body }) => ({ seq, id, body })),
			cursor,
			more,
			endedAt: this.channels.get(pairId)!.endedAt
		});
	}

	async offer(c: DeviceCredential, pairId: string, offer: OfferRequest) {
		const refused = this.guard(c, pairId, true);
		if (refused) return refused;
		const value = { ...offer, expiresAt: new Date(Date.now() + 15 * 60_000).toISOString() };
		this.channels.get(pairId)!.offer = value;
		return { ok: true as const, value };
	}

	async takeOffer(c: DeviceCredential, pairId: string) {
		const refused = this.guard(c, pairId, false);
		if (refused) return refused;
		const offer = this.channels.get(pairId)?.offer;
		return offer ? { ok: true as const, value: offer } : fail({ kind: 'server', status: 404 });
	}

	async withdrawOffer(c: DeviceCredential, pairId: string) {
		const refused = this.guard(c, pairId, false);
		if (refused) return refused;
		const channel = this.channels.get(pairId);
		if (channel) channel.offer = null;
		return { ok: true as const, value: undefined };
	}

	async end(c: DeviceCredential, pairId: string) {
		const refused = this.guard(c, pairId, false);
		if (refused) return refused;
		const channel = this.channels.get(pairId);
		if (channel) channel.endedAt ??= new Date().toISOString();
		else this.endedPairs.add(pairId);
		const endedAt = channel?.endedAt ?? new Date().toISOString();
		return { ok: true as const, value: { endedAt, endsOn: endedAt.slice(0, 10) } };
	}

	// ---- What a malicious operator (or a broken disk) could do to the stored log.

	/** Flips one bit in a stored operation. */
	flipByte(pairId: string, index = 0): void {
		const op = this.log.filter((o) => o.pairId === pairId)[index]!;
		const bytes = Buffer.from(op.body, 'base64url');
		bytes[bytes.length - 20]! ^= 0x01;
		op.body = bytes.toString('base64url');
	}

	/** Copies one pair's stored operation into another pair's log. */
	replayInto(fromPair: string, toPair: string, index = 0): void {
		const op = this.log.filter((o) => o.pairId === fromPair)[index]!;
		this.log.push({ ...op, pairId: toPair, seq: ++this.seq, device: 'operator' });
	}

	/** Stores a copy of an operation under a new id in the same pair. */
	replayWithNewId(pairId: string, newId: string, index = 0): void {
		const op = this.log.filter((o) => o.pairId === pairId)[index]!;
		this.log.push({ ...op, id: newId, seq: ++this.seq, device: 'operator' });
	}
}
