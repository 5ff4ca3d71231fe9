import type { EntityManager } from '@mikro-orm/knex';
import { randomUUID } from 'node:crypto';
import { EndUser, type EndUserEntity } from '../../db/entities/index.js';
import { badUserInput } from '../../errors/app-error.js';
import type { KeyMode } from '../../config/config.js';
import type { IngestService } from '../usage/ingest-service.js';
import { RequestMemo } from '../request-memo.js';

const MAX_USER_ID = 200;

/** Validates a partner-supplied end-user id (it is the partner's own identifier, opaque to us). */
export function assertUserId(userId: unknown, field = 'userId'): string {
  if (typeof userId !== 'string' || userId.trim() === '' || userId.length > MAX_USER_ID) {
    throw badUserInput(`${field} must be a non-empty string of at most ${MAX_USER_ID} characters.`, { field });
  }
  return userId;
}

/**
 * The filter on end users for one partner's keys of one mode. Data reached by another id (an
 * account, a transfer, a token) is filtered with `endUser: usersOf(…)`, so it obeys the same scope.
 */
export function usersOf(partnerId: string, keyMode: KeyMode): { partner: string; keyMode: KeyMode } {
  return { partner: partnerId, keyMode };
}

/**
 * The one place where a partner's end-user id becomes a database user. Every module reads and
 * writes user data only through an EndUser obtained here, so partner A can never address
 * partner B's user: the same external id under two partners is two rows. The key's mode is part
 * of the scope too: a test key and a live key of one partner address different users, so test
 * keys never reach live bank data and live keys never see sandbox data.
 */
export class TenantScope {
  constructor(
    private readonly em: EntityManager,
    readonly partnerId: string,
    readonly keyMode: KeyMode,
    private readonly usage: IngestService,
  ) {}

  /** This scope's users, as a filter: `{ endUser: tenant.users }`. */
  get users(): { partner: string; keyMode: KeyMode } {
    return usersOf(this.partnerId, this.keyMode);
  }

  /** Users found in this request (not a missing one: a mutation may create it later in the request). */
  private readonly found = new RequestMemo<string, EndUserEntity | null>((user) => user !== null);

  /** The partner's user, or null when the partner never used this id (callers then show empty data). */
  findUser(externalUserId: string, em: EntityManager = this.em): Promise<EndUserEntity | null> {
    assertUserId(externalUserId);
    const lookUp = () => em.findOne(EndUser, { ...this.users, externalUserId });
    // A caller's transaction reads for itself (it may be creating the user); user rows are never deleted.
    return em === this.em ? this.found.get(externalUserId, lookUp) : lookUp();
  }

  /**
   * The partner's user, created on first use (recording a user_signup usage event). Pass the
   * caller's transaction manager to create the user inside that transaction.
   */
  async ensureUser(externalUserId: string, em: EntityManager = this.em): Promise<EndUserEntity> {
    const existing = await this.findUser(externalUserId, em);
    if (existing) return existing;
    const result = await em
      .createQueryBuilder(EndUser)
      .insert({ id: randomUUID(), partner: this.partnerId, keyMode: this.keyMode, externalUserId, createdAt: new Date() })
      .onConflict(['partner', 'keyMode', 'externalUserId'])
      .ignore()
      .execute('run');
    if (result.affectedRows > 0) {
      await this.usage.recordInternal(em, [
        { partnerId: this.partnerId, eventType: 'user_signup', userId: externalUserId, occurredAt: new Date() },
      ]);
    }
    // A concurrent first use may have won the insert: read whichever row exists.
    return (await this.findUser(externalUserId, em))!;
  }
}
