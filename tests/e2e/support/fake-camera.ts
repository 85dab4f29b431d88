import type { Page } from '@playwright/test';
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
	const file = join(dir, 'fake-camera.y4m');
	await writeVideo(luma, file);
	return file;
}

/** A few identical frames of a 640x480 picture, black and white, as YUV4MPEG2. */
async function writeVideo(luma: Buffer, file: string): Promise<void> {
	const chroma = Buffer.alloc((width / 2) * (height / 2) * 2, neutral);
	const frame = Buffer.concat([Buffer.from('FRAME\n'), luma, chroma]);
	const header = Buffer.from(`YUV4MPEG2 W${width} H${height} F30:1 Ip A1:1 C420jpeg\n`);
	await writeFile(file, Buffer.concat([header, ...Array.from({ length: frames }, () => frame)]));
}

/**
 * Films a screenshot for the fake camera, centred on white: the camera then sees exactly what
 * the other device's screen showed. `decoder` is any open page, used to read the PNG.
 */
export async function filmScreenshot(png: Buffer, decoder: Page, file: string): Promise<void> {
	const picture = await decoder.evaluate(async (data) => {
		const image = new Image();
		image.src = `data:image/png;base64,${data}`;
		await image.decode();
		const canvas = new OffscreenCanvas(image.width, image.height);
		const context = canvas.getContext('2d')!;
		context.drawImage(image, 0, 0);
		const rgba = context.getImageData(0, 0, image.width, image.height).data;
		const grey: number[] = [];
		for (let i = 0; i < rgba.length; i += 4) {
			grey.push(Math.round(0.299 * rgba[i]! + 0.587 * rgba[i + 1]! + 0.114 * rgba[i + 2]!));
		}
		return { width: image.width, height: image.height, grey };
	}, png.toString('base64'));
	if (picture.width > width || picture.height > height) throw new Error('screenshot too large');
	const luma = Buffer.alloc(width * height, light);
	const left = Math.floor((width - picture.width) / 2);
	const top = Math.floor((height - picture.height) / 2);
	for (let y = 0; y < picture.height; y++) {
		for (let x = 0; x < picture.width; x++) {
			luma[(top + y) * width + left + x] = picture.grey[y * picture.width + x]!;
		}
	}
	await writeVideo(luma, file);
}

/** Chromium flags: a fake camera showing `file`, and camera permission granted without asking. */
export function fakeCameraArgs(file: string): string[] {
	return [
		'--use-fake-device-for-media-stream',
		'--use-fake-ui-for-media-stream',
		`--use-file-for-fake-video-capture=${file}`
	];
}
