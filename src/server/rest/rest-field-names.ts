import { AppError, badUserInput } from '../../errors/app-error.js';

/** camelCase → snake_case, as the REST reference spells fields (`upcomingBills[0].dueInDays` → `upcoming_bills[0].due_in_days`). */
export const snakeCase = (name: string) => name.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`);

/**
 * Runs a service call and re-labels its validation errors with the REST body's field names: the
 * services speak GraphQL's camelCase. Fields listed in `keep` (e.g. a header name) stay as they are.
 */
export async function withRestFieldNames<T>(run: () => T | Promise<T>, keep: string[] = []): Promise<T> {
  try {
    return await run();
  } catch (e) {
    if (!(e instanceof AppError) || e.code !== 'BAD_USER_INPUT' || typeof e.extensions.field !== 'string' || keep.includes(e.extensions.field)) throw e;
    const { code: _code, ...extensions } = e.extensions;
    const field = e.extensions.field;
    // Other details (e.g. `upstream`) stay; only the field is re-spelt.
    throw badUserInput(e.message.replaceAll(field, snakeCase(field)), { ...extensions, field: snakeCase(field) });
  }
}
