// A closed set of error codes; errors cross process boundaries as data, never as throws.

export const ERROR_CODES = [
  'invalid_config',
  'invalid_input',
  'bad_file',
  'not_found',
  'cancelled',
  'numeric',
  'backend',
  'store',
  'internal',
] as const;
export type ErrorCode = (typeof ERROR_CODES)[number];

export interface ErrorDTO {
  code: ErrorCode;
  message: string;
}

/** An error that knows its code; `field` names the config path or file it is about. */
export class LeError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly field?: string,
  ) {
    super(message);
    this.name = 'LeError';
  }
}

export function toErrorDTO(err: unknown): ErrorDTO {
  if (err instanceof LeError) return { code: err.code, message: err.message };
  if (err instanceof Error && err.name === 'AbortError') return { code: 'cancelled', message: 'cancelled' };
  return { code: 'internal', message: err instanceof Error ? err.message : String(err) };
}

export type Result<T> = { ok: true; value: T } | { ok: false; error: ErrorDTO };
