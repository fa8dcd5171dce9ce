import * as path from 'node:path';
import { describe, expect, it } from 'vitest';
import { EnvironmentPool } from '../../lib/eslint/environments';
import { tempProject } from '../harness/cli';

describe('the lint rules’ environment pool', () => {
  const root = tempProject({ 'a/package.json': '{}\n', 'a/x.js': '', 'a/y.js': '', 'b/package.json': '{}\n', 'b/z.js': '' });
  const file = (rel: string) => path.join(root, rel);

  it('shares one environment per package and AsyncLocalStorage option while it is fresh', () => {
    const pool = new EnvironmentPool(1000);
    const a = pool.get(file('a/x.js'), {}, 0);
    expect(pool.get(file('a/y.js'), {}, 999)).toBe(a);
    expect(pool.get(file('b/z.js'), {}, 10)).not.toBe(a);
    expect(pool.get(file('a/x.js'), { als: true }, 10)).not.toBe(a);
  });

  it('starts a new environment once the old one has lived its time, so edits to other files are seen', () => {
    const pool = new EnvironmentPool(1000);
    const first = pool.get(file('a/x.js'), {}, 0);
    const second = pool.get(file('a/x.js'), {}, 1000);
    expect(second).not.toBe(first);
    expect(pool.get(file('a/y.js'), {}, 1500)).toBe(second);
  });
});
