// The one coded application error. Everything the product throws on purpose is an AppError with a
// code from ErrorCode and a message that says what was wrong and how to fix it.
import { ErrorCode } from './error-code';

export class AppError extends Error {
  readonly code: ErrorCode;
  /** Extra, safe-to-show details (e.g. candidate ids for an ambiguous name). */
  readonly details?: Record<string, unknown>;

  constructor(
    code: ErrorCode,
    message: string,
    options?: { cause?: unknown; details?: Record<string, unknown> },
  ) {
    super(message, options?.cause === undefined ? undefined : { cause: options.cause });
    this.name = 'AppError';
    this.code = code;
    this.details = options?.details;
  }
}

export function isAppError(value: unknown): value is AppError {
  return value instanceof AppError;
}
