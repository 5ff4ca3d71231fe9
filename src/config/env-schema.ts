import ipaddr from 'ipaddr.js';
import { z } from 'zod';

/** Empty strings in the environment mean "not set" (a blank line in .env must not defeat a default). */
const optionalString = () =>
  z.preprocess((v) => (v === '' ? undefined : v), z.string().optional());

const withDefault = (fallback: string) =>
  z.preprocess((v) => (v === '' || v === undefined ? fallback : v), z.string());

function urlWithProtocols(protocols: string[], what: string) {
  return z.string().refine(
    (value) => {
      try {
        return protocols.includes(new URL(value).protocol);
      } catch {
        return false;
      }
    },
    { message: `must be a ${what} URL (${protocols.map((p) => p + '//').join(' or ')})` },
  );
}

const httpUrl = () => urlWithProtocols(['http:', 'https:'], 'http(s)');

/** Digits only: `Number(" ")` is 0, which would listen on a random port. */
const digits = (v: string) => (/^\s*\d+\s*$/.test(v) ? Number(v) : NaN);

const port = (fallback: string) =>
  withDefault(fallback).transform(digits).pipe(
    z
      .number({ message: 'must be an integer between 0 and 65535' })
      .int('must be an integer between 0 and 65535')
      .min(0, 'must be an integer between 0 and 65535')
      .max(65535, 'must be an integer between 0 and 65535'),
  );

/** Up to 2^31 - 1: these are counts and milliseconds, and setTimeout fires at once for anything larger. */
const MAX_INT = 2_147_483_647;
const positiveInt = (fallback: string) =>
  withDefault(fallback).transform(digits).pipe(
    z
      .number({ message: `must be a positive integer up to ${MAX_INT}` })
      .int(`must be a positive integer up to ${MAX_INT}`)
      .positive(`must be a positive integer up to ${MAX_INT}`)
      .max(MAX_INT, `must be a positive integer up to ${MAX_INT}`),
  );

/** A retention period in days: at most 100 years, so that "now minus the period" is still a valid date. */
const retentionDays = (fallback: string) => positiveInt(fallback).pipe(z.number().max(36_500, 'must be at most 36500 days (100 years)'));

/** An empty entry (a trailing comma), an IP address, a CIDR, or a host name. */
function isAllowlistEntry(entry: string): boolean {
  if (entry === '') return true;
  if (entry.includes('/')) return ipaddr.isValidCIDR(entry);
  return ipaddr.isValid(entry.replace(/^\[(.*)\]$/, '$1')) || /^[A-Za-z0-9]([A-Za-z0-9-]*[A-Za-z0-9])?(\.[A-Za-z0-9]([A-Za-z0-9-]*[A-Za-z0-9])?)*\.?$/.test(entry);
}

/**
 * Every environment variable the gateway reads. `.env.example` documents each one;
 * test/unit/config.test.ts keeps the two in step.
 */
