import { validationError } from '../errors.js';
import type { StoredUserData } from '../state/types.js';
import { requiredString, type Body } from '../validation.js';
import { parseUserData } from './user-data.js';

/** Token lifetimes in seconds: 24 h by default, 30 minutes to 30 days allowed. */
export const TOKEN_LIFETIME = { default: 86_400, min: 1_800, max: 2_592_000 } as const;

export interface AccessTokenRequest {
  identifier: string;
  tokenLifetime: number;
  flow: 'manage' | 'switch';
  data: StoredUserData;
}

/**
 * POST /access-token. PayLink Manage and CDE bypass send only `identifier`. Sending any of
 * `identity`, `cards`, `accounts` makes it PayLink Switch, which needs the identity and at least
 * one card or account (cards may be full details or the BaaS passthrough form).
 */
export function parseAccessTokenRequest(body: Body): AccessTokenRequest {
  const identifier = requiredString(body, 'identifier');
  const lifetime = body.tokenLifetime ?? TOKEN_LIFETIME.default;
  if (typeof lifetime !== 'number' || !Number.isInteger(lifetime) || lifetime < TOKEN_LIFETIME.min || lifetime > TOKEN_LIFETIME.max) {
    throw validationError(
      `tokenLifetime must be an integer number of seconds from ${TOKEN_LIFETIME.min} (30 minutes) to ${TOKEN_LIFETIME.max} (30 days).`,
    );
  }
  const data = parseUserData(body, false);
  const switchFlow = data.identity !== undefined || data.cards !== undefined || data.accounts !== undefined;
  if (switchFlow) {
    if (!data.identity) throw validationError('identity is required for PayLink Switch (when cards or accounts are sent).');
    if ((data.cards?.length ?? 0) + (data.accounts?.length ?? 0) === 0) {
      throw validationError('At least one card or account must be provided for PayLink Switch.');
    }
  }
  return { identifier, tokenLifetime: lifetime, flow: switchFlow ? 'switch' : 'manage', data };
}
