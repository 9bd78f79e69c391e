import { ApiError } from '../api/client';

/**
 * A 409 because the record changed since it was read (the server names the `version` field), as
 * opposed to another conflict such as a taken e-mail or the last admin, which reloading would not fix.
 */
export function isStale(error: unknown): boolean {
  return (
    error instanceof ApiError &&
    error.status === 409 &&
    error.details.some((detail) => detail.field === 'version' || detail.field?.startsWith('versions.'))
  );
}
