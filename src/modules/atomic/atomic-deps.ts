import type { EntityManager } from '@mikro-orm/knex';
import type { FastifyBaseLogger } from 'fastify';
import type { EndUserEntity } from '../../db/entities/index.js';
import { notFound } from '../../errors/app-error.js';
import type { AtomicAdapter } from '../../upstreams/atomic/atomic-adapter.js';
import type { TenantScope } from '../users/tenant-scope.js';
import type { AtomicIdentity } from './atomic-identity.js';

/** What every Atomic-backed service of one request needs. */
export interface AtomicDeps {
  em: EntityManager;
  partnerId: string;
  tenant: TenantScope;
  identity: AtomicIdentity;
  atomic: () => AtomicAdapter;
  log: FastifyBaseLogger;
}

export interface AtomicUserRef {
  user: EndUserEntity;
  identifier: string;
}

/**
 * The partner's user and their Atomic identifier. Reads of a user the partner never used return
 * null (callers show nothing); a known user gets an identifier on first need.
 */
export async function atomicUser(d: AtomicDeps, userId: string): Promise<AtomicUserRef | null> {
  const user = await d.tenant.findUser(userId);
  if (!user) return null;
  return { user, identifier: await d.identity.ensure(user) };
}

/** Like atomicUser, for operations on a user that must exist (creating the user on first use). */
export async function requireAtomicUser(d: AtomicDeps, userId: string, opts: { create?: boolean } = {}): Promise<AtomicUserRef> {
  const user = opts.create ? await d.tenant.ensureUser(userId) : await d.tenant.findUser(userId);
  if (!user) throw notFound(`No user ${userId} for this partner.`);
  return { user, identifier: await d.identity.ensure(user) };
}
