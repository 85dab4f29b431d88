import type { BoardRepository } from '$lib/local/board-repository';
import type { BoardListing } from '$lib/protocol/board-protocol';
import type { ApiResult, SchemeApi } from './scheme-api';
import type { SchemeMembership } from '$lib/local/rows/scheme-membership';

/**
 * Brings the scheme's board to the device after each scheme round (which has already sent the
 * person's own posts and reactions): the listing replaces the last one whole, and the scheme
 * photo is fetched only when the scheme has a new one. A failure leaves the last board
 * readable and is tried again next round; nothing here throws at the person.
 */
export class BoardSync {
	constructor(
		private readonly board: BoardRepository,
		private readonly api: Pick<SchemeApi, 'boardListing' | 'schemePhoto'>,
		private readonly now: () => Date = () => new Date()
	) {}

	async run(membership: SchemeMembership): Promise<void> {
		// Taken before asking: anything sent after this is not in the reply yet.
		const pulledAt = this.now().toISOString();
		const listing = await this.api.boardListing(membership);
		if (!listing.ok) return;
		await this.board.applyListing(listing.value, pulledAt);
		await this.photo(membership);
	}

	/** Older posts than the device keeps, for this visit only: needs the network. */
	older(membership: SchemeMembership, before: string): Promise<ApiResult<BoardListing>> {
		return this.api.boardListing(membership, before);
	}

	/** The photo as participation last described it: fetched once per version, dropped when gone. */
	private async photo(membership: SchemeMembership): Promise<void> {
		const wanted = membership.photo ?? null;
		const held = await this.board.photo();
		if (!wanted) {
			if (held) await this.board.dropPhoto();
			return;
		}
		if (held?.version === wanted.version) return;
		const fetched = await this.api.schemePhoto(membership);
		if (!fetched.ok) return;
		if (fetched.value === null) await this.board.dropPhoto();
		else await this.board.keepPhoto({ ...wanted, image: fetched.value });
	}
}