export const envSchema = z.object({
  GATEWAY_MODE: withDefault('sandbox').pipe(
    z.enum(['sandbox', 'live'], { message: 'must be one of sandbox, live' }),
  ),
  HOST: withDefault('127.0.0.1'),
  PORT: port('4000'),
  LOG_LEVEL: withDefault('info').pipe(
    z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'], {
      message: 'must be one of fatal, error, warn, info, debug, trace, silent',
    }),
  ),
  SHUTDOWN_TIMEOUT_MS: positiveInt('10000'),

  DATABASE_URL: optionalString().pipe(
    urlWithProtocols(['postgres:', 'postgresql:'], 'PostgreSQL').optional(),
  ),
  SQLITE_PATH: withDefault('./data/atlasforge.sqlite'),
  REDIS_URL: optionalString().pipe(urlWithProtocols(['redis:', 'rediss:'], 'Redis').optional()),

  PLAID_CLIENT_ID: optionalString(),
  PLAID_SANDBOX_URL: withDefault('http://127.0.0.1:4010').pipe(httpUrl()),
  PLAID_SANDBOX_SECRET: optionalString(),
  PLAID_PRODUCTION_URL: withDefault('https://production.plaid.com').pipe(httpUrl()),
  PLAID_PRODUCTION_SECRET: optionalString(),

  ATOMIC_SANDBOX_URL: withDefault('http://127.0.0.1:4020').pipe(httpUrl()),
  ATOMIC_SANDBOX_API_KEY: optionalString(),
  ATOMIC_SANDBOX_API_SECRET: optionalString(),
  ATOMIC_SANDBOX_PCI_URL: optionalString().pipe(httpUrl().optional()),
  ATOMIC_PRODUCTION_URL: withDefault('https://api.atomicfi.com').pipe(httpUrl()),
  ATOMIC_PRODUCTION_PCI_URL: withDefault('https://pci.atomicfi.com').pipe(httpUrl()),
  ATOMIC_API_VERSION: withDefault('2022-12-02').pipe(z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'must be a date in YYYY-MM-DD form')),
  ATOMIC_FIND_COMPANY_BATCH_LIMIT: positiveInt('1000'),
  COMPANY_CACHE_TTL_SECONDS: positiveInt('3600'),
  ATOMIC_PRODUCTION_API_KEY: optionalString(),
  ATOMIC_PRODUCTION_API_SECRET: optionalString(),

  PUBLIC_URL: optionalString().pipe(httpUrl().optional()),
  SANDBOX_EMULATORS: withDefault('true').pipe(z.enum(['true', 'false'], { message: 'must be true or false' })),
  TOKEN_ENCRYPTION_KEYS: optionalString().pipe(
    z
      .string()
      .regex(
        /^[A-Za-z0-9_-]{1,32}:[A-Za-z0-9+/]{43}=(,[A-Za-z0-9_-]{1,32}:[A-Za-z0-9+/]{43}=)*$/,
        'must be "<key id>:<base64 of 32 random bytes>" pairs separated by commas, newest first',
      )
      .optional(),
  ),
  TRANSACTIONS_STALE_AFTER_SECONDS: positiveInt('900'),

  RATE_LIMIT_PER_SECOND: positiveInt('60'),
  RATE_LIMIT_WINDOW_SECONDS: positiveInt('1'),
  RATE_LIMIT_KEY_PREFIX: withDefault('afg:rl').pipe(
    z.string().regex(/^[A-Za-z0-9:_-]{1,64}$/, 'must be 1 to 64 letters, digits, ":", "_" or "-"'),
  ),

  ATLAS_INGEST_SECRET: optionalString().pipe(z.string().min(16, 'must be at least 16 characters').optional()),

  // Webhook receivers allowed despite the SSRF rules (loopback, private ranges, plain http):
  // host names, IP addresses or CIDRs, comma-separated. Tests and local set-ups allow 127.0.0.1.
  WEBHOOK_ALLOWED_HOSTS: withDefault('').pipe(
    z.string().refine((v) => v.split(',').every((entry) => isAllowlistEntry(entry.trim())), {
      message: 'must be comma-separated host names, IP addresses or CIDRs (e.g. "localhost,127.0.0.1,10.0.0.0/8")',
    }),
  ),
  WEBHOOK_RETRY_BASE_MS: positiveInt('60000'),
  WEBHOOK_MAX_ATTEMPTS: positiveInt('12'),
  WEBHOOK_RETENTION_DAYS: retentionDays('30'),
  USAGE_EVENT_RETENTION_DAYS: retentionDays('400'),

  DEMO_API_KEY: optionalString().pipe(
    z
      .string()
      .regex(/^afg_test_[A-Za-z0-9]{12}_[A-Za-z0-9]{32}$/, 'must be a test key (afg_test_…) in the format the gateway issues')
      .optional(),
  ),
});

export type RawEnv = z.infer<typeof envSchema>;

/** Variables that must be set in live mode: nothing secret has a default there. */
export const LIVE_REQUIRED = [
  'PLAID_CLIENT_ID',
  'PLAID_PRODUCTION_SECRET',
  'ATOMIC_PRODUCTION_API_KEY',
  'ATOMIC_PRODUCTION_API_SECRET',
  'TOKEN_ENCRYPTION_KEYS',
  'PUBLIC_URL',
] as const satisfies readonly (keyof RawEnv)[];
