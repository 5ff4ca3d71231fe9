import { describe, expect, it } from '@jest/globals';
import { EMPTY_ALLOWLIST, parseAllowlist, SsrfGuard, SsrfRefusal, type ResolvedAddress } from '../../../src/modules/webhooks/ssrf-guard.js';

/** A resolver answering from a table, so DNS answers (rebinding included) are under the test's control. */
const fakeDns = (table: Record<string, string[]>) => async (host: string): Promise<ResolvedAddress[]> => {
  const answers = table[host];
  if (!answers) throw Object.assign(new Error(`getaddrinfo ENOTFOUND ${host}`), { code: 'ENOTFOUND' });
  return answers.map((address) => ({ address, family: address.includes(':') ? 6 : 4 }));
};

const dns = fakeDns({
  'hooks.partner.example': ['93.184.216.34', '2606:2800:220:1:248:1893:25c8:1946'],
  'rebind.partner.example': ['93.184.216.34', '10.0.0.7'],
  'metadata.partner.example': ['169.254.169.254'],
  'v6only.partner.example': ['::1'],
  'receiver.internal': ['10.1.2.3'],
  localhost: ['127.0.0.1', '::1'],
});
const strict = new SsrfGuard(EMPTY_ALLOWLIST, dns);
/** The refusal's detail (for logs; it names the address); null when allowed. */
const refusal = async (guard: SsrfGuard, url: string) => (await refused(guard, url))?.detail ?? null;
const refused = async (guard: SsrfGuard, url: string) => {
  try {
    await guard.check(new URL(url));
  } catch (err) {
    if (err instanceof SsrfRefusal) return err;
    throw err;
  }
  return null;
};

