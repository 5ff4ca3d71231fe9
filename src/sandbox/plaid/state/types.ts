import type { JWK } from 'jose';
import type { Products } from 'plaid';
import type { StoredAccount } from '../accounts.js';
import type { LedgerEvent } from '../transactions/records.js';
import type { PersistedTransferState } from '../transfer/types.js';

/**
 * What survives a restart. The 24-month base history is not here: it is re-derived from the Item's
 * id, so only the events appended at run time are stored.
 */
export interface StoredItem {
  item_id: string;
  access_token: string;
  institution_id: string;
  products: Products[];
  webhook: string | null;
  /** ISO timestamp; also the last day of the generated history. */
  created_at: string;
  /** Last time the Item's transactions changed (item status `last_successful_update`). */
  updated_at: string;
  accounts: StoredAccount[];
  /** Change-log events after the base history, oldest first. */
  appended: LedgerEvent[];
  last_webhook: { sent_at: string; code_sent: string } | null;
  removed_at: string | null;
}

export interface StoredPublicToken {
  public_token: string;
  institution_id: string;
  products: Products[];
  webhook: string | null;
  /** Epoch milliseconds. */
  created_at: number;
  expires_at: number;
  exchanged_at: number | null;
}

/** Kept for the record (Link itself is not emulated): what the link token was created with. */
export interface StoredLinkToken {
  link_token: string;
  client_user_id: string;
  products: Products[];
  webhook: string | null;
  /** Epoch milliseconds. */
  created_at: number;
  expires_at: number;
}

export interface StoredSigningKey {
  kid: string;
  /** Epoch seconds, as Plaid's JWK `created_at`. */
  created_at: number;
  private_jwk: JWK;
  public_jwk: JWK;
}

export interface PersistedState {
  version: 1;
  signing_key: StoredSigningKey | null;
  items: StoredItem[];
  public_tokens: StoredPublicToken[];
  link_tokens?: StoredLinkToken[];
  /** Absent in files written before Transfer was emulated. */
  transfer?: PersistedTransferState;
}
