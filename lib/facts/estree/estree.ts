/** ESTree as espree and typescript-eslint hand it to ESLint's rules: every node has its range and loc. */
export interface EstreeNode {
  type: string;
  range: [number, number];
  loc: EstreeLocation;
  // ESTree nodes are read field by field, by type; their fields are as varied as Babel's.
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  [field: string]: any;
}

export interface EstreeLocation {
  start: { line: number; column: number };
  end: { line: number; column: number };
}

export interface EstreeToken {
  type: string;
  value: string;
  range: [number, number];
  loc: EstreeLocation;
}

export interface EstreeComment {
  /** `Shebang` is ESLint's name for a `#!` first line. */
  type: 'Line' | 'Block' | 'Shebang';
  value: string;
  range: [number, number];
  loc: EstreeLocation;
}

export interface EstreeProgram extends EstreeNode {
  tokens?: EstreeToken[];
  comments?: EstreeComment[];
}
