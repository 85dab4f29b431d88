import * as v from 'valibot';

/** How a device names itself when it joins ("Chrome on Android"), for its owner's device list. */
export const deviceLabelSchema = v.nullable(
	v.pipe(v.string(), v.trim(), v.maxLength(60, 'is too long'))
);

const browsers: [RegExp, string][] = [
	[/Edg\//, 'Edge'],
	[/SamsungBrowser\//, 'Samsung Internet'],
	[/Firefox\/|FxiOS\//, 'Firefox'],
	[/Chrome\/|CriOS\//, 'Chrome'],
	[/Safari\//, 'Safari']
];
const systems: [RegExp, string][] = [
	[/iPhone/, 'iPhone'],
	[/iPad/, 'iPad'],
	[/Android/, 'Android'],
	[/Windows/, 'Windows'],
	[/Mac OS X|Macintosh/, 'Mac'],
	[/CrOS/, 'ChromeOS'],
	[/Linux/, 'Linux']
];

/**
 * A short name for this browser and system, from its user agent: never the full string, which
 * identifies a device more than its owner needs to recognise it.
 */
export function deviceLabel(userAgent: string): string | null {
	const browser = browsers.find(([pattern]) => pattern.test(userAgent))?.[1];
	const system = systems.find(([pattern]) => pattern.test(userAgent))?.[1];
	if (browser && system) return `${browser} on ${system}`;
	return browser ?? system ?? null;
}

/** This browser's own label, where there is a browser to ask. */
export const thisDeviceLabel = (): string | null =>
	typeof navigator === 'undefined' ? null : deviceLabel(navigator.userAgent);