describe('SSRF guard', () => {
  it.each([
    ['https://127.0.0.1/hook', /127\.0\.0\.1, which is a loopback address/],
    ['https://LocalHost./hook', /localhost resolves to 127\.0\.0\.1, which is a loopback/],
    ['https://10.0.0.1/hook', /private/],
    ['https://172.16.5.4/', /private/],
    ['https://192.168.1.1/', /private/],
    ['https://169.254.169.254/latest/meta-data/', /link-local/],
    ['https://100.64.0.1/', /carrier-grade NAT/],
    ['https://0.0.0.0/', /unspecified/],
    ['https://0.1.2.3/', /unspecified/],
    ['https://224.0.0.1/', /multicast/],
    ['https://255.255.255.255/', /broadcast/],
    ['https://192.0.2.10/', /reserved/],
    ['https://[::1]/', /loopback/],
    ['https://[::]/', /unspecified/],
    ['https://[::ffff:127.0.0.1]/', /127\.0\.0\.1, which is a loopback/],
    ['https://[::ffff:a9fe:a9fe]/', /169\.254\.169\.254, which is a link-local/],
    ['https://[fe80::1]/', /link-local/],
    ['https://[fc00::1]/', /unique-local/],
    ['https://[fd12:3456::1]/', /unique-local/],
    ['https://[ff02::1]/', /multicast/],
    ['https://[64:ff9b::7f00:1]/', /not a public address \(rfc6052\)/],
    ['https://[2002:7f00:1::]/', /6to4/],
    // Odd spellings of 127.0.0.1: WHATWG URL parsing normalises them before the check.
    ['http://2130706433/', /127\.0\.0\.1, which is a loopback/],
    ['https://0x7f.1/', /127\.0\.0\.1, which is a loopback/],
    ['https://127.1/', /127\.0\.0\.1, which is a loopback/],
    ['https://0177.0.0.1/', /127\.0\.0\.1, which is a loopback/],
    ['https://0x7f000001/', /127\.0\.0\.1, which is a loopback/],
    ['https://metadata.partner.example/', /metadata\.partner\.example resolves to 169\.254\.169\.254/],
    ['https://v6only.partner.example/', /loopback/],
    ['https://receiver.internal/', /private/],
  ])('refuses %s', async (url, why) => {
    expect(await refusal(strict, url)).toMatch(why);
  });

  it('refuses a host when any one of its addresses is internal (the connection could land on it)', async () => {
    expect(await refusal(strict, 'https://rebind.partner.example/hook')).toMatch(/resolves to 10\.0\.0\.7, which is a private/);
  });

  it('allows public https hosts and returns every checked address to connect to', async () => {
    const target = await strict.check(new URL('https://hooks.partner.example:8443/in?x=1'));
    expect(target.hostname).toBe('hooks.partner.example');
    expect(target.addresses.map((a) => a.address)).toEqual(['93.184.216.34', '2606:2800:220:1:248:1893:25c8:1946']);
    expect(await refusal(strict, 'https://8.8.8.8/')).toBeNull();
  });

  it('refuses plain http to public hosts, unresolvable hosts and other schemes', async () => {
    expect(await refusal(strict, 'http://hooks.partner.example/')).toMatch(/must use https/);
    expect(await refusal(strict, 'https://nowhere.partner.example/')).toMatch(/nowhere\.partner\.example does not resolve \(ENOTFOUND\)/);
    expect(await refusal(strict, 'ftp://hooks.partner.example/')).toMatch(/must use https/);
  });

  it('lets allowlisted host names through whatever they resolve to, over http too', async () => {
    const guard = new SsrfGuard(parseAllowlist(['receiver.internal', 'LOCALHOST']), dns);
    expect(await refusal(guard, 'http://receiver.internal:8080/hook')).toBeNull();
    expect(await refusal(guard, 'https://localhost/hook')).toBeNull();
    // Only those names: other internal destinations stay refused.
    expect(await refusal(guard, 'https://metadata.partner.example/')).toMatch(/link-local/);
    expect(await refusal(guard, 'http://127.0.0.1/')).toMatch(/loopback/);
  });

  it('lets allowlisted addresses and CIDRs through, including other spellings of them', async () => {
    const guard = new SsrfGuard(parseAllowlist(['127.0.0.1', '10.0.0.0/8', '::ffff:192.168.7.0/120']), dns);
    expect(await refusal(guard, 'http://127.0.0.1:4000/')).toBeNull();
    expect(await refusal(guard, 'http://2130706433/')).toBeNull();
    expect(await refusal(guard, 'https://[::ffff:127.0.0.1]/')).toBeNull();
    expect(await refusal(guard, 'http://receiver.internal/')).toBeNull();
    expect(await refusal(guard, 'https://192.168.7.9/')).toBeNull();
    expect(await refusal(guard, 'https://127.0.0.2/')).toMatch(/loopback/);
    expect(await refusal(guard, 'https://192.168.8.1/')).toMatch(/private/);
    // A host with one allowlisted and one public address is not "allowlisted": https only.
    expect(await refusal(guard, 'http://rebind.partner.example/')).toMatch(/must use https/);
  });

  it('tells the partner about an address they typed, but not what a host name resolves to, or whether it resolves', async () => {
    expect((await refused(strict, 'https://10.0.0.1/'))!.message).toBe('the address 10.0.0.1, which is a private (RFC 1918) address; only public addresses are allowed.');
    const internal = await refused(strict, 'https://receiver.internal/');
    const unknown = await refused(strict, 'https://nowhere.partner.example/');
    expect(internal!.message).toBe('the host receiver.internal does not resolve to public addresses only.');
    expect(unknown!.message).toBe('the host nowhere.partner.example does not resolve to public addresses only.');
    expect(internal!.detail).toBe('receiver.internal resolves to 10.1.2.3, which is a private (RFC 1918) address');
  });

  it('asks the real resolver when none is injected (localhost is loopback)', async () => {
    expect(await refusal(new SsrfGuard(EMPTY_ALLOWLIST), 'https://localhost/')).toMatch(/localhost resolves to .*loopback/);
  });
});
