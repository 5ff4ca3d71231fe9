import type { FastifyBaseLogger } from 'fastify';
import { settledWithin } from '../background/task-control.js';

export const BACKGROUND_WORK_ABANDONED =
  'background work was still running when the shutdown grace period ended; it was abandoned and is redone by the next webhook, request or poll';

/**
 * Waits at shutdown for the work the gateway started on its own (webhook delivery, retention
 * purges, Plaid transactions syncs, transfer-event syncs), all of it at once and for at most
 * `graceMs`, so a query stuck on a database that went away cannot hold the process past
 * SHUTDOWN_TIMEOUT_MS. Abandoning is safe: a sync commits its rows together with its cursor, so the
 * next one resumes where it stopped; a purge deletes in batches that each stand alone; webhook
 * attempts are leased in the database. Returns the names of the work that was abandoned.
 */
export async function drainBackgroundWork(work: Record<string, Promise<unknown>>, graceMs: number, log: FastifyBaseLogger): Promise<string[]> {
  const outcomes = await Promise.all(Object.entries(work).map(async ([name, done]) => ({ name, settled: await settledWithin([done], graceMs) })));
  const abandoned = outcomes.filter((o) => !o.settled).map((o) => o.name);
  if (abandoned.length > 0) log.warn({ abandoned, graceMs }, BACKGROUND_WORK_ABANDONED);
  return abandoned;
}
