/**
 * Partner administration against the configured database (DATABASE_URL or the SQLite file).
 *   npm run partner -- create --name "Acme"
 *   npm run partner -- list
 *   npm run partner -- revoke-key <prefix>
 *   npm run partner -- enable-production <partner id>
 *   npm run partner -- set-rate-limit <partner id> <requests per second | default>
 */
import { parseArgs } from 'node:util';
import { loadConfigOrExit } from '../config/config.js';
import { openDatabase } from '../db/orm.js';
import { PartnerService } from '../modules/partners/partner-service.js';

class UsageError extends Error {}
class NotFound extends Error {}

const USAGE = `usage:
  partner create --name <name>
  partner list
  partner revoke-key <key prefix>
  partner enable-production <partner id>
  partner set-rate-limit <partner id> <requests per second | default>`;

const { positionals, values } = parseArgs({
  allowPositionals: true,
  options: { name: { type: 'string' }, help: { type: 'boolean', short: 'h' } },
});
const [command, arg, arg2] = positionals;
if (values.help || !command) {
  console.log(USAGE);
  process.exit(values.help ? 0 : 2);
}

const config = loadConfigOrExit();
const orm = await openDatabase(config.database);
const partners = new PartnerService(orm.em.fork());
let exitCode = 0;
try {
  switch (command) {
    case 'create': {
      if (!values.name?.trim()) throw new UsageError('create needs --name "<partner name>"');
      const { partner, testKey, liveKey } = await partners.createPartner(values.name);
      console.log(`partner id: ${partner.id}`);
      console.log(`name:       ${partner.name}`);
      console.log(`test key:   ${testKey}`);
      console.log(`live key:   ${liveKey}`);
      console.log('Store both keys now: they are shown only once and kept only as hashes.');
      console.log('The live key answers 402 until `partner enable-production <id>`.');
      break;
    }
    case 'list': {
      for (const p of await partners.listPartners()) {
        console.log(`${p.id}  ${p.name}  production=${p.productionEnabled ? 'enabled' : 'disabled'}`);
        for (const k of p.keys) {
          console.log(`    ${k.prefix}  ${k.mode}  created ${k.createdAt.toISOString()}${k.revokedAt ? `  REVOKED ${k.revokedAt.toISOString()}` : ''}`);
        }
      }
      break;
    }
    case 'revoke-key': {
      if (!arg) throw new UsageError('revoke-key needs a key prefix (afg_test_XXXXXXXXXXXX)');
      if (!(await partners.revokeKey(arg))) throw new NotFound(`no key with prefix ${arg}`);
      console.log(`revoked ${arg}`);
      break;
    }
    case 'enable-production': {
      if (!arg) throw new UsageError('enable-production needs a partner id');
      if (!(await partners.enableProduction(arg))) throw new NotFound(`no partner ${arg}`);
      console.log(`production enabled for ${arg}`);
      break;
    }
    case 'set-rate-limit': {
      // "default" clears the partner's own limit, so RATE_LIMIT_PER_SECOND applies again.
      const perSecond = arg2 === 'default' ? null : Number(arg2);
      if (!arg || (perSecond !== null && !(Number.isInteger(perSecond) && perSecond > 0))) {
        throw new UsageError('set-rate-limit needs a partner id and a positive whole number of requests per second (or "default")');
      }
      if (!(await partners.setRateLimit(arg, perSecond))) throw new NotFound(`no partner ${arg}`);
      console.log(`rate limit for ${arg}: ${perSecond === null ? 'the gateway default (RATE_LIMIT_PER_SECOND)' : `${perSecond} requests per second per key`}`);
      break;
    }
    default:
      throw new UsageError(`unknown command ${command}`);
  }
} catch (err) {
  if (err instanceof UsageError) {
    console.error(`${err.message}\n${USAGE}`);
    exitCode = 2;
  } else if (err instanceof NotFound) {
    console.error(err.message);
    exitCode = 1;
  } else throw err;
} finally {
  await orm.close(true);
}
process.exit(exitCode);

