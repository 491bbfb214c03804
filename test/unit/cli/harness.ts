// Runs `le` in-process with stdout/stderr captured.
import { vi } from 'vitest';
import { main } from '../../../src/cli/main';

export interface CliResult {
  code: number;
  stdout: string;
  stderr: string;
}

export async function le(...argv: string[]): Promise<CliResult> {
  let stdout = '';
  let stderr = '';
  const out = vi.spyOn(process.stdout, 'write').mockImplementation((chunk: string | Uint8Array) => {
    stdout += String(chunk);
    return true;
  });
  const err = vi.spyOn(process.stderr, 'write').mockImplementation((chunk: string | Uint8Array) => {
    stderr += String(chunk);
    return true;
  });
  try {
    const code = await main(argv);
    return { code, stdout, stderr };
  } finally {
    out.mockRestore();
    err.mockRestore();
  }
}

export function json<T = Record<string, unknown>>(r: CliResult): T {
  if (r.code !== 0) throw new Error(`le exited ${r.code}: ${r.stderr}`);
  return JSON.parse(r.stdout) as T;
}
