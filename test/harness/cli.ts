import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';

export const BIN = path.join(__dirname, '..', '..', 'dist', 'bin', 'tx-codemod.js');

export interface CliResult {
  status: number | null;
  stdout: string;
  stderr: string;
}

/** Runs the built CLI in `cwd`; colour is off unless the test asks for it. */
export function tx(args: string[], cwd: string, env: Record<string, string | undefined> = {}): CliResult {
  const result = spawnSync(process.execPath, [BIN, ...args], {
    cwd,
    encoding: 'utf8',
    env: { ...process.env, NO_COLOR: '1', FORCE_COLOR: undefined, CI: '1', ...env },
  });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

/** A temporary folder holding `files` (path -> content). Never inside a git work tree unless `git` is set. */
export function tempProject(files: Record<string, string>, options: { git?: boolean } = {}): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'tx-codemod-'));
  for (const [rel, content] of Object.entries(files)) {
    const file = path.join(dir, rel);
    fs.mkdirSync(path.dirname(file), { recursive: true });
    fs.writeFileSync(file, content);
  }
  if (options.git) {
    git(dir, 'init', '-q');
    git(dir, 'add', '-A');
    git(dir, '-c', 'user.name=t', '-c', 'user.email=t@example.com', 'commit', '-qm', 'initial');
  }
  return dir;
}

export function git(cwd: string, ...args: string[]): string {
  const result = spawnSync('git', args, { cwd, encoding: 'utf8' });
  if (result.status !== 0) throw new Error(`git ${args.join(' ')} failed: ${result.stderr}`);
  return result.stdout;
}

export function read(dir: string, rel: string): string {
  return fs.readFileSync(path.join(dir, rel), 'utf8');
}

/** A session that is never ended: hoist-end-session rewrites it. */
export const LEAKY_SOURCE = `import mongoose from 'mongoose';

export async function pay(Order: any, id: string) {
  const session = await mongoose.startSession();
  await Order.updateOne({ _id: id }, { paid: true }, { session });
  await Order.findById(id).session(session);
}
`;

export const LEAKY_FIXED = `import mongoose from 'mongoose';

export async function pay(Order: any, id: string) {
  const session = await mongoose.startSession();
  try {
    await Order.updateOne({ _id: id }, { paid: true }, { session });
    await Order.findById(id).session(session);
  } finally {
    await session.endSession();
  }
}
`;

/** A transaction left open on the response for later middlewares: two transforms give the same reason for one site. */
export const HANDED_ON_SOURCE = `import mongoose from 'mongoose';

export async function begin(req: unknown, res: { locals: Record<string, unknown> }, next: () => void) {
  const session = await mongoose.startSession();
  session.startTransaction();
  res.locals.dbSession = session;
  next();
}
`;

export const ESCAPING_SOURCE = `import mongoose from 'mongoose';

export async function open(registry: Record<string, unknown>) {
  const session = await mongoose.startSession();
  registry.current = session;
}
`;
