import type { EndUserEntity } from '../../db/entities/index.js';

/**
 * `type User` maps to this: the partner's external id plus the resolved row, or null when the
 * partner never used the id (every list field is then empty, and nothing is created by reading).
 */
export interface UserModel {
  externalId: string;
  row: EndUserEntity | null;
}
