import { eq } from 'drizzle-orm';
import type { Participation } from '$lib/protocol/participation';
import type { Database } from '../db/open-database';
import { schemePhotos } from '../db/schema';
import type { PhotoUpload } from './photo-upload';

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

/** The photo's bytes and their type, as checked when it was uploaded. */
export async function schemePhoto(
	db: Database,
	schemeId: string
): Promise<{ image: Buffer; mediaType: string } | undefined> {
	const [row] = await db
		.select({ image: schemePhotos.image, mediaType: schemePhotos.mediaType })
		.from(schemePhotos)
		.where(eq(schemePhotos.schemeId, schemeId));
	return row;
}

/**
 * Sets or replaces the scheme's photo. The upload time is its version: a replacement gets a new
 * one, so each device fetches it once.
 */
export async function saveSchemePhoto(
	db: Database,
	schemeId: string,
	upload: PhotoUpload,
	now: Date
): Promise<void> {
	const values = { ...upload, uploadedAt: now };
	await db
		.insert(schemePhotos)
		.values({ schemeId, ...values })
		.onConflictDoUpdate({ target: schemePhotos.schemeId, set: values });
}

export async function removeSchemePhoto(db: Database, schemeId: string): Promise<void> {
	await db.delete(schemePhotos).where(eq(schemePhotos.schemeId, schemeId));
}
