/**
 * Atomic's references list the status codes (400, 401, 404, 422, 429, 5xx) and say errors carry
 * "extra information ... encoded in the response as JSON", but never show an error body. The
 * emulator therefore uses one shape everywhere: `{ "message": "...", "statusCode": N }`.
 */
export interface AtomicErrorBody {
  message: string;
  statusCode: number;
}

export const DEFAULT_MESSAGES: Record<number, string> = {
  400: 'The request was unacceptable.',
  401: 'Missing or invalid credentials.',
  404: 'The resource does not exist.',
  409: 'The request conflicts with the current state of the resource.',
  422: 'A validation error occurred.',
  429: 'Too many requests, please try again later.',
  500: 'An error occurred with our API.',
  502: 'An error occurred with our API.',
  503: 'An error occurred with our API.',
  504: 'An error occurred with our API.',
};

/** Thrown by handlers and hooks; the app's error handler turns it into the JSON body above. */
export class AtomicApiError extends Error {
  readonly statusCode: number;
  readonly headers: Record<string, string>;

  constructor(statusCode: number, message?: string, headers: Record<string, string> = {}) {
    super(message ?? DEFAULT_MESSAGES[statusCode] ?? 'Error');
    this.name = 'AtomicApiError';
    this.statusCode = statusCode;
    this.headers = headers;
  }
}

export const badRequest = (message: string): AtomicApiError => new AtomicApiError(400, message);
export const unauthorized = (message = DEFAULT_MESSAGES[401]): AtomicApiError => new AtomicApiError(401, message);
export const notFound = (what: string): AtomicApiError => new AtomicApiError(404, `${what} not found.`);
export const validationError = (message: string): AtomicApiError => new AtomicApiError(422, message);

export function errorBody(error: AtomicApiError): AtomicErrorBody {
  return { message: error.message, statusCode: error.statusCode };
}
