import type { EntityManager } from '@mikro-orm/knex';
import { Partner } from '../../db/entities/index.js';

/**
 * Which partner ids exist, cached in memory: partners are created rarely and never deleted here,
 * so a known id stays valid, and an unknown id is re-checked against the database each time
 * (a partner created by another process is found on its first event).
 */
export class PartnerDirectory {
  private readonly known = new Set<string>();

  async missing(em: EntityManager, ids: Iterable<string>): Promise<string[]> {
    const unknown = [...new Set(ids)].filter((id) => !this.known.has(id));
    if (unknown.length === 0) return [];
    // Partner ids are UUIDs; anything else cannot exist (and PostgreSQL would reject the cast).
    const uuids = unknown.filter((id) => /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(id));
    const found = uuids.length ? await em.find(Partner, { id: { $in: uuids } }, { fields: ['id'] }) : [];
    for (const p of found) this.known.add(p.id);
    return unknown.filter((id) => !this.known.has(id));
  }
}
