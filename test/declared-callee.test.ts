import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { TypeFacts } from '../lib/facts/type-facts';
import { runPipeline } from '../lib/pipeline';
import { TRANSFORMS } from '../lib/registry';
import { RunEnvironment } from '../lib/runner/environment';

// Shaped like laudspeaker's accounts service: inside the transaction, calls of a package's
// default import (firebase-admin) and of `this` properties typed with a package's class (typeorm),
// next to a call of a project service, which is the only one that may reach project code.
const SERVICE = `import admin from 'firebase-admin';
import { DataSource } from 'typeorm';
import { Connection } from 'mongoose';
import { UsersService } from '../users/users.service';

export class AccountsService {
  constructor(
    private readonly connection: Connection,
    private readonly dataSource: DataSource,
    private readonly users: UsersService,
  ) {}

  async remove(id: string): Promise<void> {
    const session = await this.connection.startSession();
    try {
      await session.withTransaction(async () => {
        const app = admin.app(id);
        const runner = this.dataSource.createQueryRunner();
        await this.users.archive(id);
      });
    } finally {
      await session.endSession();
    }
  }
}
`;

const USERS = `export class UsersService {
  async archive(id: string): Promise<void> {}
}
`;

describe('following calls to project functions', () => {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), 'tx-called-'));
  afterAll(() => fs.rmSync(root, { recursive: true, force: true }));

  it('asks type facts only about calls that may reach project code, not about names from packages', () => {
    const file = path.join(root, 'src/accounts/accounts.service.ts');
    fs.mkdirSync(path.dirname(file), { recursive: true });
    fs.mkdirSync(path.join(root, 'src/users'), { recursive: true });
    fs.writeFileSync(file, SERVICE);
    fs.writeFileSync(path.join(root, 'src/users/users.service.ts'), USERS);
    const asked: string[] = [];
    const types: TypeFacts = {
      thenableAt: (_file, source, start, end) => {
        asked.push(source.slice(start, end));
        return undefined;
      },
      statuses: () => [],
    };
    const env = new RunEnvironment({ types });
    runPipeline({
      file,
      displayPath: 'accounts.service.ts',
      source: SERVICE,
      transforms: TRANSFORMS.filter((t) => t.name === 'add-missing-session'),
      project: env.projectView(file),
      types: env.types,
      settings: { stripSave: false },
      annotate: false,
      inRun: () => true,
    });
    expect(asked.filter((text) => text.startsWith('admin.') || text.startsWith('this.dataSource.'))).toEqual([]);
    expect(asked).toContain('this.users.archive(id)');
  });
});
