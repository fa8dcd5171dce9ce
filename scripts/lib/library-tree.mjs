// The sources of the packages installed for development, copied as they come: every package in
// node_modules with its own package.json and its JavaScript/TypeScript files, nothing left out for
// its content. Used by the sweep (nothing may change) and the benchmark (the bulk of its tree).
import * as fs from 'node:fs';
import * as path from 'node:path';

const SOURCE = /\.(c|m)?(j|t)sx?$/;

/** Package folders under `nodeModules` (scoped ones included), sorted. */
export function installedPackages(nodeModules) {
  const out = [];
  for (const name of fs.readdirSync(nodeModules).sort()) {
    if (name.startsWith('.')) continue;
    const dir = path.join(nodeModules, name);
    if (name.startsWith('@')) {
      for (const inner of fs.readdirSync(dir).sort()) out.push(path.join(dir, inner));
    } else out.push(dir);
  }
  return out.filter((dir) => fs.existsSync(path.join(dir, 'package.json')));
}

/**
 * Copies every installed package's package.json and source files to `target/<package>/`, keeping
 * their layout (relative imports still resolve); nested node_modules are not followed. Returns
 * the number of source files copied.
 */
export function copyInstalledSources(nodeModules, target) {
  let count = 0;
  const copy = (from, to) => {
    for (const entry of fs.readdirSync(from, { withFileTypes: true })) {
      const src = path.join(from, entry.name);
      const dst = path.join(to, entry.name);
      if (entry.isDirectory()) {
        if (entry.name !== 'node_modules') copy(src, dst);
      } else if (entry.isFile() && (SOURCE.test(entry.name) || entry.name === 'package.json')) {
        fs.mkdirSync(to, { recursive: true });
        fs.copyFileSync(src, dst);
        if (entry.name !== 'package.json') count++;
      }
    }
  };
  for (const pkg of installedPackages(nodeModules)) copy(pkg, path.join(target, path.relative(nodeModules, pkg)));
  return count;
}
