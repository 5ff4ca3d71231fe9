import type { EntityManager } from '@mikro-orm/knex';
import { randomUUID } from 'node:crypto';
import { EndUser, type EndUserEntity } from '../../db/entities/index.js';
import { badUserInput } from '../../errors/app-error.js';
import type { IngestService } from '../usage/ingest-service.js';

const MAX_USER_ID = 200;

/** Validates a partner-supplied end-user id (it is the partner's own identifier, opaque to us). */
export function assertUserId(userId: unknown, field = 'userId'): string {
  if (typeof userId !== 'string' || userId.trim() === '' || userId.length > MAX_USER_ID) {
    throw badUserInput(`${field} must be a non-empty string of at most ${MAX_USER_ID} characters.`, { field });
  }
  return userId;
}

/**
 * The one place where a partner's end-user id becomes a database user. Every module reads and
 * writes user data only through an EndUser obtained here, so partner A can never address
 * partner B's user: the same external id under two partners is two rows.
 */
export class TenantScope {
  constructor(
    private readonly em: EntityManager,
    readonly partnerId: string,
    private readonly usage: IngestService,
  ) {}

  /** The partner's user, or null when the partner never used this id (callers then show empty data). */
  findUser(externalUserId: string, em: EntityManager = this.em): Promise<EndUserEntity | null> {
    return em.findOne(EndUser, { partner: this.partnerId, externalUserId: assertUserId(externalUserId) });
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
      .insert({ id: randomUUID(), partner: this.partnerId, externalUserId, createdAt: new Date() })
      .onConflict(['partner', 'externalUserId'])
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
