// The renderer's one way to the back end. main.ts installs the client (window.api in
// Electron, the HTTP client in a browser); stores call `request`, which unwraps Result<T>
// into a value or a thrown ApiError, so views can show one error message per failure.
import type { ApiClient, Channel, EventName, Events, ReqArgs, Res } from '../../shared/contract';
import type { ErrorDTO } from '../../shared/errors';

export class ApiError extends Error {
  constructor(
    readonly code: ErrorDTO['code'],
    message: string,
  ) {
    super(message);
    this.name = 'ApiError';
  }
}

let client: ApiClient | undefined;

export function setApi(c: ApiClient | undefined): void {
  client = c;
}

export function getApi(): ApiClient {
  if (!client) throw new ApiError('internal', 'the API client is not connected');
  return client;
}

/** Calls a channel and returns its value; throws ApiError with the back end's message. */
export async function request<C extends Channel>(channel: C, ...args: ReqArgs<C>): Promise<Res<C>> {
  const result = await getApi().invoke(channel, ...args);
  if (!result.ok) throw new ApiError(result.error.code, result.error.message);
  return result.value;
}

/** Subscribes to a pushed event; a no-op unsubscribe when no client is connected. */
export function subscribe<E extends EventName>(event: E, cb: (payload: Events[E]) => void): () => void {
  return client ? client.on(event, cb) : () => undefined;
}

/** The message to show for anything a request threw. */
export function errorMessage(err: unknown): string {
  if (err instanceof Error) return err.message;
  return String(err);
}
