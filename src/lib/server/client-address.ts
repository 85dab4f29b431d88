import { isIPv4, isIPv6 } from 'node:net';
import type { RequestEvent } from '@sveltejs/kit';

/** The 64-bit network prefix of an IPv6 address: one home or phone is given a whole /64. */
function ipv6Network(address: string): string {
	const [head = '', tail = ''] = address.split('::');
	const left = head ? head.split(':') : [];
	const right = tail ? tail.split(':') : [];
	const groups = address.includes('::')
		? [...left, ...Array(8 - left.length - right.length).fill('0'), ...right]
		: left;
	return `${groups
		.slice(0, 4)
		.map((g) => g.replace(/^0+(?=.)/, '').toLowerCase())
		.join(':')}::/64`;
}

/**
 * Who a rate limit counts: an IPv4 address, or an IPv6 /64, since one person holds 2^64
 * addresses of one. Behind a proxy with ADDRESS_HEADER set, a request without that header
 * (one that did not come through the proxy) shares a single bucket rather than failing.
 */
export function addressBucket(event: RequestEvent): string {
	let address: string;
	try {
		address = event.getClientAddress().trim();
	} catch {
		return 'unknown';
	}
	const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(address);
	if (mapped) return mapped[1]!;
	if (isIPv4(address)) return address;
	if (isIPv6(address.split('%')[0]!)) return ipv6Network(address.split('%')[0]!);
	return 'unknown';
}
