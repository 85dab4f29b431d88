import { publicationEndpoints } from '$lib/server/matching/publication-endpoints';
import { savePenPicture, withdrawPenPicture } from '$lib/server/matching/publications';
import { publishPenPictureSchema } from '$lib/protocol/publication-protocol';

/**
 * A mentor publishes their pen picture (a copy older than the one held changes nothing), or
 * withdraws it: deleted from the server, with the drafts naming them.
 */
export const { PUT, DELETE } = publicationEndpoints({
	role: 'mentor',
	schema: publishPenPictureSchema,
	maxBytes: 16 * 1024,
	save: (db, identity, writtenAt, body) => savePenPicture(db, identity, writtenAt, body.penPicture),
	withdraw: withdrawPenPicture
});
