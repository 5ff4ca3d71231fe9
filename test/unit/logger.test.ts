import { describe, expect, it } from '@jest/globals';
import { Writable } from 'node:stream';
import { createLogger, MAX_ERROR_TEXT } from '../../src/logging/logger.js';

function capture() {
  const lines: string[] = [];
  const stream = new Writable({
    write(chunk: Buffer, _enc, done) {
      lines.push(chunk.toString('utf8'));
      done();
    },
  });
  return { logger: createLogger('info', stream), lines };
}

describe('logger', () => {
  it('cuts an error’s long message and stack (a failed statement carries all its SQL) and keeps the rest', () => {
    const { logger, lines } = capture();
    const err = new Error(`update "bank_transactions" set … where "id" in (${"'00000000-0000-0000-0000-000000000000', ".repeat(2000)})`);
    logger.error({ err, requestId: 'req-1' }, 'unexpected error');
    const line = JSON.parse(lines[0]!) as { err: { type: string; message: string; stack: string }; requestId: string; msg: string };
    expect(line.err.type).toBe('Error');
    expect(line.err.message.length).toBeLessThan(MAX_ERROR_TEXT + 100);
    expect(line.err.message).toMatch(/… \[\d+ more characters\]$/);
    expect(line.err.stack.length).toBeLessThan(MAX_ERROR_TEXT + 100);
    expect(line).toMatchObject({ requestId: 'req-1', msg: 'unexpected error' });
  });

  it('leaves ordinary errors whole', () => {
    const { logger, lines } = capture();
    logger.warn({ err: new Error('connect ECONNREFUSED 127.0.0.1:9') }, 'upstream down');
    expect((JSON.parse(lines[0]!) as { err: { message: string } }).err.message).toBe('connect ECONNREFUSED 127.0.0.1:9');
  });
});
