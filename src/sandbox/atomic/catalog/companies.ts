import { derivedObjectId, derivedUuid } from '../ids.js';
import type { Branding, Logo } from '../types.js';

/**
 * The companies the emulator knows. Ids, names, logos and colours that appear in Atomic's
 * references are copied from them (Netflix, Hulu, Spotify, Amazon, DoorDash, DoTerra, ADP, the
 * "Test Company"); the rest are invented in the same style with ids derived from their names.
 */
export interface Connector {
  _id: string;
  name: string;
  logo?: Logo;
}

export interface CatalogCompany {
  _id: string;
  name: string;
  status: 'operational' | 'under-maintenance';
  kind: 'paylink' | 'payroll';
  connector: Connector;
  availableProducts: string[];
  capabilities?: Record<string, unknown>;
  logo: Logo;
  color: string;
  tags: string[];
  /** PayLink account category (`data.category`). */
  category?: 'subscription' | 'loan' | 'policy' | 'telecom';
  /** Upper-case descriptor fragments that identify the company in a bank transaction. */
  patterns?: RegExp[];
}

const cdnLogo = (name: string): string =>
  `https://cdn-public.atomicfi.com/${derivedUuid('logo', name)}_${name.toLowerCase().replace(/[^a-z0-9]+/g, '-')}.png`;

export const CONNECTORS = {
  adp: {
    _id: '5d77f95207085632a58945c3',
    name: 'ADP',
    logo: { _id: '5eb62781b4b83f0008f6343c', url: 'https://cdn.atomicfi.com/adp-logo.svg' },
  },
  test: {
    _id: '607e249736b9f053b536bde1',
    name: 'Test Connector',
    logo: { url: 'https://cdn-public.atomicfi.com/b02670fa-ce1b-4171-855b-6856b37bb938.png' },
  },
  doordash: { _id: '5d38f182512bbf0c06776013', name: 'DoorDash' },
  gusto: { _id: derivedObjectId('connector', 'Gusto'), name: 'Gusto', logo: { url: cdnLogo('gusto') } },
  paychex: { _id: derivedObjectId('connector', 'Paychex'), name: 'Paychex', logo: { url: cdnLogo('paychex') } },
  workday: { _id: derivedObjectId('connector', 'Workday'), name: 'Workday', logo: { url: cdnLogo('workday') } },
  ukg: { _id: derivedObjectId('connector', 'UKG'), name: 'UKG', logo: { url: cdnLogo('ukg') } },
  paylink: { _id: derivedObjectId('connector', 'PayLink'), name: 'PayLink' },
} satisfies Record<string, Connector>;

const PAYLINK_PRODUCTS = ['present', 'switch'];

function paylink(
  name: string,
  color: string,
  category: CatalogCompany['category'],
  patterns: RegExp[],
  overrides: Partial<CatalogCompany> = {},
): CatalogCompany {
  return {
    _id: derivedObjectId('company', name),
    name,
    status: 'operational',
    kind: 'paylink',
    connector: { ...CONNECTORS.paylink, _id: derivedObjectId('connector', name) },
    availableProducts: PAYLINK_PRODUCTS,
    logo: { url: cdnLogo(name), backgroundColor: color },
    color,
    tags: [],
    category,
    patterns,
    ...overrides,
  };
}

function employer(name: string, connector: Connector, color: string, overrides: Partial<CatalogCompany> = {}): CatalogCompany {
  return {
    _id: derivedObjectId('company', name),
    name,
    status: 'operational',
    kind: 'payroll',
    connector,
    availableProducts: ['deposit', 'verify', 'tax'],
    capabilities: { distributionTypes: ['total', 'fixed', 'percent'] },
    logo: { _id: derivedObjectId('logo', name), url: cdnLogo(name) },
    color,
    tags: [],
    ...overrides,
  };
}

