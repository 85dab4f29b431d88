import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import QRCode from 'qrcode';

const width = 640;
const height = 480;
/** Chromium loops the file; a few frames are plenty for a picture that never moves. */
const frames = 3;
const quietZone = 4;
const dark = 0;
const light = 255;
/** No colour: both chroma planes at their midpoint. */
const neutral = 128;

/**
 * Writes a YUV4MPEG2 video of the QR code of `text`, black on white and centred, for Chromium's
 * fake camera (see fakeCameraArgs). Returns the file's path.
 */
export async function fakeCameraFile(text: string, dir: string): Promise<string> {
	const { modules } = QRCode.create(text, { errorCorrectionLevel: 'M' });
	const span = modules.size + 2 * quietZone;
	const scale = Math.min(8, Math.floor(Math.min(width, height) / span));
	if (scale < 2) throw new Error(`a ${modules.size}-module code does not fit ${width}x${height}`);
	const left = Math.floor((width - modules.size * scale) / 2);
	const top = Math.floor((height - modules.size * scale) / 2);

	const luma = Buffer.alloc(width * height, light);
	for (let row = 0; row < modules.size; row++) {
		for (let col = 0; col < modules.size; col++) {
			if (!modules.get(row, col)) continue;
			for (let y = 0; y < scale; y++) {
				const start = (top + row * scale + y) * width + left + col * scale;
				luma.fill(dark, start, start + scale);
			}
		}
	}
	const chroma = Buffer.alloc((width / 2) * (height / 2) * 2, neutral);
	const frame = Buffer.concat([Buffer.from('FRAME\n'), luma, chroma]);

	const header = Buffer.from(`YUV4MPEG2 W${width} H${height} F30:1 Ip A1:1 C420jpeg\n`);
	const file = join(dir, 'fake-camera.y4m');
	await writeFile(file, Buffer.concat([header, ...Array.from({ length: frames }, () => frame)]));
	return file;
}

/** Chromium flags: a fake camera showing `file`, and camera permission granted without asking. */
export function fakeCameraArgs(file: string): string[] {
	return [
		'--use-fake-device-for-media-stream',
		'--use-fake-ui-for-media-stream',
		`--use-file-for-fake-video-capture=${file}`
	];
}
