import http from 'node:http';
import { performance } from 'node:perf_hooks';
import { fillTemplate } from './workload.js';

export interface LoadOptions {
  url: string;
  secret: string;
  /** Body templates from `bodyTemplates`, filled in per request. */
  templates: string[];
  concurrency: number;
  warmupMs: number;
  durationMs: number;
}

export interface LoadResult {
  events: number;
  requests: number;
  seconds: number;
  eventsPerSec: number;
  p50Ms: number;
  p99Ms: number;
}

export function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return NaN;
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!;
}

/**
 * Keeps `concurrency` batch requests in flight over keep-alive connections: a warm-up, then a
 * measured window. Counts the events the gateway says it accepted; any non-200 answer aborts.
 */
export async function runLoad(opts: LoadOptions): Promise<LoadResult> {
  const target = new URL('/api/ingest/events/batch', opts.url);
  const agent = new http.Agent({ keepAlive: true, maxSockets: opts.concurrency });
  let seq = 0;
  const post = (body: string) =>
    new Promise<number>((resolve, reject) => {
      const req = http.request(
        {
          agent,
          host: target.hostname,
          port: target.port,
          path: target.pathname,
          method: 'POST',
          headers: { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body), 'x-atlas-ingest-secret': opts.secret },
        },
        (res) => {
          const chunks: Buffer[] = [];
          res.on('data', (c: Buffer) => chunks.push(c));
          res.on('end', () => {
            const text = Buffer.concat(chunks).toString();
            if (res.statusCode !== 200) return reject(new Error(`HTTP ${res.statusCode}: ${text.slice(0, 500)}`));
            resolve((JSON.parse(text) as { accepted: number }).accepted);
          });
          res.on('error', reject);
        },
      );
      req.on('error', reject);
      req.end(body);
    });

  const start = performance.now();
  const measureFrom = start + opts.warmupMs;
  const stopAt = measureFrom + opts.durationMs;
  const latencies: number[] = [];
  let events = 0;
  let lastDone = measureFrom;
  const worker = async () => {
    for (;;) {
      const t0 = performance.now();
      if (t0 >= stopAt) return;
      const n = seq++;
      const body = fillTemplate(opts.templates, n);
      const accepted = await post(body);
      const t1 = performance.now();
      if (t0 >= measureFrom) {
        latencies.push(t1 - t0);
        events += accepted;
        lastDone = t1;
      }
    }
  };
  try {
    await Promise.all(Array.from({ length: opts.concurrency }, worker));
  } finally {
    agent.destroy();
  }
  latencies.sort((a, b) => a - b);
  const seconds = (lastDone - measureFrom) / 1000;
  return {
    events,
    requests: latencies.length,
    seconds,
    eventsPerSec: events / seconds,
    p50Ms: percentile(latencies, 50),
    p99Ms: percentile(latencies, 99),
  };
}
