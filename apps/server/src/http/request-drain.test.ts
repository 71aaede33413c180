import { connect } from 'node:net';
import { Readable } from 'node:stream';
import { errorBodySchema } from '@sendlog/contract';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { spawnServer, type ServerProcess } from '../testing/index.js';
import { DRAIN_LIMIT_BYTES } from './request-drain.js';

const MiB = 1024 * 1024;

/**
 * A real API process, reached over a socket by Node's own `fetch` (undici), as a third-party
 * client would: in-process the client writes its whole body before the server gets to answer,
 * so the early close this is about never shows.
 */
describe('an oversized body, sent by Node’s fetch to a server process', () => {
  let server: ServerProcess;
  beforeAll(async () => {
    server = await spawnServer({ env: { SENDLOG_DATA_DIR: 'memory://' } });
  }, 180_000);
  afterAll(() => server?.stop());

  const bulkOf = (bytes: number) => JSON.stringify({ sessions: [{ notes: 'x'.repeat(bytes) }] });

  async function expect413(response: Response): Promise<void> {
    expect(response.status).toBe(413);
    expect(errorBodySchema.parse(await response.json()).error.code).toBe('payload_too_large');
  }

  it.each([3, 8, 24])('reads 413 payload_too_large for a %i MiB bulk', async (mib) => {
    for (const authorization of ['Bearer not-a-token', undefined]) {
      await expect413(
        await fetch(`${server.url}/sessions/sync/bulk`, {
          method: 'POST',
          headers: {
            'content-type': 'application/json',
            ...(authorization ? { authorization } : {}),
          },
          body: bulkOf(mib * MiB),
        }),
      );
    }
  });

  it('reads it for a body streamed without a Content-Length too', async () => {
    const chunks = Array.from({ length: 48 }, () => Buffer.alloc(128 * 1024, 'x'));
    await expect413(
      await fetch(`${server.url}/sessions/offline`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: Readable.toWeb(Readable.from(chunks)) as ReadableStream,
        duplex: 'half',
      } as RequestInit),
    );
  });

  it('answers a body declared beyond what it reads out at once, and closes', async () => {
    const socket = connect(Number(new URL(server.url).port), '127.0.0.1');
    let answer = '';
    socket.on('data', (chunk: Buffer) => (answer += chunk.toString()));
    socket.write(
      'POST /sessions/sync/bulk HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\n' +
        `Content-Length: ${DRAIN_LIMIT_BYTES + 1}\r\n\r\n{"sessions":[`,
    );
    await new Promise((resolve) => socket.once('close', resolve));
    expect(answer).toMatch(/^HTTP\/1\.1 413 /);
    expect(answer).toContain('"code":"payload_too_large"');
  });
});