export const COMPANIES: readonly CatalogCompany[] = [
  // PayLink: the three from the find-company example and Amazon from the accounts example.
  paylink('Netflix', '#000000', 'subscription', [/NETFLIX/], { _id: '64ecca15ec669e000851d5d2' }),
  paylink('Hulu', '#040405', 'subscription', [/\bHULU/, /\bHLU/], {
    _id: '6529a6eccb8e7200085c6ef6',
    logo: { url: 'https://cdn-public.atomicfi.com/60e83c17-cda4-4b5a-98c6-c83199c54d48.png', backgroundColor: '#040405' },
  }),
  paylink('Spotify', '#000000', 'subscription', [/SPOTIFY/], { _id: '652801e35d8a530008e9e2cd' }),
  paylink('Amazon', '#FF9900', 'subscription', [/AMAZON/, /\bAMZN/, /PRIME VIDEO/], {
    _id: '65272c415d8a530008e972df',
    logo: { url: 'https://cdn-public.atomicfi.com/8d97b6ca-595b-447c-8b86-8d690501c794_amazon.png', backgroundColor: '#FF9900' },
  }),
  paylink('Disney+', '#01147C', 'subscription', [/DISNEY ?PLUS/, /DISNEY\+/]),
  paylink('YouTube Premium', '#FF0000', 'subscription', [/YOUTUBE/]),
  paylink('Max', '#002BE7', 'subscription', [/HBO ?MAX/, /\bMAX\.COM/]),
  paylink('Verizon Wireless', '#CD040B', 'telecom', [/VERIZON/, /\bVZWRLSS/]),
  paylink('T-Mobile', '#E20074', 'telecom', [/T-?MOBILE/]),
  paylink('AT&T', '#00A8E0', 'telecom', [/\bAT ?& ?T\b/, /\bATT\b/]),
  paylink('Xfinity', '#6138F5', 'telecom', [/COMCAST/, /XFINITY/]),
  // Utilities have no category of their own in Atomic's enum; they are billed subscriptions.
  paylink('PG&E', '#0071BC', 'subscription', [/PGANDE/, /\bPG ?& ?E\b/, /PACIFIC GAS/]),
  paylink('Con Edison', '#0078C1', 'subscription', [/CON ?ED/]),
  paylink('Duke Energy', '#00789E', 'subscription', [/DUKE[ -]?ENERGY/]),
  paylink('State Farm', '#E31837', 'policy', [/STATE FARM/]),

  // UserLink: the references' own.
  {
    _id: '5d38f1e8512bbf71fb776015',
    name: 'DoorDash',
    status: 'operational',
    kind: 'payroll',
    connector: CONNECTORS.doordash,
    availableProducts: ['deposit'],
    capabilities: { distributionTypes: ['total'] },
    logo: { url: 'https://atomicfi-public-production.s3.amazonaws.com/a8d7e778-b718-45e0-b639-2305e33e7f95_ADP.svg' },
    color: '#E20000',
    tags: ['gig-economy'],
  },
  employer('DoTerra', CONNECTORS.adp, '#5A2D82', {
    _id: '5d77f9e1070856f3828945c6',
    logo: { _id: '5eb62781b4b83f0008f638cc', url: 'https://cdn.atomicfi.com/doterra-logo.svg' },
  }),
  employer('Test Company', CONNECTORS.test, '#1B1464', {
    _id: '607e249736b9f053b536bde0',
    logo: { url: 'https://cdn-public.atomicfi.com/b02670fa-ce1b-4171-855b-6856b37bb938.png' },
    availableProducts: ['deposit', 'verify', 'tax', 'earn'],
  }),
  employer('Mocky', CONNECTORS.test, '#090721', {
    logo: { url: 'https://cdn-public.atomicfi.com/979115f4-34a0-44f5-901e-753a33337444_atomic-logo-dark.png' },
    availableProducts: ['deposit', 'verify', 'tax', 'earn'],
  }),
  // Employers of generated users (the same names the Plaid emulator's payroll deposits use).
  employer('Acme Corp', CONNECTORS.adp, '#D62828'),
  employer('Globex', CONNECTORS.workday, '#2A9D8F'),
  employer('Initech', CONNECTORS.paychex, '#264653'),
  employer('Hooli', CONNECTORS.gusto, '#3A86FF'),
  employer('Walmart', CONNECTORS.workday, '#0071CE'),
  employer('Starbucks', CONNECTORS.ukg, '#00704A'),
  employer('The Home Depot', CONNECTORS.workday, '#F96302'),
  employer('Paycom Client', CONNECTORS.ukg, '#1F7A3F', { status: 'under-maintenance' }),
  // Payroll providers, gig platforms and unemployment, for the tag filters.
  employer('ADP', CONNECTORS.adp, '#D0271D', { tags: ['payroll-provider'] }),
  employer('Gusto', CONNECTORS.gusto, '#F45D48', { tags: ['payroll-provider'] }),
  employer('Paychex', CONNECTORS.paychex, '#004B8D', { tags: ['payroll-provider'] }),
  employer('Uber', CONNECTORS.gusto, '#000000', { tags: ['gig-economy'], availableProducts: ['deposit', 'verify', 'earn'] }),
  employer('Instacart', CONNECTORS.gusto, '#43B02A', { tags: ['gig-economy'], availableProducts: ['deposit', 'verify', 'earn'] }),
  employer('Texas Workforce Commission', CONNECTORS.ukg, '#002868', {
    tags: ['unemployment', 'manual-deposits'],
    availableProducts: ['deposit'],
  }),
];

