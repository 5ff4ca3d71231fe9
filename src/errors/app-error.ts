import { GraphQLError } from 'graphql';
import { ERROR_HTTP_STATUS, type ErrorCode } from './error-codes.js';

export interface UpstreamErrorInfo {
  provider: 'plaid' | 'atomic';
  status?: number;
  code?: string;
  message?: string;
}

export interface AppErrorOptions {
  /** Extra, client-safe details placed in `extensions` (never secrets). */
  extensions?: Record<string, unknown>;
  upstream?: UpstreamErrorInfo;
  cause?: unknown;
}

/**
 * An expected failure with a code from the closed enum. Its message is shown to clients as is,
 * so it must be written for them. Anything thrown that is not an AppError is masked.
 */
export class AppError extends GraphQLError {
  readonly code: ErrorCode;
  readonly httpStatus: number;

  constructor(code: ErrorCode, message: string, options: AppErrorOptions = {}) {
    super(message, {
      extensions: {
        code,
        ...(options.upstream ? { upstream: options.upstream } : {}),
        ...options.extensions,
      },
      originalError: options.cause instanceof Error ? options.cause : undefined,
    });
    this.name = 'AppError';
    this.code = code;
    this.httpStatus = ERROR_HTTP_STATUS[code];
  }
}

export const badUserInput = (message: string, extensions?: Record<string, unknown>) =>
  new AppError('BAD_USER_INPUT', message, { extensions });

export const notFound = (message: string) => new AppError('NOT_FOUND', message);
