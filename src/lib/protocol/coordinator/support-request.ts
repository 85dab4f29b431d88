import type { SupportRequestForDevice } from '$lib/protocol/support-protocol';
export interface SchemeSupportRequest extends SupportRequestForDevice {
	mentorName: string;
}
