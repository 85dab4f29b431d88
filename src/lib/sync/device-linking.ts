import type { LinkRefusal } from '$lib/protocol/problems';
import type { PairChannelRepository } from '$lib/local/pair-channel-repository';
import type { SchemeRepository } from '$lib/local/scheme-repository';
import type { DeviceCredential } from './device-http';
import { linkInvitationUrl, type LinkInvitation } from '$lib/replica/link-invitation';
import type { PairApi } from './pair-api';
import {
	keyFromOffer,
	linkProof,
	newPairKey,
	newShortCode,
	normaliseShortCode,
	offerFor
} from '$lib/replica/crypto/pair-crypto';

export type ShownCode =
	| {
			ok: true;
			/** What the QR code says: works with no network at either end. */
			invitationUrl: string;
			/** To type instead; null when the server could not be reached to hold the offer. */
			shortCode: string | null;
			expiresAt: string | null;
	  }
	| { ok: false; refusal: LinkRefusal };

export type Accepted =
	{ ok: true; localPairId: string; registered: boolean } | { ok: false; refusal: LinkRefusal };

/**
 * Linking two devices of a pair at a meeting: one shows a code, the other scans or types it.
 * The first device to link makes the pair key; every device after receives that key from a
 * device already linked, in the QR code or wrapped under the short code.
 */
export class DeviceLinking {
	constructor(
		private readonly scheme: SchemeRepository,
		private readonly channels: PairChannelRepository,
		private readonly api: PairApi,
		private readonly origin: string
	) {}

	private async joined(): Promise<DeviceCredential | undefined> {
		const membership = await this.scheme.membership();
		return membership && !membership.revokedAt ? membership : undefined;
	}

	private async schemePair(localPairId: string) {
		return (await this.scheme.links()).find((l) => l.localPairId === localPairId);
	}

	/** Registers the key with the server when it can; false only when the server refused it. */
	private async register(credential: DeviceCredential, pairId: string, key: string) {
		const linked = await this.api.link(credential, pairId, await linkProof(key, pairId));
		if (linked.ok) await this.channels.update(pairId, { registered: true, lastProblem: null });
		return linked;
	}

	/** The code to show: the pair key in a QR code, and a short code for the server to hold. */
	async showCode(localPairId: string): Promise<ShownCode> {
		const credential = await this.joined();
		if (!credential) return { ok: false, refusal: 'not-joined' };
		const pair = await this.schemePair(localPairId);
		if (!pair) return { ok: false, refusal: 'not-in-scheme' };
		let channel = await this.channels.get(pair.id);
		if (channel?.state === 'ended' || pair.status === 'ended')
			return { ok: false, refusal: 'ended' };
		if (!channel) {
			await this.channels.link(pair.id, localPairId, newPairKey());
			channel = (await this.channels.get(pair.id))!;
		}
		if (!channel.registered) {
			const linked = await this.register(credential, pair.id, channel.key);
			if (!linked.ok && linked.problem.kind === 'key-mismatch') {
				// Someone else's device linked first: this key was never used, so forget it.
				await this.channels.forget(pair.id);
				return { ok: false, refusal: 'linked-elsewhere' };
			}
			if (!linked.ok && linked.problem.kind === 'ended') return { ok: false, refusal: 'ended' };
			channel = (await this.channels.get(pair.id))!;
		}
		const invitationUrl = linkInvitationUrl(this.origin, { pairId: pair.id, key: channel.key });
		if (!channel.registered) return { ok: true, invitationUrl, shortCode: null, expiresAt: null };
		const shortCode = newShortCode();
		const offer = await this.api.offer(
			credential,
			pair.id,
			await offerFor(channel.key, pair.id, shortCode)
		);
		return offer.ok
			? { ok: true, invitationUrl, shortCode, expiresAt: offer.value.expiresAt }
			: { ok: true, invitationUrl, shortCode: null, expiresAt: null };
	}

	/**
	 * Takes a key from a scanned QR code or an opened link. Works offline: the device then
	 * proves it holds the key the next time it reaches the server.
	 */
	async accept(invitation: LinkInvitation): Promise<Accepted> {
		const credential = await this.joined();
		if (!credential) return { ok: false, refusal: 'not-joined' };
		const pair = (await this.scheme.links()).find((l) => l.id === invitation.pairId);
		if (!pair) return { ok: false, refusal: 'not-in-scheme' };
		if (pair.status === 'ended') return { ok: false, refusal: 'ended' };
		const linked = await this.channels.link(pair.id, pair.localPairId, invitation.key);
		if (linked === 'linked-with-another-key') return { ok: false, refusal: 'linked-elsewhere' };
		const registered = await this.register(credential, pair.id, invitation.key);
		if (!registered.ok && registered.problem.kind === 'key-mismatch') {
			await this.channels.forget(pair.id);
			return { ok: false, refusal: 'linked-elsewhere' };
		}
		return { ok: true, localPairId: pair.localPairId, registered: registered.ok };
	}

	/** Takes the key with a short code typed from the other device; needs a connection. */
	async acceptShortCode(localPairId: string, typed: string): Promise<Accepted> {
		const code = normaliseShortCode(typed);
		if (!code) return { ok: false, refusal: 'invalid-code' };
		const credential = await this.joined();
		if (!credential) return { ok: false, refusal: 'not-joined' };
		const pair = await this.schemePair(localPairId);
		if (!pair) return { ok: false, refusal: 'not-in-scheme' };
		const offer = await this.api.takeOffer(credential, pair.id);
		if (!offer.ok) {
			return { ok: false, refusal: offer.problem.kind === 'offline' ? 'offline' : 'no-offer' };
		}
		const key = await keyFromOffer(offer.value, pair.id, code);
		if (!key) return { ok: false, refusal: 'wrong-code' };
		const accepted = await this.accept({ pairId: pair.id, key });
		// Used once: nobody else gets to try codes against it.
		if (accepted.ok) await this.api.withdrawOffer(credential, pair.id);
		return accepted;
	}

	/**
	 * Ends the pair, no fault, for both: what is waiting goes out first, the scheme learns the
	 * pair has ended (not why), and everything shared stays readable on both devices.
	 */
	async endPair(
		localPairId: string,
		sendWaiting: (credential: DeviceCredential) => Promise<unknown>
	): Promise<{ ok: true } | { ok: false; refusal: LinkRefusal }> {
		const credential = await this.joined();
		if (!credential) return { ok: false, refusal: 'not-joined' };
		const pair = await this.schemePair(localPairId);
		if (!pair) return { ok: false, refusal: 'not-in-scheme' };
		await sendWaiting(credential);
		const ended = await this.api.end(credential, pair.id);
		if (!ended.ok) {
			return { ok: false, refusal: ended.problem.kind === 'offline' ? 'offline' : 'not-in-scheme' };
		}
		if (await this.channels.get(pair.id)) await this.channels.end(pair.id, ended.value.endedAt);
		await this.scheme.markPairEnded(pair.id, ended.value.endsOn);
		return { ok: true };
	}
}
