import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { ZXING_WASM_SHA256 } from 'barcode-detector/ponyfill';
import { describe, expect, it } from 'vitest';

describe('the QR code reader', () => {
	// The ponyfill bundles ZXing's JavaScript, and we serve the .wasm from zxing-wasm ourselves:
	// after an upgrade the two must still be one build, or scanning fails on every phone.
	it('serves the very .wasm the ponyfill was built for', async () => {
		const file = createRequire(import.meta.url).resolve('zxing-wasm/reader/zxing_reader.wasm');
		const digest = createHash('sha256')
			.update(await readFile(file))
			.digest('hex');
		expect(digest).toBe(ZXING_WASM_SHA256);
	});
});
