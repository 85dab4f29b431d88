import { expect, test } from './support/fixtures';
import { joinedMentee } from './support/joined-pair';
import { chunkedBody, plainBody, RawConnection } from './support/raw-http';

// As the test server (and `npm start`) sets BODY_SIZE_LIMIT: 3M.
const bodySizeLimit = 3 * 1024 * 1024;
const metricsLimit = 128 * 1024;
const backupPartLimit = 256 * 1024;

test.describe('a body too large for the server', () => {
	test('is answered 413, and the next request on the same connection is answered too', async ({
		page,
		app
	}) => {
		test.setTimeout(120_000);
		const { authorization } = await joinedMentee(page, app);
		const backupPart = `/api/v1/backup/${crypto.randomUUID()}/parts/0`;
		const cases = [
			{
				what: 'a declared length over BODY_SIZE_LIMIT',
				head: `POST /api/v1/metrics HTTP/1.1\ncontent-type: application/json\ncontent-length: ${bodySizeLimit + 1}`,
				body: plainBody(bodySizeLimit + 1)
			},
			{
				what: "a declared length over the endpoint's own limit",
				head: `POST /api/v1/metrics HTTP/1.1\ncontent-type: application/json\ncontent-length: ${metricsLimit * 2}`,
				body: plainBody(metricsLimit * 2)
			},
			{
				what: "a chunked body passing the endpoint's own limit",
				head: 'POST /api/v1/metrics HTTP/1.1\ncontent-type: application/json\ntransfer-encoding: chunked',
				body: chunkedBody(metricsLimit * 2)
			},
			{
				what: 'a chunked body passing BODY_SIZE_LIMIT',
				head: 'POST /api/v1/metrics HTTP/1.1\ncontent-type: application/json\ntransfer-encoding: chunked',
				body: chunkedBody(bodySizeLimit + 512 * 1024)
			},
			{
				what: 'a chunked backup part, read as raw bytes, passing its limit',
				head: `PUT ${backupPart} HTTP/1.1\ncontent-type: application/octet-stream\ntransfer-encoding: chunked`,
				body: chunkedBody(backupPartLimit * 4)
			},
			{
				what: 'a declared backup part over its limit',
				head: `PUT ${backupPart} HTTP/1.1\ncontent-type: application/octet-stream\ncontent-length: ${backupPartLimit + 1}`,
				body: plainBody(backupPartLimit + 1)
			}
		];
		for (const { what, head, body } of cases) {
			await test.step(what, async () => {
				const connection = await RawConnection.open(app.port);
				try {
					const sent = connection.send(
						`${head}\nhost: 127.0.0.1:${app.port}\nauthorization: ${authorization}`,
						body
					);
					const refused = await connection.response();
					expect(refused.status).toBe(413);
					expect(JSON.parse(refused.body)).toMatchObject({ error: 'too-large' });
					await sent;
					await connection.send(`GET /api/v1/health HTTP/1.1\nhost: 127.0.0.1:${app.port}`);
					const next = await connection.response();
					expect(next.status).toBe(200);
					expect(JSON.parse(next.body)).toMatchObject({ status: 'ok' });
				} finally {
					connection.close();
				}
			});
		}
	});

	test('is answered 413 to fetch (undici), whose next request is answered, not reset', async ({
		page,
		app
	}) => {
		test.setTimeout(120_000);
		const { authorization } = await joinedMentee(page, app);
		const streamOf = (bytes: number) =>
			new ReadableStream<Uint8Array>({
				start(controller) {
					for (const piece of plainBody(bytes)) controller.enqueue(new Uint8Array(piece));
					controller.close();
				}
			});
		const uploads = [
			{ path: '/api/v1/metrics', method: 'POST', body: () => new Uint8Array(metricsLimit * 2) },
			{ path: '/api/v1/metrics', method: 'POST', body: () => streamOf(bodySizeLimit * 2) },
			{
				path: `/api/v1/backup/${crypto.randomUUID()}/parts/0`,
				method: 'PUT',
				body: () => streamOf(backupPartLimit * 4)
			}
		];
		for (const upload of uploads) {
			const refused = await fetch(app.url(upload.path), {
				method: upload.method,
				headers: { authorization, 'content-type': 'application/octet-stream' },
				body: upload.body(),
				duplex: 'half'
			} as RequestInit);
			expect(refused.status).toBe(413);
			await refused.text();
			const next = await fetch(app.url('/api/v1/health'));
			expect(next.status).toBe(200);
		}
	});
});
