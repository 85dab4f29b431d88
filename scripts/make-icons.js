// Draws the Tandem app icons as PNGs with only Node built-ins, so they can be regenerated after a design change.
import { deflateSync } from 'node:zlib';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

const outDir = join(import.meta.dirname, '..', 'static', 'icons');

const TEAL = [0x1f, 0x5f, 0x5b];
const WHITE = [0xff, 0xff, 0xff];
const LIGHT_TEAL = [0x9f, 0xd3, 0xc7];
const SAMPLES = 4; // supersampling per axis (4x4 = 16 samples a pixel)

// Motif in unit space (0..1), centred on 0.5: the mentee (light teal) sits behind
// the mentor (white), separated by a thin ring of background colour.
const RADIUS = 0.2;
const OFFSET = 0.11;
const GAP = 0.03;

function inCircle(x, y, cx, cy, r) {
	const dx = x - cx;
	const dy = y - cy;
	return dx * dx + dy * dy <= r * r;
}

function inRoundedSquare(x, y, radius) {
	const cx = Math.min(Math.max(x, radius), 1 - radius);
	const cy = Math.min(Math.max(y, radius), 1 - radius);
	return inCircle(x, y, cx, cy, radius);
}

// Colour of the point (x, y) in unit space, or null where the icon is transparent.
function colourAt(x, y, { cornerRadius, scale }) {
	if (cornerRadius > 0 && !inRoundedSquare(x, y, cornerRadius)) return null;
	const mx = (x - 0.5) / scale + 0.5;
	const my = (y - 0.5) / scale + 0.5;
	const mentor = 0.5 - OFFSET;
	const mentee = 0.5 + OFFSET;
	if (inCircle(mx, my, mentor, 0.5, RADIUS)) return WHITE;
	if (inCircle(mx, my, mentor, 0.5, RADIUS + GAP)) return TEAL;
	if (inCircle(mx, my, mentee, 0.5, RADIUS)) return LIGHT_TEAL;
	return TEAL;
}

function draw(size, options) {
	const pixels = Buffer.alloc(size * size * 4);
	const n = SAMPLES * SAMPLES;
	for (let py = 0; py < size; py++) {
		for (let px = 0; px < size; px++) {
			let r = 0;
			let g = 0;
			let b = 0;
			let a = 0;
			for (let sy = 0; sy < SAMPLES; sy++) {
				for (let sx = 0; sx < SAMPLES; sx++) {
					const x = (px + (sx + 0.5) / SAMPLES) / size;
					const y = (py + (sy + 0.5) / SAMPLES) / size;
					const c = colourAt(x, y, options);
					if (!c) continue;
					r += c[0];
					g += c[1];
					b += c[2];
					a++;
				}
			}
			const i = (py * size + px) * 4;
			if (a > 0) {
				pixels[i] = Math.round(r / a);
				pixels[i + 1] = Math.round(g / a);
				pixels[i + 2] = Math.round(b / a);
			}
			pixels[i + 3] = Math.round((a / n) * 255);
		}
	}
	return pixels;
}

const CRC_TABLE = new Uint32Array(256).map((_, n) => {
	let c = n;
	for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
	return c;
});

function crc32(buf) {
	let c = 0xffffffff;
	for (const byte of buf) c = CRC_TABLE[(c ^ byte) & 0xff] ^ (c >>> 8);
	return (c ^ 0xffffffff) >>> 0;
}

function chunk(type, data) {
	const length = Buffer.alloc(4);
	length.writeUInt32BE(data.length);
	const body = Buffer.concat([Buffer.from(type, 'ascii'), data]);
	const crc = Buffer.alloc(4);
	crc.writeUInt32BE(crc32(body));
	return Buffer.concat([length, body, crc]);
}

function encodePng(size, pixels) {
	const ihdr = Buffer.alloc(13);
	ihdr.writeUInt32BE(size, 0);
	ihdr.writeUInt32BE(size, 4);
	ihdr[8] = 8; // bit depth
	ihdr[9] = 6; // colour type RGBA
	const stride = size * 4;
	const raw = Buffer.alloc((stride + 1) * size);
	for (let y = 0; y < size; y++) {
		raw[y * (stride + 1)] = 0; // filter type 0 (none)
		pixels.copy(raw, y * (stride + 1) + 1, y * stride, (y + 1) * stride);
	}
	return Buffer.concat([
		Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
		chunk('IHDR', ihdr),
		chunk('IDAT', deflateSync(raw, { level: 9 })),
		chunk('IEND', Buffer.alloc(0))
	]);
}

const icons = [
	{ file: 'icon-192.png', size: 192, cornerRadius: 0.22, scale: 1 },
	{ file: 'icon-512.png', size: 512, cornerRadius: 0.22, scale: 1 },
	// Maskable: full bleed, motif shrunk well inside the central 80% safe zone.
	{ file: 'icon-maskable-512.png', size: 512, cornerRadius: 0, scale: 0.9 },
	// Apple touch: opaque square; iOS rounds the corners itself.
	{ file: 'apple-touch-icon.png', size: 180, cornerRadius: 0, scale: 1 }
];

mkdirSync(outDir, { recursive: true });
for (const { file, size, ...options } of icons) {
	const png = encodePng(size, draw(size, options));
	writeFileSync(join(outDir, file), png);
	console.log(`${file}: ${size}x${size}, ${png.length} bytes`);
}
