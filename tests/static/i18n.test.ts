// The one i18n mechanism (worker/domain/i18n.ts) and the dictionaries that use it: every area's
// English has the Thai's keys and {params} (the type system checks this when the web app builds;
// this checks the files as they are, in case a cast slips in), no inline Thai/English pair
// (`local(th, en)`) is left, and the mechanism fills and falls back as documented.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { appError } from '../../worker/domain/errors';
import { english, format, translator } from '../../worker/domain/i18n';

const root = join(import.meta.dirname, '../..');
const dictionaryDirs = [join(root, 'web/src/messages'), join(root, 'worker/domain/messages')];

function sources(dir: string): string[] {
  return readdirSync(join(root, dir)).flatMap((name) => {
    const path = `${dir}/${name}`;
    if (statSync(join(root, path)).isDirectory()) return sources(path);
    return /\.tsx?$/.test(name) ? [path] : [];
  });
}

const paramsOf = (template: string) => [...template.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();

describe('the i18n mechanism', () => {
  it('fills {params}, leaves unknown ones as written, and does not re-read filled values', () => {
    expect(format('{n} of {total}', { n: 2, total: 5 })).toBe('2 of 5');
    expect(format('{n} of {total}', { n: 2 })).toBe('2 of {total}');
    expect(format('say {a}', { a: '{b}', b: 'x' })).toBe('say {b}');
    expect(format('no params')).toBe('no params');
  });

  it('translates in the language asked, with the params of both languages', () => {
    const th = { 'fy.label': 'ปีงบประมาณ พ.ศ. {be}', plain: 'ไทย' } as const;
    const en = english<typeof th, 'fy.label'>()({ 'fy.label': 'Fiscal year {be} BE ({from}–{to})', plain: 'English' });
    expect(translator({ th, en }, 'th')('fy.label', { be: 2568, from: 2024, to: 2025 })).toBe('ปีงบประมาณ พ.ศ. 2568');
    expect(translator({ th, en }, 'en')('fy.label', { be: 2568, from: 2024, to: 2025 })).toBe('Fiscal year 2568 BE (2024–2025)');
    expect(translator({ th, en }, 'en')('plain')).toBe('English');
  });
});

describe('the dictionaries (web/src/messages, worker/domain/messages)', () => {
  const dictionaries = dictionaryDirs.flatMap((dir) =>
    readdirSync(dir)
      .filter((f) => f.endsWith('.th.ts'))
      .map((f) => ({ dir, area: f.slice(0, -'.th.ts'.length) })),
  );
  const areas = dictionaries.map((d) => d.area);

  it('are split by area, each with its English', () => {
    expect(areas).toEqual(expect.arrayContaining(['app', 'admin', 'dashboard', 'drawer', 'oit', 'report']));
    for (const { dir, area } of dictionaries) expect(readdirSync(dir)).toContain(`${area}.en.ts`);
  });

  it('have the same keys and {params} in Thai and English', async () => {
    const loose = new Set(['app:fy.label', 'errors:http_error']);
    for (const { dir, area } of dictionaries) {
      const th: Record<string, string> = (await import(join(dir, `${area}.th.ts`))).th;
      const en: Record<string, string> = (await import(join(dir, `${area}.en.ts`))).default;
      expect(Object.keys(en).sort(), area).toEqual(Object.keys(th).sort());
      for (const key of Object.keys(th)) {
        if (!loose.has(`${area}:${key}`)) expect(paramsOf(en[key]!), `${area}: ${key}`).toEqual(paramsOf(th[key]!));
        expect(th[key], `${area}: ${key}`).not.toBe('');
      }
    }
  });

  it('are the only way strings are translated: no local(th, en) pair is left', () => {
    const files = [...sources('web/src'), ...sources('worker')];
    const offenders = files.filter((f) => /(?<![\w.])local\(/.test(readFileSync(join(root, f), 'utf8')));
    expect(offenders).toEqual([]);
  });

  it('hold every message of the files converted to them: no Thai literal is left there (comments aside)', () => {
    const converted = [
      'worker/domain/announcement/warnings.ts',
      'worker/domain/announcement/parse.ts',
      'worker/line/messages.ts',
      'worker/line/api.ts',
      'worker/cron/outbox-job.ts',
      'worker/domain/readiness.ts',
      'worker/domain/throttle.ts',
      'worker/db/outbox.ts',
    ];
    const withoutComments = (text: string) => text.replace(/\/\*[\s\S]*?\*\//g, '').replace(/(^|[^:])\/\/.*$/gm, '$1');
    const offenders = converted.filter((f) => /[\u0E00-\u0E7F]/.test(withoutComments(readFileSync(join(root, f), 'utf8'))));
    expect(offenders).toEqual([]);
  });

  it('are where the API error messages come from: no AppError is built by hand outside domain/errors.ts', () => {
    const offenders = sources('worker').filter((f) => f !== 'worker/domain/errors.ts' && /new AppError\(/.test(readFileSync(join(root, f), 'utf8')));
    expect(offenders).toEqual([]);
  });
});

describe('appError', () => {
  it('fills both messages from the errors dictionary; the code is the key without its suffix', () => {
    expect(appError(404, 'not_found.page').toBody()).toEqual({ error: { code: 'not_found', messageTh: 'ไม่พบหน้าที่ขอ', messageEn: 'Not found' } });
    expect(appError(409, 'fiscal_year_exists', { year: 2570 }).toBody()).toEqual({
      error: { code: 'fiscal_year_exists', messageTh: 'ปีงบประมาณ 2570 มีบอร์ดอยู่แล้ว', messageEn: 'Fiscal year 2570 already has a board' },
    });
  });

  it('takes params per language, a code of its own, details and extra fields', () => {
    const e = appError(409, 'version_conflict', undefined, { code: 'moved', details: [1], extra: { card: { id: 'c' } } });
    expect(e.status).toBe(409);
    expect(e.toBody()).toEqual({
      error: { code: 'moved', messageTh: 'การ์ดนี้ถูกเปลี่ยนโดยผู้อื่นแล้ว แสดงสถานะล่าสุด', messageEn: 'Someone else changed this card first; here is its current state', details: [1] },
      card: { id: 'c' },
    });
    expect(appError(404, 'not_found.year', { year: 2569 }).toBody().error).toEqual({ code: 'not_found', messageTh: 'ไม่พบปีงบประมาณ 2569', messageEn: 'Fiscal year 2569 not found' });
  });
});
