import path from 'node:path';
import { Writable } from 'node:stream';
import { loadConfig, type AppConfig } from '../../src/config/config.js';
import { startGateway, type RunningGateway } from '../../src/gateway.js';
import { createLogger } from '../../src/logging/logger.js';
import { createTestDatabase, type Dialect, type TestDatabase } from './databases.js';
import { reportIfSlow } from './slow-step.js';

export interface TestGateway extends RunningGateway {
  config: AppConfig;
  database: TestDatabase;
  /** Every JSON log line the gateway wrote, parsed. */
  logs: Record<string, unknown>[];
  /** Raw log output, for "this string never appears" assertions. */
  rawLogs(): string;
  /** POST /graphql with a key; returns status, headers and parsed body. */
  graphql(query: string, opts?: { key?: string | null; variables?: Record<string, unknown>; headers?: Record<string, string> }): Promise<HttpResult>;
  stop(): Promise<void>;
}

export interface HttpResult {
  status: number;
  headers: Headers;
  body: any; // eslint-disable-line @typescript-eslint/no-explicit-any -- response JSON under test
}

/**
 * Environment for a gateway under test: built from scratch (never the developer's shell) so a
 * suite is reproducible. Upstreams point at a closed port until the emulators exist.
 */
export function testEnv(database: TestDatabase, extra: Record<string, string> = {}): Record<string, string> {
  return {
    GATEWAY_MODE: 'sandbox',
    HOST: '127.0.0.1',
    PORT: '0',
    LOG_LEVEL: 'info',
    // Suites start their own emulators on random ports; the gateway must not start any.
    SANDBOX_EMULATORS: 'false',
    PLAID_SANDBOX_URL: 'http://127.0.0.1:9',
    // One fixed key for every test process, so two gateways on one PostgreSQL database can read each other's rows.
    TOKEN_ENCRYPTION_KEYS: `test:${Buffer.alloc(32, 42).toString('base64')}`,
    ATOMIC_SANDBOX_URL: 'http://127.0.0.1:9',
    // Webhook receivers in tests listen on loopback, which the SSRF guard refuses unless allowlisted.
    WEBHOOK_ALLOWED_HOSTS: '127.0.0.1,localhost',
    ...database.env,
    ...extra,
  };
}

/** Starts the real gateway (migrations, seeder, HTTP) on a random port against a fresh database. */
export async function startTestGateway(
  target: Dialect | TestDatabase,
  extraEnv: Record<string, string> = {},
): Promise<TestGateway> {
  // A gateway that created its database drops it on stop; one joining an existing database leaves it.
  const ownsDatabase = typeof target === 'string';
  const database = typeof target === 'string' ? await createTestDatabase(target) : target;
  const result = loadConfig(testEnv(database, extraEnv));
  if (!result.ok) throw new Error(`test config invalid: ${result.problems.join('; ')}`);
  const config = result.config;
  let raw = '';
  const logs: Record<string, unknown>[] = [];
  const sink = new Writable({
    write(chunk, _enc, done) {
      const text = chunk.toString();
      raw += text;
      for (const line of text.split('\n')) if (line.trim()) logs.push(JSON.parse(line));
      done();
    },
  });
  const gateway = await startGateway(config, createLogger(config.logLevel, sink), {
    demoKeyFile: path.join(database.dir, 'demo-test-key'),
    localKeyFile: path.join(database.dir, 'token-encryption-key'),
  });
  let stopped = false;
  return {
    ...gateway,
    config,
    database,
    logs,
    rawLogs: () => raw,
    async graphql(query, opts = {}) {
      const key = opts.key === undefined ? gateway.demoKey : opts.key;
      const res = await fetch(`${gateway.url}/graphql`, {
        method: 'POST',
        headers: {
          'content-type': 'application/json',
          ...(key ? { authorization: `Bearer ${key}` } : {}),
          ...opts.headers,
        },
        body: JSON.stringify({ query, variables: opts.variables }),
      });
      return { status: res.status, headers: res.headers, body: await res.json() };
    },
    async stop() {
      if (stopped) return;
      stopped = true;
      const lastLogs = () => `last gateway log lines:\n${raw.trimEnd().split('\n').slice(-8).join('\n')}`;
      await reportIfSlow('gateway close', () => gateway.close().catch(() => undefined), lastLogs);
      if (ownsDatabase) await reportIfSlow(`${database.config.kind} database drop`, () => database.drop());
    },
  };
}

export async function getJson(url: string, headers: Record<string, string> = {}): Promise<HttpResult> {
  const res = await fetch(url, { headers });
  return { status: res.status, headers: res.headers, body: await res.json() };
}
