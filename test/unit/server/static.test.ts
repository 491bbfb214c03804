import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { resolveStatic } from '../../../src/server/static';

let dir: string;
let root: string;
beforeAll(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'le-static-'));
  root = path.join(dir, 'renderer');
  fs.mkdirSync(path.join(root, 'assets'), { recursive: true });
  fs.writeFileSync(path.join(root, 'index.html'), '<!doctype html>');
  fs.writeFileSync(path.join(root, 'assets', 'a.js'), 'x');
  fs.writeFileSync(path.join(dir, 'secret.txt'), 'secret');
  fs.symlinkSync(path.join(dir, 'secret.txt'), path.join(root, 'link.txt'));
});
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

describe('static serving', () => {
  it('serves files inside the root', () => {
    expect(resolveStatic(root, '/')).toMatchObject({ ok: true, type: 'text/html; charset=utf-8' });
    expect(resolveStatic(root, '/assets/a.js?v=1')).toMatchObject({ ok: true, file: fs.realpathSync(path.join(root, 'assets', 'a.js')) });
    expect(resolveStatic(root, '/missing.js')).toEqual({ ok: false, status: 404 });
    expect(resolveStatic(root, '/assets')).toEqual({ ok: false, status: 404 });
  });

  it('refuses path traversal in every spelling', () => {
    for (const p of ['/../secret.txt', '/assets/../../secret.txt', '/%2e%2e/secret.txt', '/%2e%2e%2fsecret.txt', '/..%2F..%2Fsecret.txt'])
      expect(resolveStatic(root, p)).toEqual({ ok: false, status: 403 });
    for (const p of ['/..\\secret.txt', '/a%00.js', '/%E0%A4%A', 'secret.txt'])
      expect(resolveStatic(root, p)).toEqual({ ok: false, status: 400 });
  });

  it('refuses a symlink that points outside the root', () => {
    expect(resolveStatic(root, '/link.txt')).toEqual({ ok: false, status: 403 });
  });
});
