import { randomUUID } from 'node:crypto';
import type { IncomingMessage } from 'node:http';

/** Accept a caller's X-Request-Id only when it is a plain token (it ends up in every log line). */
const SAFE_REQUEST_ID = /^[A-Za-z0-9._:-]{1,128}$/;

export function requestIdFor(req: IncomingMessage): string {
  const incoming = req.headers['x-request-id'];
  return typeof incoming === 'string' && SAFE_REQUEST_ID.test(incoming) ? incoming : randomUUID();
}
