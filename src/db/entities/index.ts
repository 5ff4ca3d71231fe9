import { ApiKey } from './api-key.entity.js';
import { EndUser } from './end-user.entity.js';
import { Partner } from './partner.entity.js';

export { ApiKey, EndUser, Partner };
export type { ApiKeyEntity } from './api-key.entity.js';
export type { EndUserEntity } from './end-user.entity.js';
export type { PartnerEntity } from './partner.entity.js';

/** Every entity the ORM knows; new domains add theirs here. */
export const ALL_ENTITIES = [Partner, ApiKey, EndUser];
