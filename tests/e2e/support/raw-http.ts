import { connect, type Socket } from 'node:net';

export interface RawResponse {
	status: number;
	headers: Record<string, string>;
	body: string;
}

/**
 * One TCP connection to the server, for what fetch hides: whether the next request really goes
 * over the same connection, and what the server does with a body it does not read.
 */
export class RawConnection {
	private buffer = Buffer.alloc(0);
	private waiting: (() => void) | undefined;
	private ended = false;
	private error: Error | undefined;

	private constructor(private socket: Socket) {
		socket.on('data', (chunk) => {
			this.buffer = Buffer.concat([this.buffer, chunk]);
			this.waiting?.();
		});
		socket.on('end', () => {
			this.ended = true;
			this.waiting?.();
		});
		socket.on('error', (error) => {
			this.error = error;
			this.waiting?.();
		});
	}

	static open(port: number): Promise<RawConnection> {
		return new Promise((resolve, reject) => {
			const socket = connect(port, '127.0.0.1', () => resolve(new RawConnection(socket)));
			socket.once('error', reject);
		});
	}

	/** Sends a request head, then the body in pieces, without waiting for any answer. */
	async send(head: string, body: Iterable<Buffer> = []): Promise<void> {
		this.socket.write(`${head.trim().split('\n').join('\r\n')}\r\n\r\n`);
		for (const piece of body) {
			if (this.socket.destroyed) return;
			if (!this.socket.write(piece)) {
				await new Promise((drained) => this.socket.once('drain', drained));
			}
		}
	}

	private async more(): Promise<void> {
		if (this.error) throw this.error;
		if (this.ended) throw new Error('the server closed the connection');
		await new Promise<void>((resolve) => (this.waiting = resolve));
		this.waiting = undefined;
	}

	/** Reads the next whole response (Content-Length or chunked). */
	async response(): Promise<RawResponse> {
		let end: number;
		while ((end = this.buffer.indexOf('\r\n\r\n')) < 0) await this.more();
		const [statusLine, ...lines] = this.buffer.subarray(0, end).toString('latin1').split('\r\n');
		const headers = Object.fromEntries(
			lines.map((line) => {
				const at = line.indexOf(':');
				return [line.slice(0, at).trim().toLowerCase(), line.slice(at + 1).trim()];
			})
		);
		this.buffer = this.buffer.subarray(end + 4);
		let body = Buffer.alloc(0);
		if (headers['transfer-encoding'] === 'chunked') {
			for (;;) {
				let lineEnd: number;
				while ((lineEnd = this.buffer.indexOf('\r\n')) < 0) await this.more();
				const size = parseInt(this.buffer.subarray(0, lineEnd).toString(), 16);
				while (this.buffer.length < lineEnd + 2 + size + 2) await this.more();
				body = Buffer.concat([body, this.buffer.subarray(lineEnd + 2, lineEnd + 2 + size)]);
				this.buffer = this.buffer.subarray(lineEnd + 2 + size + 2);
				if (size === 0) break;
			}
		} else {
			const length = Number(headers['content-length'] ?? 0);
			while (this.buffer.length < length) await this.more();
			body = this.buffer.subarray(0, length);
			this.buffer = this.buffer.subarray(length);
		}
		return { status: Number(statusLine!.split(' ')[1]), headers, body: body.toString() };
	}

	close(): void {
		this.socket.destroy();
	}
}

/** A body of `bytes` bytes in 64 KB pieces, as HTTP chunked encoding. */
export function* chunkedBody(bytes: number): Generator<Buffer> {
	const piece = 64 * 1024;
	for (let sent = 0; sent < bytes; sent += piece) {
		const size = Math.min(piece, bytes - sent);
		yield Buffer.concat([
			Buffer.from(`${size.toString(16)}\r\n`),
			Buffer.alloc(size, 0x20),
			Buffer.from('\r\n')
		]);
	}
	yield Buffer.from('0\r\n\r\n');
}

/** A plain body of `bytes` bytes in 64 KB pieces. */
export function* plainBody(bytes: number): Generator<Buffer> {
	const piece = 64 * 1024;
	for (let sent = 0; sent < bytes; sent += piece)
		yield Buffer.alloc(Math.min(piece, bytes - sent), 0x20);
}
