import type { EntityManager } from '@mikro-orm/knex';
import { randomBytes, randomUUID } from 'node:crypto';
import { AtomicUser, type EndUserEntity } from '../../db/entities/index.js';
import type { TenantScope } from '../users/tenant-scope.js';
import { RequestMemo } from '../request-memo.js';

/**
 * Maps an end user to the `identifier` Atomic knows them by: random (reveals nothing about the
 * partner or its ids), created on first need, stable afterwards. Reads never create one.
 */
export class AtomicIdentity {
  /** Identifiers read in this request (every Atomic-backed field asks). One never changes once made; a missing one is asked again. */
  private readonly reads = new RequestMemo<string, string | null>((identifier) => identifier !== null);

  constructor(private readonly em: EntityManager) {}

  find(user: EndUserEntity): Promise<string | null> {
    return this.reads.get(user.id, async () => (await this.em.findOne(AtomicUser, { endUser: user.id }))?.identifier ?? null);
  }

  async ensure(user: EndUserEntity): Promise<string> {
    const existing = await this.find(user);
    if (existing) return existing;
    await this.em
      .createQueryBuilder(AtomicUser)
      .insert({ id: randomUUID(), endUser: user.id, identifier: `afg_${randomBytes(16).toString('hex')}`, createdAt: new Date() })
      .onConflict(['endUser'])
      .ignore()
      .execute('run');
    // A concurrent first use may have won: read whichever row exists.
    return (await this.find(user))!;
  }

  /** True when the identifier belongs to one of the scope's users (tenant check for task ids etc.). */
  async ownedByScope(identifier: string, tenant: TenantScope): Promise<boolean> {
    const row = await this.em.findOne(AtomicUser, { identifier, endUser: tenant.users });
    return row !== null;
  }
}
