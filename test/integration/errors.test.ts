import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import net from 'node:net';
import { getJson, startTestGateway, type TestGateway } from '../helpers/gateway.js';

describe('request ids and error responses', () => {
  let gw: TestGateway;
  beforeAll(async () => {
    gw = await startTestGateway('sqlite');
  });
  afterAll(() => gw.stop());

  it('echoes a well-formed X-Request-Id and stamps it on every log line of the request', async () => {
    const res = await gw.graphql('{ viewer { name } }', { headers: { 'x-request-id': 'req-abc.123' } });
    expect(res.headers.get('x-request-id')).toBe('req-abc.123');
    const lines = gw.logs.filter((l) => l.requestId === 'req-abc.123');
    expect(lines.map((l) => l.msg)).toEqual(expect.arrayContaining(['incoming request', 'request completed']));
  });

  it('replaces an X-Request-Id that is not a plain token', async () => {
    const res = await gw.graphql('{ viewer { name } }', { headers: { 'x-request-id': 'bad id\twith spaces' } });
    expect(res.headers.get('x-request-id')).toMatch(/^[0-9a-f-]{36}$/);
  });

  it('answers a malformed query with 400 BAD_USER_INPUT', async () => {
    const res = await gw.graphql('{ viewer { name ');
    expect(res.status).toBe(400);
    expect(res.body.errors[0].extensions.code).toBe('BAD_USER_INPUT');
    const unknownField = await gw.graphql('{ viewer { nope } }');
    expect(unknownField.status).toBe(400);
    expect(unknownField.body.errors[0].extensions.code).toBe('BAD_USER_INPUT');
  });

  it('answers invalid JSON on a REST-style body with a JSON 400, and unknown routes with a JSON 404', async () => {
    const bad = await fetch(`${gw.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${gw.demoKey}` },
      body: '{"query": ',
    });
    expect(bad.status).toBe(400);
    const badBody = (await bad.json()) as { errors: { extensions: { code: string } }[] };
    expect(badBody.errors[0]!.extensions.code).toBe('BAD_USER_INPUT');
    const missing = await getJson(`${gw.url}/v1/nothing-here`);
    expect(missing.status).toBe(404);
    expect(missing.body.error).toMatchObject({ code: 'NOT_FOUND', request_id: expect.any(String) });
  });

  it('answers a request the HTTP parser rejects with the JSON error shape and a logged request id, never logging its bytes', async () => {
    const port = new URL(gw.url).port;
    const raw = await new Promise<string>((resolve, reject) => {
      let answer = '';
      const socket = net.connect(Number(port), '127.0.0.1', () => {
        // A control character in a header value: Node's parser refuses the whole request.
        socket.write(`GET /v1/accounts HTTP/1.1\r\nHost: x\r\nX-API-Key: ${gw.demoKey}\r\nX-Note: a\u0001b\r\n\r\n`);
      });
      socket.on('data', (d) => (answer += d.toString()));
      socket.on('close', () => resolve(answer));
      socket.on('error', reject);
    });
    const [head, body] = raw.split('\r\n\r\n');
    expect(head).toMatch(/^HTTP\/1\.1 400 Bad Request\r\n/);
    const requestId = /x-request-id: (\S+)/i.exec(head!)![1]!;
    expect(JSON.parse(body!)).toEqual({ error: { code: 'BAD_USER_INPUT', message: 'The HTTP request is malformed.', request_id: requestId } });
    expect(gw.logs.find((l) => l.requestId === requestId)).toMatchObject({ msg: 'malformed HTTP request refused', status: 400 });
    expect(gw.rawLogs()).not.toContain(gw.demoKey!);
  });
});

describe('unexpected failures are masked', () => {
  let gw: TestGateway;
  beforeAll(async () => {
    gw = await startTestGateway('sqlite');
  });
  afterAll(() => gw.stop());

  it('answers 500 INTERNAL_SERVER_ERROR with no internals, and logs the real error with the request id', async () => {
    await gw.orm.close(true); // every key lookup now fails inside the ORM
    const res = await gw.graphql('{ viewer { name } }', { headers: { 'x-request-id': 'req-db-gone' } });
    expect(res.status).toBe(500);
    expect(res.body).toEqual({ errors: [{ message: 'Internal server error', extensions: { code: 'INTERNAL_SERVER_ERROR' } }] });
    const serialized = JSON.stringify(res.body);
    expect(serialized).not.toMatch(/stack|sqlite|libsql|mikro|at \w+ \(/i);

    const logged = gw.logs.find((l) => l.requestId === 'req-db-gone' && l.level === 'error');
    expect(logged).toBeDefined();
    expect((logged!.err as { stack?: string }).stack).toEqual(expect.any(String));
  });
});
