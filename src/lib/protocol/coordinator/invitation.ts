export interface ShownInvitation {
	/** The participant's name, or undefined for a coordinator invitation. */
	name: string | undefined;
	code: string;
	link: string;
	/** Our own SVG, drawn here from the link: safe to put into the page as markup. */
	qrSvg: string;
	expiresAt: string;
}
