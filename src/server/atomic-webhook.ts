import { createHmac, timingSafeEqual } from 'node:crypto';
import type { FastifyInstance } from 'fastify';
import type { AppConfig } from '../config/config.js';
import type { SharedServices } from '../graphql/context.js';
import { recordTaskStatusUpdate, type TaskStatusUpdate } from '../modules/atomic/task-events.js';
import { sendError } from './http-errors.js';

export const ATOMIC_WEBHOOK_PATH = '/webhooks/atomic';
const SIGNATURE_HEADER = 'x-atomic-signature';

/**
 * POST /webhooks/atomic: Atomic's `task-status-updated` events, signed
 * `x-atomic-signature: hex(HMAC-SHA256(apiSecret, rawBody))`. The signature is checked over the exact
 * bytes received, before anything is parsed or written; a verified event for one of a partner's users
 * becomes a `task.updated` outbox event for that partner (src/modules/atomic/task-events.ts).
 */
export async function registerAtomicWebhook(app: FastifyInstance, opts: { services: SharedServices }): Promise<void> {
  const { services } = opts;
  const secrets = atomicSecrets(services.config);
  // Bytes, not text: the HMAC covers the body as sent (registered in its own context for that reason).
  app.removeContentTypeParser('application/json');
  app.addContentTypeParser('application/json', { parseAs: 'buffer' }, (_req, body, done) => done(null, body));

  app.post(ATOMIC_WEBHOOK_PATH, async (request, reply) => {
    const raw = Buffer.isBuffer(request.body) ? request.body : Buffer.alloc(0);
    const signature = request.headers[SIGNATURE_HEADER];
    if (!signatureMatches(raw, typeof signature === 'string' ? signature : undefined, secrets)) {
      request.log.warn('refused Atomic webhook: bad or missing signature');
      return sendError(request, reply, 'UNAUTHENTICATED', `Missing or invalid ${SIGNATURE_HEADER} signature.`);
    }
    let body: unknown;
    try {
      body = JSON.parse(raw.toString('utf8'));
    } catch {
      return sendError(request, reply, 'BAD_USER_INPUT', 'Body is not JSON.');
    }
    const eventType = (body as { eventType?: unknown } | null)?.eventType;
    if (eventType !== 'task-status-updated') {
      request.log.info({ eventType: typeof eventType === 'string' ? eventType.slice(0, 60) : null }, 'Atomic webhook of a type the gateway does not use; ignored');
      return reply.code(200).send({ received: true });
    }
    const update = parseTaskStatusUpdated(body);
    if (!update) return sendError(request, reply, 'BAD_USER_INPUT', 'task-status-updated needs user.identifier, task._id and task.status.');

    const outcome = await recordTaskStatusUpdate(request.em, services.config.database.kind, update);
    // Task ids and statuses only: the identifier and the partner's user id stay out of the logs.
    const fields = { atomicTaskId: update.task.id, status: update.task.status };
    if (outcome.result === 'unknown-user') request.log.info(fields, 'Atomic webhook for a user no partner has; ignored');
    else request.log.info({ ...fields, partnerId: outcome.partnerId, result: outcome.result }, 'Atomic task status webhook');
    return reply.code(200).send({ received: true });
  });
}

/** Atomic signs with the API secret of the environment that sent the event: sandbox and production both count. */
function atomicSecrets(config: AppConfig): string[] {
  const candidates = [config.upstreams.sandbox.atomic.apiSecret, config.upstreams.production.atomic.apiSecret];
  return [...new Set(candidates.filter((s): s is string => typeof s === 'string' && s.length > 0))];
}

/** Constant-time comparison against every secret (each one is checked, so timing says nothing about which matched). */
function signatureMatches(raw: Buffer, signature: string | undefined, secrets: string[]): boolean {
  if (!signature || !/^[0-9a-f]{64}$/i.test(signature.trim())) return false;
  const given = Buffer.from(signature.trim(), 'hex');
  let matched = false;
  for (const secret of secrets) {
    if (timingSafeEqual(createHmac('sha256', secret).update(raw).digest(), given)) matched = true;
  }
  return matched;
}

function parseTaskStatusUpdated(body: unknown): TaskStatusUpdate | undefined {
  const b = body as { user?: { identifier?: unknown }; task?: Record<string, unknown> };
  const task = b.task;
  const identifier = b.user?.identifier;
  if (typeof identifier !== 'string' || !identifier || !task || typeof task !== 'object') return undefined;
  if (typeof task._id !== 'string' || !task._id || typeof task.status !== 'string' || !task.status) return undefined;
  const text = (v: unknown) => (typeof v === 'string' ? v : null);
  const company = task.company as { _id?: unknown; name?: unknown } | null | undefined;
  return {
    identifier,
    task: {
      id: task._id,
      status: task.status,
      previousStatus: text(task.previousStatus),
      product: text(task.product),
      failReason: text(task.failReason),
      company: company && typeof company._id === 'string' ? { id: company._id, name: text(company.name) ?? '' } : null,
    },
  };
}
