import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { spawn, type ChildProcess } from 'node:child_process';
import { createServer } from 'node:net';
import { startTestGateway, type TestGateway } from '../helpers/gateway.js';
import { eventually } from '../helpers/webhooks.js';

/** A free TCP port on loopback. */
async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  await new Promise((resolve) => server.close(resolve));
  return port;
}

function startRedis(port: number): ChildProcess {
  return spawn('redis-server', ['--port', String(port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no'], { stdio: 'ignore' });
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * A Redis of its own (the shared one must stay up for the other suites), taken away while the
 * gateway runs: the webhook queue logs the outage once and its end once, instead of an error
 * with a stack every couple of seconds for as long as it lasts.
 */
(process.env.REDIS_URL ? describe : describe.skip)('the webhook queue during a Redis outage', () => {
  let port: number;
  let redis: ChildProcess;
  let gw: TestGateway;
  const queueLines = () => gw.logs.filter((l) => typeof l.msg === 'string' && l.msg.startsWith('webhook queue')).map((l) => String(l.msg));

  beforeAll(async () => {
    port = await freePort();
    redis = startRedis(port);
    await sleep(300);
    gw = await startTestGateway('sqlite', { REDIS_URL: `redis://127.0.0.1:${port}` });
  });
  afterAll(async () => {
    await gw.stop();
    redis.kill('SIGKILL');
  });

  it('logs one line when Redis goes away and one when it is back', async () => {
    await sleep(500);
    expect(queueLines()).toEqual([]);
    redis.kill('SIGKILL');
    await sleep(8000); // a few of the worker's reconnect rounds
    const during = queueLines();
    expect(during.filter((m) => m.includes('error'))).toHaveLength(1);
    redis = startRedis(port);
    await eventually(() => queueLines().some((m) => m.includes('is back')), 15_000, 'the recovery line');
    expect(queueLines().filter((m) => m.includes('error'))).toHaveLength(1);
  });
});
