import { eq } from 'drizzle-orm';
import type { Participation } from '$lib/sync/participation';
import type { Database } from '../db/open-database';
import { schemePhotos } from '../db/schema';

/** Whether the scheme has a photo, and which one, without reading the image itself. */
export async function schemePhotoInfo(
	db: Database,
	schemeId: string
): Promise<Participation['photo']> {
	const [row] = await db
		.select({ uploadedAt: schemePhotos.uploadedAt, description: schemePhotos.description })
		.from(schemePhotos)
		.where(eq(schemePhotos.schemeId, schemeId));
	return row ? { version: row.uploadedAt.toISOString(), description: row.description } : null;
}
