import { randomUUID } from 'node:crypto';
import { STATUS_CODES } from 'node:http';
import type { Socket } from 'node:net';
import type { FastifyInstance } from 'fastify';
import { restErrorBody } from './http-errors.js';

/**
 * Requests that Node's HTTP parser rejects (a malformed header or request line, headers too large,
 * headers never finished) never reach a route, so Fastify answered them with a bare
 * `{"error":"Bad Request"}`, no request id and no log line above trace. They get the REST error
 * shape here, with a fresh request id that is also logged, so a partner's report can be traced.
 * The log line names the parser's error code only: the error's `rawPacket` holds the request's
 * bytes, API keys included.
 */
export function clientErrorHandler(this: FastifyInstance, err: NodeJS.ErrnoException, socket: Socket): void {
  // A reset connection is gone: nothing to answer, nothing worth a log line.
  if (err.code === 'ECONNRESET' || socket.destroyed) return;
  const status = err.code === 'ERR_HTTP_REQUEST_TIMEOUT' ? 408 : err.code === 'HPE_HEADER_OVERFLOW' ? 431 : 400;
  const requestId = randomUUID();
  const message =
    status === 408 ? 'The request was not completed in time.' : status === 431 ? 'The request headers are too large.' : 'The HTTP request is malformed.';
  this.log.info({ requestId, parserError: err.code, remoteAddress: socket.remoteAddress, status }, 'malformed HTTP request refused');
  if (socket.writable) {
    const body = JSON.stringify(restErrorBody('BAD_USER_INPUT', message, requestId));
    socket.write(
      `HTTP/1.1 ${status} ${STATUS_CODES[status]}\r\nContent-Type: application/json; charset=utf-8\r\nContent-Length: ${Buffer.byteLength(body)}\r\n` +
        `X-Request-Id: ${requestId}\r\nConnection: close\r\n\r\n${body}`,
    );
  }
  socket.destroy();
}
