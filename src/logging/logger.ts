import { pino, stdSerializers, type DestinationStream, type Logger } from 'pino';

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

/** Longest error message or stack one log line keeps. */
export const MAX_ERROR_TEXT = 4000;

const clip = (text: unknown) =>
  typeof text === 'string' && text.length > MAX_ERROR_TEXT ? `${text.slice(0, MAX_ERROR_TEXT)}… [${text.length - MAX_ERROR_TEXT} more characters]` : text;

/**
 * pino's error serializer with long texts cut: a failed statement's message carries its whole SQL
 * (500 row ids make 40–90 KB), and a burst of those would flood the log stream.
 */
function errorSerializer(err: Error) {
  const serialized = stdSerializers.err(err);
  serialized.message = clip(serialized.message) as string;
  serialized.stack = clip(serialized.stack) as string;
  return serialized;
}

export function createLogger(level: string, destination?: DestinationStream): AppLogger {
  return pino(
    {
      level,
      base: { service: 'atlasforge-gateway' },
      timestamp: pino.stdTimeFunctions.isoTime,
      redact: { paths: REDACT_PATHS, censor: '[redacted]' },
      serializers: { err: errorSerializer },
      formatters: { level: (label) => ({ level: label }) },
    },
    destination,
  );
}
