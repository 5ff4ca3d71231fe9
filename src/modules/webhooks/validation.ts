import { randomInt } from 'node:crypto';
import { badUserInput, notFound } from '../../errors/app-error.js';
import { OUTBOX_EVENT_TYPES } from '../outbox/outbox.js';

/** Subscribes an endpoint to every event type, including ones added later. */
export const ALL_EVENTS = '*';

/** The length of the `url` column. */
export const MAX_URL_LENGTH = 2048;

const KNOWN_TYPES = new Set<string>(OUTBOX_EVENT_TYPES);

/**
 * A non-empty list of known event types (or `*`), de-duplicated in the order given. `*` with
 * other types is just `*`. Errors name the offending element, e.g. `eventTypes[1]`.
 */
export function validateEventTypes(eventTypes: readonly string[]): string[] {
  if (eventTypes.length === 0) throw badUserInput(`eventTypes must list at least one event type, or "${ALL_EVENTS}".`, { field: 'eventTypes' });
  eventTypes.forEach((type, i) => {
    if (type !== ALL_EVENTS && !KNOWN_TYPES.has(type)) {
      throw badUserInput(`eventTypes[${i}] "${String(type).slice(0, 80)}" is not an event type; use one of ${OUTBOX_EVENT_TYPES.join(', ')} or "${ALL_EVENTS}".`, {
        field: `eventTypes[${i}]`,
      });
    }
  });
  return eventTypes.includes(ALL_EVENTS) ? [ALL_EVENTS] : [...new Set(eventTypes)];
}

/** Whether an endpoint subscribed to `eventTypes` receives `eventType`. */
export function subscribes(eventTypes: readonly string[], eventType: string): boolean {
  return eventTypes.includes(ALL_EVENTS) || eventTypes.includes(eventType);
}

/**
 * The URL's shape, before the SSRF guard looks at where it points: absolute, http(s), no
 * credentials (they would be stored and sent in clear), no fragment, within the column's length.
 */
export function parseEndpointUrl(raw: string): URL {
  const fail = (why: string) => badUserInput(`url ${why}`, { field: 'url' });
  if (raw.length > MAX_URL_LENGTH) throw fail(`must be at most ${MAX_URL_LENGTH} characters.`);
  let url: URL;
  try {
    url = new URL(raw.trim());
  } catch {
    throw fail('is not an absolute URL.');
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') throw fail('must use https.');
  if (url.username || url.password) throw fail('must not contain credentials; authenticate deliveries with the signature.');
  if (url.hash) throw fail('must not contain a fragment.');
  if (url.href.length > MAX_URL_LENGTH) throw fail(`must be at most ${MAX_URL_LENGTH} characters.`);
  return url;
}

const BASE62 = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz';

/** `we_` + 24 random base62 characters (~143 bits): an endpoint's public id. */
export function newEndpointId(): string {
  let id = 'we_';
  for (let i = 0; i < 24; i++) id += BASE62[randomInt(62)];
  return id;
}

const ENDPOINT_ID = /^we_[0-9A-Za-z]{24}$/;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

/** A malformed id cannot name anything of this partner's: NOT_FOUND, as for another partner's id. */
export function assertEndpointId(id: string): string {
  if (!ENDPOINT_ID.test(id)) throw notFound(`No webhook endpoint ${id.slice(0, 60)}.`);
  return id;
}

export function assertDeliveryId(id: string): string {
  const lower = id.toLowerCase();
  if (!UUID.test(lower)) throw notFound(`No webhook delivery ${id.slice(0, 60)}.`);
  return lower;
}
