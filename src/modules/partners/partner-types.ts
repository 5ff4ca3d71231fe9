import type { KeyMode } from '../../config/config.js';

/** The authenticated caller of a request: who the partner is and which key mode it used. */
export interface AuthenticatedPartner {
  id: string;
  name: string;
  productionEnabled: boolean;
  rateLimitPerSecond: number | null;
  keyMode: KeyMode;
  keyPrefix: string;
}

/** `type Viewer` in schema/partners.graphql maps to this. */
export type ViewerModel = AuthenticatedPartner;

export type AuthFailure = 'UNAUTHENTICATED' | 'PAYMENT_REQUIRED';

export type AuthResult = { ok: true; partner: AuthenticatedPartner } | { ok: false; code: AuthFailure };
