import type { EntityManager } from '@mikro-orm/knex';
import type { KeyMode } from '../../config/config.js';
import { ApiKey, Partner, type PartnerEntity } from '../../db/entities/index.js';
import { apiKeyMatches, generateApiKey, hashApiKey, parseApiKey } from './api-key.js';
import type { AuthResult } from './partner-types.js';

export interface CreatedPartner {
  partner: PartnerEntity;
  /** Plaintext keys: returned once, never stored. */
  testKey: string;
  liveKey: string;
}

export interface PartnerListing {
  id: string;
  name: string;
  productionEnabled: boolean;
  createdAt: Date;
  keys: { prefix: string; mode: KeyMode; createdAt: Date; revokedAt: Date | null }[];
}

/** Partners and their API keys: creation, listing, revocation, production enablement and key authentication. */
export class PartnerService {
  constructor(private readonly em: EntityManager) {}

  async createPartner(name: string): Promise<CreatedPartner> {
    const trimmed = name.trim();
    if (!trimmed) throw new Error('partner name must not be empty');
    return this.em.transactional(async (em) => {
      const partner = em.create(Partner, { name: trimmed, productionEnabled: false, rateLimitPerSecond: null });
      const test = generateApiKey('test');
      const live = generateApiKey('live');
      for (const k of [test, live]) {
        em.create(ApiKey, { partner, prefix: k.prefix, secretHash: k.secretHash, mode: k.mode, revokedAt: null });
      }
      await em.flush();
      return { partner, testKey: test.key, liveKey: live.key };
    });
  }

  /** Registers a key the caller already holds (the sandbox demo key); a no-op when it is already registered. */
  async ensureKey(partnerId: string, key: string): Promise<void> {
    const parsed = parseApiKey(key);
    if (!parsed) throw new Error('not an AtlasForge API key');
    const existing = await this.em.findOne(ApiKey, { prefix: parsed.prefix });
    if (existing) return;
    const partner = this.em.getReference(Partner, partnerId);
    this.em.create(ApiKey, { partner, prefix: parsed.prefix, secretHash: hashApiKey(key), mode: parsed.mode, revokedAt: null });
    await this.em.flush();
  }

  async listPartners(): Promise<PartnerListing[]> {
    const partners = await this.em.find(Partner, {}, { orderBy: { createdAt: 'asc' } });
    const keys = await this.em.find(ApiKey, { partner: { $in: partners.map((p) => p.id) } }, { orderBy: { createdAt: 'asc' } });
    return partners.map((p) => ({
      id: p.id,
      name: p.name,
      productionEnabled: p.productionEnabled,
      createdAt: p.createdAt,
      keys: keys
        .filter((k) => k.partner.id === p.id)
        .map((k) => ({ prefix: k.prefix, mode: k.mode, createdAt: k.createdAt, revokedAt: k.revokedAt ?? null })),
    }));
  }

  /** Returns false when no key has that prefix. Revoking twice keeps the first revocation time. */
  async revokeKey(prefix: string): Promise<boolean> {
    const key = await this.em.findOne(ApiKey, { prefix });
    if (!key) return false;
    key.revokedAt ??= new Date();
    await this.em.flush();
    return true;
  }

  async enableProduction(partnerId: string): Promise<boolean> {
    const partner = await this.em.findOne(Partner, { id: partnerId });
    if (!partner) return false;
    partner.productionEnabled = true;
    await this.em.flush();
    return true;
  }

  /** Requests per second for each of the partner's keys; null returns it to the gateway default. */
  async setRateLimit(partnerId: string, perSecond: number | null): Promise<boolean> {
    const partner = await this.em.findOne(Partner, { id: partnerId });
    if (!partner) return false;
    partner.rateLimitPerSecond = perSecond;
    await this.em.flush();
    return true;
  }

  /**
   * Resolves a presented key to its partner. Unknown, malformed and revoked keys all give
   * UNAUTHENTICATED (no hint which); a live key of a partner not yet production-enabled gives PAYMENT_REQUIRED.
   */
  async authenticate(presentedKey: string): Promise<AuthResult> {
    const parsed = parseApiKey(presentedKey);
    if (!parsed) return { ok: false, code: 'UNAUTHENTICATED' };
    const key = await this.em.findOne(ApiKey, { prefix: parsed.prefix }, { populate: ['partner'] });
    if (!key || key.revokedAt || !apiKeyMatches(presentedKey, key.secretHash)) {
      return { ok: false, code: 'UNAUTHENTICATED' };
    }
    const partner = key.partner.getEntity();
    if (key.mode === 'live' && !partner.productionEnabled) return { ok: false, code: 'PAYMENT_REQUIRED' };
    return {
      ok: true,
      partner: {
        id: partner.id,
        name: partner.name,
        productionEnabled: partner.productionEnabled,
        rateLimitPerSecond: partner.rateLimitPerSecond ?? null,
        keyMode: key.mode,
        keyPrefix: key.prefix,
      },
    };
  }
}
