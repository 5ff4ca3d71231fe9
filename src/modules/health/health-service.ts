import type { AppConfig, GatewayMode } from '../../config/config.js';
import { isDatabaseUp, type Orm } from '../../db/orm.js';
import { VERSION } from '../../version.js';
import { UpstreamProbe, type ComponentState } from './upstream-probe.js';

export interface HealthReport {
  status: 'ok' | 'degraded' | 'down';
  version: string;
  database: ComponentState;
  upstreams: { plaid: ComponentState; atomic: ComponentState };
  mode: GatewayMode;
}

/** One report for GET /api/v1/health and Query.health: the database decides up/down, upstreams only degrade. */
export class HealthService {
  private readonly plaid: UpstreamProbe;
  private readonly atomic: UpstreamProbe;

  constructor(
    private readonly orm: Orm,
    private readonly config: AppConfig,
  ) {
    // The gateway's own mode picks which upstream configuration it reports on.
    const upstreams = config.mode === 'live' ? config.upstreams.production : config.upstreams.sandbox;
    this.plaid = new UpstreamProbe(upstreams.plaid.baseUrl);
    this.atomic = new UpstreamProbe(upstreams.atomic.baseUrl);
  }

  async check(): Promise<HealthReport> {
    const [database, plaid, atomic] = await Promise.all([
      isDatabaseUp(this.orm).then((up): ComponentState => (up ? 'up' : 'down')),
      this.plaid.check(),
      this.atomic.check(),
    ]);
    const status = database === 'down' ? 'down' : plaid === 'up' && atomic === 'up' ? 'ok' : 'degraded';
    return { status, version: VERSION, database, upstreams: { plaid, atomic }, mode: this.config.mode };
  }
}
