import type { AppConfig } from '../config/config.js';
import type { AppLogger } from '../logging/logger.js';

export interface RunningEmulator {
  name: 'plaid' | 'atomic';
  url: string;
  close(): Promise<void>;
}

/**
 * Starts the local Plaid and Atomic emulators that the sandbox upstream configuration points at.
 * The emulators arrive with the Banking (Plaid) and Atomic issues; each registers here, and
 * `npm start` already starts, reports and shuts down whatever this returns.
 */
export async function startSandboxEmulators(config: AppConfig, _logger: AppLogger): Promise<RunningEmulator[]> {
  if (config.mode !== 'sandbox') return [];
  return [];
}
