// A scripted ApiClient for store tests: records every call and answers from handlers.
import type { ApiClient, Channel, EventName, Events } from '../../../../src/shared/contract';
import type { Result } from '../../../../src/shared/errors';

export type Handler = (req: unknown) => unknown;

export function fakeApi(handlers: Partial<Record<Channel, Handler>>): {
  client: ApiClient;
  calls: { channel: Channel; req: unknown }[];
  emit<E extends EventName>(event: E, payload: Events[E]): void;
} {
  const calls: { channel: Channel; req: unknown }[] = [];
  const listeners = new Map<string, Set<(p: unknown) => void>>();
  const client = {
    invoke(channel: Channel, req?: unknown): Promise<Result<unknown>> {
      calls.push({ channel, req });
      const h = handlers[channel];
      if (!h) return Promise.resolve({ ok: false, error: { code: 'internal', message: `no handler for ${channel}` } });
      try {
        return Promise.resolve({ ok: true, value: h(req) });
      } catch (err) {
        return Promise.resolve({ ok: false, error: { code: 'not_found', message: (err as Error).message } });
      }
    },
    on(event: string, cb: (p: unknown) => void): () => void {
      if (!listeners.has(event)) listeners.set(event, new Set());
      listeners.get(event)!.add(cb);
      return () => listeners.get(event)!.delete(cb);
    },
  } as unknown as ApiClient;
  return {
    client,
    calls,
    emit: (event, payload) => listeners.get(event)?.forEach((cb) => cb(payload)),
  };
}
