import { describe, expect, it } from 'vitest';
import { statementRemovalRange } from '../../lib/edit/text';

const remove = (source: string, statement: string) => {
  const start = source.indexOf(statement);
  const [from, to] = statementRemovalRange(source, start, start + statement.length);
  return source.slice(0, from) + source.slice(to);
};

describe('statementRemovalRange', () => {
  it('takes the whole line of a statement that has it alone', () => {
    expect(remove('a();\n  b();\nc();\n', 'b();')).toBe('a();\nc();\n');
  });

  it('takes only the statement when the line holds more', () => {
    expect(remove('a(); b(); c();\n', 'b();')).toBe('a(); c();\n');
  });

  it('leaves no double blank line, and no blank line before a closing brace', () => {
    expect(remove('a();\n\nb();\n\nc();\n', 'b();')).toBe('a();\n\nc();\n');
    expect(remove('{\n  a();\n\n  b();\n}\n', 'b();')).toBe('{\n  a();\n}\n');
    expect(remove('a();\n\nb();\nc();\n', 'b();')).toBe('a();\n\nc();\n');
  });
});
