import type { BarcodeDetector as Ponyfill } from 'barcode-detector/ponyfill';
// Only the file's address: the 1 MB reader itself is fetched when the ponyfill first needs it.
import wasmUrl from 'zxing-wasm/reader/zxing_reader.wasm?url';

export interface QrDetector {
	/** The text of every QR code found in the image; empty when there is none. */
	detect(source: ImageBitmapSource): Promise<string[]>;
}

let loading: Promise<QrDetector> | undefined;

/**
 * The browser's own BarcodeDetector where it reads QR codes (Android, macOS, ChromeOS);
 * elsewhere ZXing compiled to WebAssembly, loaded on first use so it never weighs on the
 * first screen. Both paths work offline: the .wasm is ours and precached.
 */
export async function qrDetector(): Promise<QrDetector> {
	loading ??= load().catch((error: unknown) => {
		// A failed load (offline before the service worker cached the reader) may be retried.
		loading = undefined;
		throw error;
	});
	return loading;
}

async function load(): Promise<QrDetector> {
	const native = (globalThis as { BarcodeDetector?: typeof Ponyfill }).BarcodeDetector;
	const formats = native ? await native.getSupportedFormats().catch(() => []) : [];
	if (native && formats.includes('qr_code')) {
		return wrap(new native({ formats: ['qr_code'] }));
	}
	const { BarcodeDetector, prepareZXingModule } = await import('barcode-detector/ponyfill');
	// From our own origin, never the library's default CDN: the CSP allows only 'self', and a
	// phone at a meeting may have no network. Instantiated now so a failure shows here.
	await prepareZXingModule({
		overrides: {
			locateFile: (path: string, prefix: string) =>
				path.endsWith('.wasm') ? wasmUrl : prefix + path
		},
		fireImmediately: true
	});
	return wrap(new BarcodeDetector({ formats: ['qr_code'] }));
}

function wrap(detector: Ponyfill): QrDetector {
	return {
		async detect(source) {
			const found = await detector.detect(source);
			return found.map((barcode) => barcode.rawValue);
		}
	};
}
