import path from 'node:path';
import { envSchema, LIVE_REQUIRED, type RawEnv } from './env-schema.js';

export type GatewayMode = 'sandbox' | 'live';
export type KeyMode = 'test' | 'live';

export interface PlaidUpstreamConfig {
  baseUrl: string;
  clientId: string | undefined;
  secret: string | undefined;
}

export interface AtomicUpstreamConfig {
  baseUrl: string;
  /** Atomic's PCI host, for calls that carry card data (access tokens with cards, PUT /user). */
  pciUrl: string;
  apiKey: string | undefined;
  apiSecret: string | undefined;
}

export interface UpstreamConfig {
  plaid: PlaidUpstreamConfig;
  atomic: AtomicUpstreamConfig;
}

export type DatabaseConfig =
  | { kind: 'sqlite'; path: string }
  | { kind: 'postgresql'; url: string };

export interface AppConfig {
  mode: GatewayMode;
  host: string;
  port: number;
  logLevel: RawEnv['LOG_LEVEL'];
  shutdownTimeoutMs: number;
  database: DatabaseConfig;
  redisUrl: string | undefined;
  /** Test keys use `sandbox`, live keys use `production`. */
  upstreams: { sandbox: UpstreamConfig; production: UpstreamConfig };
  demoApiKey: string | undefined;
  /** Base URL providers use to reach this gateway (webhooks); undefined = the address it listens on. */
  publicUrl: string | undefined;
  /** In sandbox mode, start the local emulators for loopback upstream URLs. */
  sandboxEmulators: boolean;
  /** Parsed TOKEN_ENCRYPTION_KEYS (newest first); undefined in sandbox mode means a generated local key. */
  tokenEncryptionKeys: EncryptionKey[] | undefined;
  transactionsStaleAfterMs: number;
  atomic: { apiVersion: string; findCompanyBatchLimit: number; companyCacheTtlMs: number };
  /** Secret for the server-to-server ingest API; unset means ingest answers 503. */
  ingestSecret: string | undefined;
  /** Days a raw usage event is kept; its counts live on in the hourly rollups (src/modules/retention). */
  usageEventRetentionDays: number;
  /** Outgoing webhooks (src/modules/webhooks, docs/webhooks.md). */
  webhooks: WebhookConfig;
  /** Per-API-key limits (src/server/rate-limit/); a partner's `rate_limit_per_second` overrides `perSecond`. */
  rateLimit: RateLimitConfig;
}

export interface RateLimitConfig {
  /** Requests allowed per key in one window, unless the partner has its own limit. */
  perSecond: number;
  /** Length of the fixed counting window: 1 (per second) except in tests, which lengthen it. */
  windowSeconds: number;
  /** Prefix of the Redis keys, so deployments (or test runs) sharing one Redis keep separate counters. */
  keyPrefix: string;
}

export interface WebhookConfig {
  /** WEBHOOK_ALLOWED_HOSTS entries: host names, IPs or CIDRs exempt from the SSRF rules. */
  allowedHosts: string[];
  /** Upper bound of the first retry's wait; later ones double (full jitter). */
  retryBaseMs: number;
  /** Attempts before a delivery is marked failed, the first included. */
  maxAttempts: number;
  /** Days an event and its delivery log are kept once delivery is over (src/modules/retention). */
  retentionDays: number;
}

export interface EncryptionKey {
  id: string;
  key: Buffer;
}

export type ConfigResult = { ok: true; config: AppConfig } | { ok: false; problems: string[] };

/** Credentials the local emulators accept; only ever defaults for the sandbox configuration. */
export const EMULATOR_CREDENTIALS = {
  plaidClientId: 'afg-sandbox-client',
  plaidSecret: 'afg-sandbox-secret',
  atomicApiKey: 'afg-sandbox-atomic-key',
  atomicApiSecret: 'afg-sandbox-atomic-secret',
} as const;

/**
 * Reads and validates every setting. Returns all problems at once, one line each,
 * so an operator fixes a bad deployment in one go.
 */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): ConfigResult {
  const parsed = envSchema.safeParse(env);
  const problems = parsed.success
    ? []
    : parsed.error.issues.map((issue) => {
        const name = issue.path.join('.');
        const got = env[name];
        return `${name}: ${issue.message}${got === undefined ? '' : ` (got ${JSON.stringify(got)})`}`;
      });
  // Read from the environment itself, so a malformed PORT does not hide a missing secret.
  problems.push(...liveModeProblems(env));
  if (!parsed.success || problems.length > 0) return { ok: false, problems };
  return { ok: true, config: toAppConfig(parsed.data) };
}

