import type { FastifyInstance } from 'fastify';
import type { EmulatorContext } from '../context.js';
import type { PayrollKey } from '../generator/payroll.js';
import { linkedAccounts, payrollData } from '../payroll/service.js';
import { backendCaller } from './auth.js';
import { baseUrl, optionalQuery } from './common.js';

type UserParams = { Params: { identifier: string } };

/** Each UserLink data endpoint: its path and the key its entries carry the data under. */
const DATA_ROUTES: Array<[string, PayrollKey]> = [
  ['/deposit-accounts/:identifier', 'depositAccounts'],
  ['/employment/:identifier', 'employment'],
  ['/identity/:identifier', 'identity'],
  ['/income/:identifier', 'income'],
  ['/statements/:identifier', 'statements'],
  ['/timesheets/:identifier', 'timesheets'],
  ['/taxes/:identifier', 'taxes'],
];

export async function payrollRoutes(app: FastifyInstance, { ctx }: { ctx: EmulatorContext }): Promise<void> {
  for (const [path, key] of DATA_ROUTES) {
    app.get<UserParams>(path, async (request) => {
      backendCaller(ctx, request);
      const { identifier } = request.params;
      ctx.users.ensure(identifier);
      return { data: payrollData(ctx, identifier, key, optionalQuery(request, 'linkedAccount'), baseUrl(request)) };
    });
  }

  app.get<UserParams>('/linked-account/list/:identifier', async (request) => {
    backendCaller(ctx, request);
    const { identifier } = request.params;
    ctx.users.ensure(identifier);
    return { data: linkedAccounts(ctx, identifier) };
  });
}
