// Picks the transport: the Electron preload's window.api when present, else the HTTP client
// of browser mode (same contract, same origin).
import type { ApiClient } from '../../shared/contract';
import { createHttpClient } from '../../shared/httpClient';
import { setApi } from './client';

export function connectApi(): { client: ApiClient; mode: 'electron' | 'browser' } {
  const preload = (window as unknown as { api?: ApiClient }).api;
  const client = preload ?? createHttpClient();
  setApi(client);
  return { client, mode: preload ? 'electron' : 'browser' };
}
