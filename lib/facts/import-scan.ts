/** A place one file loads another: the module specifier's string literal in `file`. */
export interface ImportSite {
  file: string;
  /** Offset of the specifier's string literal (its opening quote) in `file`. */
  start: number;
}

/** One module a file loads: `import ... from 'x'`, `export ... from 'x'`, `import('x')`, `require('x')`. */
export interface ImportLine {
  specifier: string;
  /** Offset of the string literal (its opening quote) in the text scanned. */
  start: number;
}

/**
 * Comments, strings and the four forms that load a module, in one pass of the regular expression
 * engine: a form counts only where it is code, so `require('mongodb')` in a JSDoc example or a
 * string does not, nor `obj.require('x')`, while a spread `...require('./x')` (a barrel) does. Template literals and regular expressions are approximated (a quote inside a
 * regular expression can hide the rest of its line), which is enough for import lines.
 */
const TOKENS =
  /\/\/[^\n]*|\/\*[\s\S]*?(?:\*\/|$)|'(?:[^'\\\n]|\\[\s\S])*'|"(?:[^"\\\n]|\\[\s\S])*"|`(?:[^`\\]|\\[\s\S])*`|(?<![\w$])(?<!(?<!\.\.)\.)(?:require|import)\s*\(\s*(['"])([^'"\n]+)\1\s*\)|(?<![\w$.])(?:from|import)\s*(['"])([^'"\n]+)\3/g;

/** The modules a file loads, in order, read from its text without parsing it. */
export function scanImports(text: string): ImportLine[] {
  if (!text.includes('require') && !text.includes('import') && !text.includes('from')) return [];
  const out: ImportLine[] = [];
  TOKENS.lastIndex = 0;
  for (let match = TOKENS.exec(text); match !== null; match = TOKENS.exec(text)) {
    const specifier = match[2] ?? match[4];
    if (specifier === undefined) continue;
    const quote = match[1] ?? match[3]!;
    out.push({ specifier: detached(specifier), start: match.index + match[0].indexOf(quote) });
  }
  return out;
}

/**
 * A copy of a substring that does not keep the whole text it was cut from alive (V8 shares the
 * parent's characters): the graph keeps every file's specifiers, never its text.
 */
function detached(part: string): string {
  return (` ${part}`).slice(1);
}

/** The package a bare specifier names (`@scope/name` or `name`), undefined for relative and absolute paths. */
export function packageOf(specifier: string): string | undefined {
  if (specifier.startsWith('.') || specifier.startsWith('/') || specifier.startsWith('node:') || specifier.startsWith('#')) return undefined;
  const parts = specifier.split('/');
  return specifier.startsWith('@') ? parts.slice(0, 2).join('/') : parts[0];
}
