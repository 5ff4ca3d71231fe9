import type { FastifyInstance } from 'fastify';
import { AppError, badUserInput } from '../../errors/app-error.js';
import type { SharedServices } from '../../graphql/context.js';
import { moneyToCents } from '../../graphql/scalars.js';
import { transferJson } from '../../modules/transfers/transfer-view.js';
import { requestServices } from '../request-services.js';
import { withRestFieldNames } from './rest-field-names.js';

/** The reference's amount: dollars as a JSON number (or numeric string), more than 0, at most two decimals. */
function amountCents(value: unknown): number {
  if (value === undefined || value === null) throw badUserInput('amount is required.', { field: 'amount' });
  if (typeof value !== 'number' && typeof value !== 'string') throw badUserInput('amount must be a number.', { field: 'amount' });
  try {
    return moneyToCents(value);
  } catch (e) {
    throw badUserInput(`amount: ${(e as Error).message}`, { field: 'amount' });
  }
}

/**
 * The reference pays "between two linked accounts, or to a saved recipient" and names the
 * destination `to_account_id` in both cases, so a recipient id there (`rcp_…`; Plaid account ids
 * never contain `_`) is read as `recipient_id`, which is also accepted on its own.
 */
function restDestination(body: Record<string, unknown>): { toAccountId: unknown; recipientId: unknown } {
  const to = body.to_account_id;
  if (typeof to === 'string' && to.startsWith('rcp_') && body.recipient_id === undefined) return { toAccountId: undefined, recipientId: to };
  return { toAccountId: to, recipientId: body.recipient_id };
}

/**
 * POST /v1/transfers as in the reference: snake_case body, `Idempotency-Key` header, answer
 * `{id, status, rail, estimated_settlement}`. A declined authorisation is 422 TRANSFER_DECLINED with
 * its `reason`; idempotency errors are 400 (missing key), 409 (in flight) and 422 (key reused).
 */
export function registerTransferRoutes(app: FastifyInstance, services: SharedServices): void {
  app.post('/v1/transfers', async (request, reply) => {
    const b = request.body;
    if (!b || typeof b !== 'object' || Array.isArray(b)) throw badUserInput('The request body must be a JSON object.');
    const body = b as Record<string, unknown>;
    const key = request.headers['idempotency-key'];
    if (typeof key !== 'string' || key.trim() === '') {
      throw badUserInput('The Idempotency-Key header is required (any unique string, e.g. a UUID).', { field: 'Idempotency-Key' });
    }
    const destination = restDestination(body);
    // Field names as this body spells them.
    const outcome = await withRestFieldNames(
      () =>
        requestServices(request, services).transfers.transfers.create(
          {
            fromAccountId: body.from_account_id,
            ...destination,
            amountCents: amountCents(body.amount),
            currency: body.currency,
            memo: body.memo,
          },
          key,
        ),
      ['Idempotency-Key'],
    );
    if ('declined' in outcome) {
      throw new AppError('TRANSFER_DECLINED', outcome.declined.message, { extensions: { reason: outcome.declined.reason } });
    }
    return reply.code(200).send(transferJson(outcome.transfer));
  });
}
