import { lookup as dnsLookup } from 'node:dns/promises';
import ipaddr from 'ipaddr.js';

/**
 * Keeps webhook deliveries away from the gateway's own network. A partner chooses the URL, so
 * without this a URL could make the gateway POST to its loopback services, the cloud metadata
 * address (169.254.169.254) or anything on the private network behind it.
 *
 * The rule is an allow rule, not a block list: every address the host resolves to must be plain
 * global unicast as ipaddr.js classifies it (`unicast`). Loopback, RFC 1918, CGNAT, link-local,
 * unique-local, multicast, unspecified, reserved and documentation ranges, and IPv6 forms that
 * embed an IPv4 address (NAT64, 6to4, Teredo) are all refused; IPv4-mapped IPv6
 * (`::ffff:127.0.0.1`) is judged as the IPv4 address it maps. Odd spellings (`2130706433`,
 * `0x7f.1`, `127.1`, `0177.0.0.1`) need no special code: WHATWG URL parsing normalises them to
 * dotted quads before the check.
 *
 * The guard runs at registration and again before every delivery, and the delivery connects to
 * the address checked here (see sender.ts), so DNS answering differently later (rebinding) cannot
 * slip an internal address past it.
 */

export interface Allowlist {
  /** Host names allowed whatever they resolve to (lower case, no trailing dot). */
  hosts: ReadonlySet<string>;
  /** Address ranges allowed even though they are not public (`127.0.0.1/32`, `10.0.0.0/8`). */
  ranges: ReadonlyArray<[ipaddr.IPv4 | ipaddr.IPv6, number]>;
}

export const EMPTY_ALLOWLIST: Allowlist = { hosts: new Set(), ranges: [] };

/** Builds the allowlist from WEBHOOK_ALLOWED_HOSTS entries: host names, IP addresses or CIDRs. */
export function parseAllowlist(entries: readonly string[]): Allowlist {
  const hosts = new Set<string>();
  const ranges: [ipaddr.IPv4 | ipaddr.IPv6, number][] = [];
  for (const raw of entries) {
    const entry = raw.trim().toLowerCase().replace(/^\[(.*)\]$/, '$1');
    if (!entry) continue;
    if (entry.includes('/')) {
      const [addr, bits] = ipaddr.parseCIDR(entry);
      // Addresses are compared after ipaddr.process (IPv4-mapped → IPv4), so map such ranges too.
      const mapped = addr.kind() === 'ipv6' && (addr as ipaddr.IPv6).isIPv4MappedAddress() && bits >= 96;
      ranges.push(mapped ? [(addr as ipaddr.IPv6).toIPv4Address(), bits - 96] : [addr, bits]);
    } else if (ipaddr.isValid(entry)) {
      const addr = ipaddr.process(entry);
      ranges.push([addr, addr.kind() === 'ipv4' ? 32 : 128]);
    } else {
      hosts.add(entry.replace(/\.$/, ''));
    }
  }
  return { hosts, ranges };
}

function inAllowedRange(addr: ipaddr.IPv4 | ipaddr.IPv6, allowlist: Allowlist): boolean {
  return allowlist.ranges.some(([base, bits]) => base.kind() === addr.kind() && addr.match(base, bits));
}

/**
 * Thrown when a URL or an address it resolves to is not allowed. `message` is for the partner and
 * says nothing about what a host name resolves to (or whether it resolves at all), so the guard
 * cannot be used to map the gateway's internal DNS; `detail` names the address and range, for the
 * gateway's own logs.
 */
export class SsrfRefusal extends Error {
  override readonly name = 'SsrfRefusal';
  constructor(
    message: string,
    readonly detail: string = message,
  ) {
    super(message);
  }
}

export interface ResolvedAddress {
  address: string;
  family: 4 | 6;
}

/** A destination that passed the guard: connect to one of `addresses`, never re-resolve. */
export interface CheckedTarget {
  url: URL;
  /** The URL's host without IPv6 brackets or a trailing dot, lower case: for Host and TLS SNI. */
  hostname: string;
  addresses: ResolvedAddress[];
}

export type Resolver = (hostname: string) => Promise<ResolvedAddress[]>;

/** Every A and AAAA answer, as the operating system's resolver (and so a connection) would see them. */
export const systemResolver: Resolver = async (hostname) =>
  (await dnsLookup(hostname, { all: true, verbatim: true })).map((a) => ({ address: a.address, family: a.family === 6 ? 6 : 4 }));

export class SsrfGuard {
  constructor(
    private readonly allowlist: Allowlist,
    private readonly resolve: Resolver = systemResolver,
  ) {}

  /**
   * Resolves the URL's host and checks every address. Plain http is allowed only for allowlisted
   * destinations (a receiver on the operator's own network, or tests). Throws SsrfRefusal.
   */
  async check(url: URL): Promise<CheckedTarget> {
    if (url.protocol !== 'https:' && url.protocol !== 'http:') throw new SsrfRefusal('the URL must use https.');
    const hostname = url.hostname.toLowerCase().replace(/^\[(.*)\]$/, '$1').replace(/\.$/, '');
    if (!hostname) throw new SsrfRefusal('the URL has no host.');
    const hostAllowed = this.allowlist.hosts.has(hostname);

    const literal = ipaddr.isValid(hostname);
    const notPublic = `the host ${hostname} does not resolve to public addresses only.`;
    let addresses: ResolvedAddress[];
    if (literal) {
      addresses = [{ address: hostname, family: ipaddr.parse(hostname).kind() === 'ipv6' ? 6 : 4 }];
    } else {
      try {
        addresses = await this.resolve(hostname);
      } catch (err) {
        throw new SsrfRefusal(notPublic, `${hostname} does not resolve (${(err as NodeJS.ErrnoException).code ?? 'lookup failed'})`);
      }
      if (addresses.length === 0) throw new SsrfRefusal(notPublic, `${hostname} does not resolve (no addresses)`);
    }

    let allAllowlisted = hostAllowed;
    if (!hostAllowed) {
      allAllowlisted = true;
      for (const { address } of addresses) {
        const addr = ipaddr.process(address);
        if (inAllowedRange(addr, this.allowlist)) continue;
        allAllowlisted = false;
        const range = addr.range();
        // One bad answer refuses the host: the connection could otherwise land on it.
        if (range === 'unicast') continue;
        const what = `${addr.toString()}, which is ${describeRange(range)}`;
        if (literal) throw new SsrfRefusal(`the address ${what}; only public addresses are allowed.`);
        throw new SsrfRefusal(notPublic, `${hostname} resolves to ${what}`);
      }
    }
    if (url.protocol === 'http:' && !allAllowlisted) throw new SsrfRefusal('the URL must use https (http is allowed only for hosts in WEBHOOK_ALLOWED_HOSTS).');
    return { url, hostname, addresses };
  }
}

const RANGE_WORDS: Record<string, string> = {
  loopback: 'a loopback address',
  private: 'a private (RFC 1918) address',
  linkLocal: 'a link-local address',
  carrierGradeNat: 'a carrier-grade NAT address',
  uniqueLocal: 'a unique-local address',
  unspecified: 'an unspecified address',
  multicast: 'a multicast address',
  broadcast: 'the broadcast address',
  reserved: 'a reserved address',
};

function describeRange(range: string): string {
  return RANGE_WORDS[range] ?? `not a public address (${range})`;
}
