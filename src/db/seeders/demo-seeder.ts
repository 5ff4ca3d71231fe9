import type { EntityManager } from '@mikro-orm/knex';
import { Seeder } from '@mikro-orm/seeder';
import { Partner } from '../entities/index.js';
import { PartnerService } from '../../modules/partners/partner-service.js';

/** Fixed id so the demo partner is the same across restarts and in documentation. */
export const DEMO_PARTNER_ID = '0d3e7c2a-6c1f-4a8e-9b6d-5a4db0000001';
export const DEMO_PARTNER_NAME = 'AtlasForge Demo';

/**
 * Creates the sandbox demo partner on an empty database and makes sure the demo test key works.
 * Idempotent: `npm start` runs it on every start in sandbox mode; tests reuse it.
 */
export class DemoSeeder extends Seeder {
  constructor(private readonly demoKey: string) {
    super();
  }

  async run(em: EntityManager): Promise<void> {
    const existing = await em.findOne(Partner, { id: DEMO_PARTNER_ID });
    if (!existing) {
      em.create(Partner, { id: DEMO_PARTNER_ID, name: DEMO_PARTNER_NAME, productionEnabled: false, rateLimitPerSecond: null });
      await em.flush();
    }
    await new PartnerService(em).ensureKey(DEMO_PARTNER_ID, this.demoKey);
  }
}