const BY_ID = new Map(COMPANIES.map((c) => [c._id, c]));
const BY_NAME = new Map(COMPANIES.map((c) => [c.name.toLowerCase(), c]));

export function companyById(id: string): CatalogCompany | undefined {
  return BY_ID.get(id);
}

export function companyByName(name: string): CatalogCompany {
  const company = BY_NAME.get(name.toLowerCase());
  if (!company) throw new Error(`atomic emulator: no catalog company named ${name}`);
  return company;
}

/** The company as PayLink accounts and bills embed it. */
export function paylinkCompany(c: CatalogCompany): { _id: string; name: string; branding: Branding } {
  return { _id: c._id, name: c.name, branding: { logo: { ...c.logo }, color: c.color } };
}

/** The company as the company search returns it (the UserLink reference's example). */
export function searchCompany(c: CatalogCompany): Record<string, unknown> {
  const logo: Logo = { url: c.logo.url, ...(c.logo.backgroundColor ? { backgroundColor: c.logo.backgroundColor } : {}) };
  return {
    _id: c._id,
    name: c.name,
    status: c.status,
    connector: {
      _id: c.connector._id,
      availableProducts: [...c.availableProducts],
      ...(c.capabilities ? { capabilities: structuredClone(c.capabilities) } : {}),
    },
    branding: { logo, color: c.color },
    tags: [...c.tags],
  };
}

/** The company as find-company attaches it to a transaction: the example's fields, plus tags and products. */
export function matchedCompany(c: CatalogCompany): Record<string, unknown> {
  return {
    _id: c._id,
    branding: { logo: { url: c.logo.url, backgroundColor: c.logo.backgroundColor ?? c.color }, color: c.color },
    name: c.name,
    tags: [...c.tags],
    products: [...c.availableProducts],
  };
}

/** Company or connector as task details embed them: `{_id, branding: {logo: {url}}, name}`. */
export function taskCompany(c: { _id: string; name: string; logo?: Logo }): { _id: string; branding: Branding; name: string } {
  return { _id: c._id, branding: c.logo ? { logo: { url: c.logo.url } } : {}, name: c.name };
}

/** Company or connector as payroll data and linked accounts embed them: `{_id, name, branding: {logo: {_id, url}}}`. */
export function payrollRef(c: { _id: string; name: string; logo?: Logo }): { _id: string; name: string; branding: Branding } {
  const logo = c.logo ? { _id: c.logo._id ?? derivedObjectId('logo', c.name), url: c.logo.url } : undefined;
  return { _id: c._id, name: c.name, branding: logo ? { logo } : {} };
}
