import type { EstreeToken } from './estree';

/** A pair of parentheses: the `(` and `)` tokens. */
export interface ParenPair {
  open: EstreeToken;
  close: EstreeToken;
}

/**
 * Where parentheses wrap a node, from the tokens of its file: Babel records them on an expression
 * (`extra.parenthesized`, `extra.parenStart`) and gives a parenthesized type a node of its own
 * (`TSParenthesizedType`); ESTree keeps neither, but its tokens show them.
 *
 * A `(` just before a node and a `)` just after it always belong together (the node's own tokens
 * are balanced), so the pairs around a node are found from the node outward.
 */
export class ParenIndex {
  /** Start of the token after each `(` -> that `(`. */
  private readonly opens = new Map<number, EstreeToken>();
  /** End of the token before each `)` -> that `)`. */
  private readonly closes = new Map<number, EstreeToken>();

  constructor(tokens: readonly EstreeToken[]) {
    for (let i = 0; i < tokens.length; i++) {
      const token = tokens[i]!;
      if (token.type !== 'Punctuator') continue;
      if (token.value === '(' && i + 1 < tokens.length) this.opens.set(tokens[i + 1]!.range[0], token);
      else if (token.value === ')' && i > 0) this.closes.set(tokens[i - 1]!.range[1], token);
    }
  }

  /** The pairs of parentheses around `range`, innermost first; undefined when there are none. */
  around([start, end]: readonly [number, number]): ParenPair[] | undefined {
    let pairs: ParenPair[] | undefined;
    for (;;) {
      const open = this.opens.get(start);
      if (open === undefined) return pairs;
      const close = this.closes.get(end);
      if (close === undefined) return pairs;
      (pairs ??= []).push({ open, close });
      start = open.range[0];
      end = close.range[1];
    }
  }
}
