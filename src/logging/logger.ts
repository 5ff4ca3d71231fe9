import { pino, type DestinationStream, type Logger } from 'pino';

/**
 * Paths pino blanks out wherever they appear in a log object: credentials in headers, and the
 * field names that carry secrets, tokens and card or identity numbers in request/response bodies.
 * Upstream adapters scrub their own errors too; this is the last line of defence.
 */
export const REDACT_PATHS = [
  'req.headers.authorization',
  'req.headers["x-api-key"]',
  'req.headers["x-atlas-ingest-secret"]',
  'req.headers["plaid-client-id"]',
  'req.headers["plaid-secret"]',
  'req.headers["x-api-secret"]',
  'req.headers.cookie',
  'headers.authorization',
  'headers["x-api-key"]',
  '*.secret',
  '*.apiKey',
  '*.apiSecret',
  '*.access_token',
  '*.accessToken',
  '*.public_token',
  '*.publicToken',
  '*.cardNumber',
  '*.cvv',
  '*.ssn',
];

export type AppLogger = Logger;

export function createLogger(level: string, destination?: DestinationStream): AppLogger {
  return pino(
    {
      level,
      base: { service: 'atlasforge-gateway' },
      timestamp: pino.stdTimeFunctions.isoTime,
      redact: { paths: REDACT_PATHS, censor: '[redacted]' },
      formatters: { level: (label) => ({ level: label }) },
    },
    destination,
  );
}
