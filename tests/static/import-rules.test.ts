import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { brokenRules, importsOf } from './import-rules';

const root = join(import.meta.dirname, '../..');

function sources(dir: string): string[] {
  const out: string[] = [];
  for (const name of readdirSync(join(root, dir))) {
    const path = `${dir}/${name}`;
    if (statSync(join(root, path)).isDirectory()) out.push(...sources(path));
    else if (/\.tsx?$/.test(name) && !name.endsWith('.d.ts')) out.push(path);
  }
  return out;
}

describe('import rules between rooms', () => {
  it('hold for every source file of worker/ and web/src/', () => {
    const files = [...sources('worker'), ...sources('web/src')];
    expect(files.length).toBeGreaterThan(100);
    const broken = files.flatMap((file) =>
      importsOf(file, readFileSync(join(root, file), 'utf8')).flatMap((f) => brokenRules(f).map((rule) => `${relative('.', f.from)}: '${f.specifier}' (${rule})`)),
    );
    expect(broken).toEqual([]);
  }, 30_000); // parses every source file: seconds on a busy machine

  it('catch each kind of breach (the checker can fail)', () => {
    const check = (file: string, source: string) => importsOf(file, source).flatMap(brokenRules);
    expect(check('worker/domain/x.ts', "import { cards } from '../db/schema';")).toHaveLength(1);
    expect(check('worker/domain/x.ts', "import type { Context } from 'hono';")).toHaveLength(1);
    expect(check('worker/domain/x.ts', "import { sql } from 'drizzle-orm';")).toHaveLength(1);
    expect(check('worker/db/x.ts', "export { app } from '../routes/board';")).toHaveLength(1);
    expect(check('worker/db/x.ts', "import { Hono } from 'hono';")).toHaveLength(1);
    expect(check('worker/db/x.ts', "import { canEditCard } from '../domain/policy';")).toHaveLength(1);
    expect(check('worker/db/x.ts', "import type { Actor } from '../domain/policy';")).toHaveLength(1);
    expect(check('worker/db/x.ts', "import type { Access } from '../domain/access';")).toEqual([]);
    expect(check('worker/routes/x.ts', "import { and, eq } from 'drizzle-orm';")).toHaveLength(1);
    expect(check('worker/routes/x.ts', "import type { BatchItem } from 'drizzle-orm/batch';")).toHaveLength(1);
    expect(check('worker/routes/x.ts', "import { loadBoard } from '../db/board';")).toEqual([]);
    expect(check('worker/routes/x.ts', "const m = await import('../../web/src/i18n');")).toHaveLength(1);
    expect(check('web/src/x.ts', "import { loadBoard } from '../../worker/db/board';")).toHaveLength(1);
    expect(check('web/src/x.ts', "import { type BoardView } from '../../worker/db/board';")).toHaveLength(1);
    expect(check('web/src/x.ts', "import type { BoardView } from '../../worker/db/board';")).toHaveLength(1);
    expect(check('web/src/x.ts', "type V = import('../../worker/db/board').BoardView;")).toHaveLength(1);
    expect(check('web/src/x.ts', "import type { Env } from '../../worker/env';")).toHaveLength(1);
    expect(check('web/src/x.ts', "import type { Db } from '../../worker/middleware/session';")).toHaveLength(1);
    expect(check('web/src/x.ts', "import { cardRoutes } from '../../worker/routes/cards';")).toHaveLength(1);
    expect(check('web/src/x.ts', "import type { CardsApi } from '../../worker/routes/cards';")).toEqual([]);
    expect(check('web/src/x.ts', "import { type CardsApi } from '../../worker/routes/cards';")).toEqual([]);
    expect(check('web/src/x.ts', "import type { BoardView } from '../../worker/domain/contracts';")).toEqual([]);
    expect(check('web/src/x.ts', "import { moveCardBody } from '../../worker/domain/schemas/cards';")).toHaveLength(1);
    expect(check('web/src/x.ts', "import type { MoveCardRequest } from '../../worker/domain/schemas/cards';")).toEqual([]);
    expect(check('web/src/x.ts', "import { isOverdueOn } from '../../worker/domain/due';")).toEqual([]);
    expect(check('worker/domain/x.ts', "import { z } from 'zod';")).toEqual([]);
    expect(check('worker/email/x.ts', "import { enqueue } from '../db/outbox';")).toHaveLength(1);
    expect(check('worker/email/x.ts', "import type { Organisation } from '../db/reports';")).toHaveLength(1);
    expect(check('worker/email/x.ts', "import { eq } from 'drizzle-orm';")).toHaveLength(1);
    expect(check('worker/email/x.ts', "import { runOutboxJob } from '../cron/outbox-job';")).toHaveLength(1);
    expect(check('worker/email/x.ts', "import { reportCsv } from '../domain/report-csv';")).toEqual([]);
    expect(check('worker/cron/x.ts', "import { enqueue } from '../db/outbox';")).toEqual([]);
    expect(check('worker/line/x.ts', "import { linkedGroups } from '../db/line';")).toHaveLength(1);
    expect(check('worker/line/x.ts', "import { lineSender } from '../cron/outbox-job';")).toHaveLength(1);
    expect(check('worker/line/x.ts', "import { clip } from '../domain/line';")).toEqual([]);
    expect(check('web/src/messages/x.ts', "import en from './admin.en';")).toHaveLength(1);
    expect(check('web/src/messages/x.ts', "const en = () => import('./admin.en');")).toEqual([]);
    expect(check('web/src/messages/admin.en.ts', "import type { th } from './admin.th';")).toEqual([]);
  });
});
