import type { AppConfig, GatewayMode } from '../../config/config.js';
import { isDatabaseUp, type Orm } from '../../db/orm.js';
import { VERSION } from '../../version.js';
import { RedisProbe } from './redis-probe.js';
import { UpstreamProbe, type ComponentState } from './upstream-probe.js';

export interface HealthReport {
  status: 'ok' | 'degraded' | 'down';
  version: string;
  database: ComponentState;
  upstreams: { plaid: ComponentState; atomic: ComponentState };
  /** null when REDIS_URL is not set (everything runs in-process). */
  redis: ComponentState | null;
  mode: GatewayMode;
}

/** One report for GET /api/v1/health and Query.health: the database decides up/down, upstreams and Redis only degrade. */
export class HealthService {
  private readonly plaid: UpstreamProbe;
  private readonly atomic: UpstreamProbe;
  private readonly redis: RedisProbe | undefined;

  constructor(
    private readonly orm: Orm,
    private readonly config: AppConfig,
  ) {
    // The gateway's own mode picks which upstream configuration it reports on.
    const upstreams = config.mode === 'live' ? config.upstreams.production : config.upstreams.sandbox;
    this.plaid = new UpstreamProbe(upstreams.plaid.baseUrl);
    this.atomic = new UpstreamProbe(upstreams.atomic.baseUrl);
    this.redis = config.redisUrl ? new RedisProbe(config.redisUrl) : undefined;
  }

  async check(): Promise<HealthReport> {
    const [database, plaid, atomic, redis] = await Promise.all([
      isDatabaseUp(this.orm).then((up): ComponentState => (up ? 'up' : 'down')),
      this.plaid.check(),
      this.atomic.check(),
      this.redis ? this.redis.check() : null,
    ]);
    const status = database === 'down' ? 'down' : plaid === 'up' && atomic === 'up' && redis !== 'down' ? 'ok' : 'degraded';
    return { status, version: VERSION, database, upstreams: { plaid, atomic }, redis, mode: this.config.mode };
  }

  close(): void {
    this.redis?.close();
  }
}
