import { builtInAreas } from './matching/vocabulary';

/**
 * The scheme's list of areas as the settings form shows it: the built-in areas as ticked boxes
 * (shown in words, stored as ids, so a Welsh-speaking coordinator and an English-speaking one
 * edit the same list) and the scheme's own areas as lines of text. The settings input reads
 * the list as one area per line; these two turn one shape into the other and back.
 */

export interface AreaChoices {
	/** Built-in area ids that are ticked, in the built-in order. */
	builtIn: string[];
	/** The scheme's own areas, one per line. */
	own: string;
}

const lines = (text: string) =>
	text
		.split(/\r?\n/)
		.map((line) => line.trim())
		.filter((line) => line !== '');

const isBuiltIn = (area: string) => (builtInAreas as readonly string[]).includes(area);

/** Splits the one-per-line list into ticked built-in areas and the scheme's own. */
export function areaChoicesOf(areas: string): AreaChoices {
	const listed = lines(areas);
	return {
		builtIn: builtInAreas.filter((area) => listed.includes(area)),
		own: listed.filter((area) => !isBuiltIn(area)).join('\n')
	};
}

/**
 * The one-per-line list from what the form sent: ticked built-in areas first, in their usual
 * order, then the scheme's own. An own area typed exactly as a built-in id counts as that area,
 * and one typed twice counts once.
 */
export function areasFromChoices(ticked: readonly string[], own: string): string {
	const builtIn = builtInAreas.filter((area) => ticked.includes(area) || lines(own).includes(area));
	const others = [...new Set(lines(own).filter((area) => !isBuiltIn(area)))];
	return [...builtIn, ...others].join('\n');
}
