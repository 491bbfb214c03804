import { describe, it, expect } from 'vitest';
import { CHANNELS, EVENT_NAMES, isChannel, validateRequest } from '../../../src/shared/contract';

describe('contract', () => {
  it('names every channel domain:verb and knows its own channels only', () => {
    for (const c of CHANNELS) expect(c).toMatch(/^[a-z]+:[a-z]+$/);
    for (const e of EVENT_NAMES) expect(e).toMatch(/^[a-z]+:[a-z]+$/);
    expect(isChannel('runs:list')).toBe(true);
    expect(isChannel('constructor')).toBe(false);
    expect(isChannel(undefined)).toBe(false);
  });

  it('accepts omitted payloads only where every field is optional', () => {
    expect(validateRequest('runs:list', undefined).ok).toBe(true);
    expect(validateRequest('system:status', {}).ok).toBe(true);
    expect(validateRequest('runs:get', undefined).ok).toBe(false);
    expect(validateRequest('runs:matrix', { id: 1, name: 'x', maxSize: 1 }).ok).toBe(false);
    expect(validateRequest('export:csv', { what: 'table', id: 1, table: 'params' }).ok).toBe(true);
    expect(validateRequest('export:csv', { what: 'file', path: '/etc/passwd' }).ok).toBe(false);
  });
});
