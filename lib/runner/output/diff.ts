import { createTwoFilesPatch } from 'diff';
import pc from 'picocolors';

/**
 * A unified diff with 3 lines of context, as `git diff` shows the change, that `git apply` (or
 * `patch -p1`) applies from the working directory: `before` and `after` are the file's bytes as
 * text (its own line endings and byte order mark, which the patch carries), and
 * `\ No newline at end of file` is written where it applies.
 */
export function unifiedDiff(displayPath: string, before: string, after: string): string {
  const patch = createTwoFilesPatch(`a/${displayPath}`, `b/${displayPath}`, before, after, undefined, undefined, {
    context: 3,
  });
  // The first line is the "Index:"-style separator `diff` writes; git-style output starts at ---.
  return patch.slice(patch.indexOf('---'));
}

export function colorizeDiff(diff: string): string {
  return diff
    .split('\n')
    .map((line) => {
      if (line.startsWith('+++') || line.startsWith('---')) return pc.bold(line);
      if (line.startsWith('@@')) return pc.cyan(line);
      if (line.startsWith('+')) return pc.green(line);
      if (line.startsWith('-')) return pc.red(line);
      return line;
    })
    .join('\n');
}