/** What live mode requires beyond well-formed values: every production secret, and no demo key. */
function liveModeProblems(env: NodeJS.ProcessEnv): string[] {
  if (env.GATEWAY_MODE !== 'live') return [];
  const problems = LIVE_REQUIRED.filter((name) => !env[name]?.trim()).map((name) => `${name}: is required when GATEWAY_MODE=live`);
  if (env.DEMO_API_KEY) problems.push('DEMO_API_KEY: must not be set when GATEWAY_MODE=live');
  return problems;
}

function toAppConfig(raw: RawEnv): AppConfig {
  return {
    mode: raw.GATEWAY_MODE,
    host: raw.HOST,
    port: raw.PORT,
    logLevel: raw.LOG_LEVEL,
    shutdownTimeoutMs: raw.SHUTDOWN_TIMEOUT_MS,
    database: raw.DATABASE_URL
      ? { kind: 'postgresql', url: raw.DATABASE_URL }
      : { kind: 'sqlite', path: path.resolve(raw.SQLITE_PATH) },
    redisUrl: raw.REDIS_URL,
    upstreams: {
      sandbox: {
        plaid: {
          baseUrl: raw.PLAID_SANDBOX_URL,
          clientId: raw.PLAID_CLIENT_ID ?? EMULATOR_CREDENTIALS.plaidClientId,
          secret: raw.PLAID_SANDBOX_SECRET ?? EMULATOR_CREDENTIALS.plaidSecret,
        },
        atomic: {
          baseUrl: raw.ATOMIC_SANDBOX_URL,
          // The emulator serves both hosts on one port.
          pciUrl: raw.ATOMIC_SANDBOX_PCI_URL ?? raw.ATOMIC_SANDBOX_URL,
          apiKey: raw.ATOMIC_SANDBOX_API_KEY ?? EMULATOR_CREDENTIALS.atomicApiKey,
          apiSecret: raw.ATOMIC_SANDBOX_API_SECRET ?? EMULATOR_CREDENTIALS.atomicApiSecret,
        },
      },
      production: {
        plaid: {
          baseUrl: raw.PLAID_PRODUCTION_URL,
          clientId: raw.PLAID_CLIENT_ID,
          secret: raw.PLAID_PRODUCTION_SECRET,
        },
        atomic: {
          baseUrl: raw.ATOMIC_PRODUCTION_URL,
          pciUrl: raw.ATOMIC_PRODUCTION_PCI_URL,
          apiKey: raw.ATOMIC_PRODUCTION_API_KEY,
          apiSecret: raw.ATOMIC_PRODUCTION_API_SECRET,
        },
      },
    },
    demoApiKey: raw.DEMO_API_KEY,
    publicUrl: raw.PUBLIC_URL?.replace(/\/+$/, ''),
    sandboxEmulators: raw.SANDBOX_EMULATORS === 'true',
    tokenEncryptionKeys: raw.TOKEN_ENCRYPTION_KEYS?.split(',').map((pair) => {
      const [id, b64] = pair.split(':') as [string, string];
      return { id, key: Buffer.from(b64, 'base64') };
    }),
    transactionsStaleAfterMs: raw.TRANSACTIONS_STALE_AFTER_SECONDS * 1000,
    ingestSecret: raw.ATLAS_INGEST_SECRET,
    usageEventRetentionDays: raw.USAGE_EVENT_RETENTION_DAYS,
    webhooks: {
      allowedHosts: raw.WEBHOOK_ALLOWED_HOSTS.split(',').map((h) => h.trim()).filter(Boolean),
      retryBaseMs: raw.WEBHOOK_RETRY_BASE_MS,
      maxAttempts: raw.WEBHOOK_MAX_ATTEMPTS,
      retentionDays: raw.WEBHOOK_RETENTION_DAYS,
    },
    rateLimit: {
      perSecond: raw.RATE_LIMIT_PER_SECOND,
      windowSeconds: raw.RATE_LIMIT_WINDOW_SECONDS,
      keyPrefix: raw.RATE_LIMIT_KEY_PREFIX,
    },
    atomic: {
      apiVersion: raw.ATOMIC_API_VERSION,
      findCompanyBatchLimit: raw.ATOMIC_FIND_COMPANY_BATCH_LIMIT,
      companyCacheTtlMs: raw.COMPANY_CACHE_TTL_SECONDS * 1000,
    },
  };
}

/** Loads the configuration or ends the process with one clear line per problem. */
export function loadConfigOrExit(env: NodeJS.ProcessEnv = process.env): AppConfig {
  const result = loadConfig(env);
  if (result.ok) return result.config;
  for (const problem of result.problems) console.error(`config error: ${problem}`);
  process.exit(1);
}
