import * as v from 'valibot';
import { boardLimits, type PhotoType } from '$lib/domain/board';
import { check, requiredText, type FieldProblem } from '$lib/domain/validation';

/** What is wrong with the chosen file; the description has the usual field problems. */
export type PhotoProblem = 'missing' | 'wrong-type' | 'too-large';

export interface PhotoUpload {
	image: Buffer;
	mediaType: PhotoType;
	description: string;
}

export type PhotoUploadCheck =
	| { ok: true; value: PhotoUpload }
	| { ok: false; problems: { photo?: PhotoProblem; description?: FieldProblem } };

const startsWith = (bytes: Uint8Array, at: number, signature: number[]) =>
	signature.every((byte, i) => bytes[at + i] === byte);
const ascii = (text: string) => [...text].map((c) => c.charCodeAt(0));

/**
 * The image type the bytes themselves say, whatever the file's name or declared type claim:
 * JPEG, PNG or WebP, the types every browser shows. Anything else is null.
 */
export function photoTypeOf(bytes: Uint8Array): PhotoType | null {
	if (startsWith(bytes, 0, [0xff, 0xd8, 0xff])) return 'image/jpeg';
	if (startsWith(bytes, 0, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])) return 'image/png';
	if (startsWith(bytes, 0, ascii('RIFF')) && startsWith(bytes, 8, ascii('WEBP'))) {
		return 'image/webp';
	}
	return null;
}

const descriptionInput = v.object({ description: requiredText(boardLimits.photoDescription) });

/**
 * Checks the coordinator's photo form: a JPEG, PNG or WebP file of at most 2 MB, and a
 * description for anyone who cannot see it. Every problem is reported at once.
 */
export async function checkPhotoUpload(form: FormData): Promise<PhotoUploadCheck> {
	const problems: { photo?: PhotoProblem; description?: FieldProblem } = {};
	const described = check(descriptionInput, { description: form.get('description') ?? '' });
	if (!described.ok) problems.description = described.problems.description;
	const file = form.get('photo');
	let image: Buffer | undefined;
	let mediaType: PhotoType | null = null;
	if (!(file instanceof File) || file.size === 0) problems.photo = 'missing';
	else if (file.size > boardLimits.photoBytes) problems.photo = 'too-large';
	else {
		image = Buffer.from(await file.arrayBuffer());
		mediaType = photoTypeOf(image);
		if (!mediaType) problems.photo = 'wrong-type';
	}
	if (!described.ok || !image || !mediaType) return { ok: false, problems };
	return { ok: true, value: { image, mediaType, description: described.value.description } };
}
