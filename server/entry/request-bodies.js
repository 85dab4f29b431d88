/**
 * What is left of a request body once its answer has gone out (an oversized body answered 413,
 * or one refused before it was read) is read and thrown away, so the next request on the same
 * keep-alive connection is answered rather than reset. Closing the socket with unread data in it
 * makes the kernel reset the connection, and the client may lose the answer too.
 */

/**
 * @param {import('node:http').IncomingMessage} req
 * @param {import('node:http').ServerResponse} res
 * @param {number} limit the most to throw away; a client sending more loses the connection
 */
export function discardUnreadBodyAfterAnswer(req, res, limit) {
	res.once('finish', () => {
		if (req.complete || req.destroyed) return;
		// The app's reader paused the stream when it stopped reading; it wants nothing more.
		req.removeAllListeners('data');
		let discarded = 0;
		req.on('data', (/** @type {Buffer} */ chunk) => {
			discarded += chunk.length;
			if (discarded > limit) req.socket.destroy();
		});
		req.resume();
	});
}
