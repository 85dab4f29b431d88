import { publicationEndpoints } from '$lib/server/matching/publication-endpoints';
import { saveNeeds, withdrawNeeds } from '$lib/server/matching/publications';
import { publishNeedsSchema } from '$lib/protocol/publication-protocol';

/**
 * A mentee publishes their needs (a copy older than the one held changes nothing), or withdraws
 * them: deleted from the server, and any proposal waiting on them ends.
 */
export const { PUT, DELETE } = publicationEndpoints({
	role: 'mentee',
	schema: publishNeedsSchema,
	maxBytes: 16 * 1024,
	save: (db, identity, writtenAt, body) => saveNeeds(db, identity, writtenAt, body.needs),
	withdraw: withdrawNeeds
});
