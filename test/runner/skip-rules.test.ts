import { describe, expect, it } from 'vitest';
import { bundleReason, parseSize, skippedNote, tooLargeReason, vendoredReason, type SkippedFile } from '../../lib/runner/discover/skip-rules';

describe('skip rules', () => {
  it('know vendored and minified code by its path below the folder named', () => {
    expect(vendoredReason('.yarn/releases/yarn-3.0.0.cjs')).toBe('vendored code (.yarn/)');
    expect(vendoredReason('public/vendor/jquery.js')).toBe('vendored code (vendor/)');
    expect(vendoredReason('.pnp.cjs')).toBe('minified or bundled (by its name)');
    expect(vendoredReason('static/app.min.js')).toBe('minified or bundled (by its name)');
    expect(vendoredReason('static/app-min.mjs')).toBe('minified or bundled (by its name)');
    expect(vendoredReason('dist-web/app.bundle.js')).toBe('minified or bundled (by its name)');
    expect(vendoredReason('src/vendors.ts')).toBeUndefined();
    expect(vendoredReason('src/admin.ts')).toBeUndefined();
    expect(vendoredReason('src/services/vendor.js')).toBeUndefined();
  });

  it('know a bundle by a line over 5,000 characters, wherever it is', () => {
    expect(bundleReason(`const a = 1;\n${'x'.repeat(5001)}\n`)).toBe('a line of 5001 characters: minified or bundled code');
    expect(bundleReason(`${'const a = 1;\n'.repeat(2000)}`)).toBeUndefined();
    expect(bundleReason('x'.repeat(5000))).toBeUndefined();
  });

  it('compare sizes with the limit, and read --max-file-size values', () => {
    expect(tooLargeReason(3 * 1024 * 1024, 1024 * 1024)).toBe('3 MB, over the 1 MB limit (--max-file-size)');
    expect(tooLargeReason(1024 * 1024, 1024 * 1024)).toBeUndefined();
    expect(parseSize('1mb')).toBe(1024 * 1024);
    expect(parseSize('500kb')).toBe(500 * 1024);
    expect(parseSize('2M')).toBe(2 * 1024 * 1024);
    expect(parseSize('200000')).toBe(200000);
    expect(parseSize('big')).toBeUndefined();
  });

  it('sum the quiet skips up in one note that says how to include them, and leave problems to their own lines', () => {
    const skipped: SkippedFile[] = [
      { file: '/p/.yarn/releases/yarn.cjs', kind: 'vendored', reason: '' },
      { file: '/p/public/app.min.js', kind: 'vendored', reason: '' },
      { file: '/p/src/data.ts', kind: 'too-large', reason: '' },
      { file: '/p/src/bundle.js', kind: 'bundle', reason: '' },
      { file: '/p/src/image.js', kind: 'binary', reason: '' },
    ];
    expect(skippedNote(skipped)).toBe(
      'Skipped 4 generated or vendored files: 2 vendored or minified by path (.yarn/, vendor/, *.min.js), 1 with lines over 5000 characters (bundles), ' +
        '1 over the size limit (--max-file-size); name a file on the command line to include it (e.g. yarn.cjs), or raise --max-file-size; --verbose lists them',
    );
    expect(skippedNote(skipped.slice(4))).toBeUndefined();
  });
});
