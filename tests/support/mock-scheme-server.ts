import type { MetricsPayload } from '$lib/sync/metrics-payload';
import type { Participation, SchemePairInfo } from '$lib/sync/participation';
import type { JoinResult, SchemeApi } from '$lib/sync/scheme-api';

/**
 * An in-memory scheme server speaking the device API, with faults to order: offline, failed
 * or duplicated uploads, refusal, revocation. Like the real one it counts an upload id once.
 */
export class MockSchemeServer implements SchemeApi {
	offline = false;
	revoked = false;
	/** Chance that an upload fails after reaching the server (the reply is lost). */
	lostReplyRate = 0;
	/** Chance that an upload is delivered twice. */
	duplicateRate = 0;
	rejectField: string | null = null;
	random: () => number = Math.random;
	pairs: SchemePairInfo[] = [];
	readonly uploads = new Map<string, MetricsPayload>();
	readonly calls: string[] = [];

	readonly identity = {
		participant: {
			id: '6f1c3a52-8a52-4f0e-9f55-0e2b7b1c9d10',
			role: 'mentee' as const,
			name: 'Megan'
		},
		scheme: {
			id: '0b6c1a0e-5f0a-4b59-9d0e-7c1f2d3e4a5b',
			name: 'Member mentoring',
			organisation: 'Example Council'
		}
	};

	async join(code: string): Promise<JoinResult> {
		this.calls.push('join');
		if (this.offline) return { ok: false, problem: { kind: 'offline' } };
		if (code !== 'GOOD-CODE') return { ok: false, refusal: 'unknown' };
		return {
			ok: true,
			value: {
				device: { id: '9d2f6c1e-3b4a-4c5d-8e9f-0a1b2c3d4e5f', secret: 's'.repeat(43) },
				...this.identity
			}
		};
	}

	async participation() {
		this.calls.push('participation');
		if (this.offline) return { ok: false, problem: { kind: 'offline' } } as const;
		if (this.revoked) return { ok: false, problem: { kind: 'revoked' } } as const;
		const value: Participation = { ...this.identity, pairs: this.pairs };
		return { ok: true, value } as const;
	}

	async uploadMetrics(_credential: unknown, payload: MetricsPayload) {
		this.calls.push('upload');
		if (this.offline) return { ok: false, problem: { kind: 'offline' } } as const;
		if (this.revoked) return { ok: false, problem: { kind: 'revoked' } } as const;
		if (this.rejectField) {
			return { ok: false, problem: { kind: 'rejected', field: this.rejectField } } as const;
		}
		const deliveries = this.random() < this.duplicateRate ? 2 : 1;
		let outcome: 'applied' | 'duplicate' = 'duplicate';
		for (let i = 0; i < deliveries; i++) {
			if (!this.uploads.has(payload.uploadId)) {
				this.uploads.set(payload.uploadId, structuredClone(payload));
				outcome = 'applied';
			}
		}
		if (this.random() < this.lostReplyRate) {
			return { ok: false, problem: { kind: 'server', status: 503 } } as const;
		}
		return { ok: true, value: outcome } as const;
	}

	/** The newest report the server holds for a pair, as the dashboard would use it. */
	latestFor(pairId: string): MetricsPayload | undefined {
		return [...this.uploads.values()]
			.filter((u) => u.pair === pairId)
			.sort((a, b) => a.generatedAt.localeCompare(b.generatedAt))
			.at(-1);
	}
}
