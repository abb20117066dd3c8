// What a rejected call's coded error is, for the tests of the database layer's error mapping.
import { AppError } from '../../src/errors/app-error';

/** The AppError `promise` rejects with (the test fails when it resolves or rejects with another error). */
export async function rejection(promise: Promise<unknown>): Promise<AppError> {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(AppError);
  return error as AppError;
}

/** The Neo4j code of the driver error behind an AppError. */
export function causeCode(error: AppError): string | undefined {
  return (error.cause as { code?: string } | undefined)?.code;
}
