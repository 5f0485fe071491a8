// The executives' dashboard and the O43 report through the real API, and the event-log replay
// behind the trend on a log written by hand with known moments.
import { beforeAll, describe, expect, it } from 'vitest';
import { call, cookieFor, getBoard, seedOffice, type Demo } from './helpers';
import { replaySeries, samplePoints, trendFromEvents, type ColumnInfo, type PlacementEvent } from '../../worker/domain/progress';
import type { DashboardView, O43ReportView } from '../../worker/domain/views';
import type { BoardView } from '../../worker/domain/contracts';

let demo: Demo;
let admin: string;
let executive: string;
let board: BoardView;

const versions = new Map<string, number>();

async function move(cardId: string, columnIndex: number) {
  const version = versions.get(cardId) ?? board.cards.find((c) => c.id === cardId)!.version;
  const r = await call('POST', `/api/cards/${cardId}/move`, {
    cookie: admin,
    body: { toColumnId: board.columns[columnIndex]!.id, afterCardId: null, beforeCardId: null, version },
  });
  expect(r.status).toBe(200);
  versions.set(cardId, r.json.card.version);
}

const dashboard = async (cookie = executive, year = 2567) => {
  const r = await call('GET', `/api/dashboard/${year}`, { cookie });
  expect(r.status, r.text).toBe(200);
  return r.json as DashboardView;
};

const cardsOf = (n: number) => board.cards.filter((c) => c.measureId === board.measures.find((m) => m.number === n)!.id);

beforeAll(async () => {
  demo = await seedOffice('dash-office');
  admin = await cookieFor(demo, 'admin');
  executive = await cookieFor(demo, 'executive');
  board = await getBoard(admin);
  // The dashboard counts steps wherever they stand; whether a done step carries evidence is the
  // done rule's (tests/worker/done-rule.test.ts), switched off here so the steps move freely.
  expect((await call('PUT', '/api/admin/done-rule', { cookie: admin, body: { doneNeedsEvidence: false } })).status).toBe(200);
});

describe('the dashboard', () => {
  it('shows the fresh board: seven measures, 21 steps, nothing done, everything overdue after the year', async () => {
    const d = await dashboard();
    expect(d.fiscalYear.beYear).toBe(2567);
    expect(d.office.nameTh).toBe('สำนักงานศึกษาธิการจังหวัดพิจิตร');
    expect(d.measures.map((m) => [m.number, m.total, m.done])).toEqual([
      [1, 2, 0], [2, 2, 0], [3, 3, 0], [4, 4, 0], [5, 3, 0], [6, 2, 0], [7, 5, 0],
    ]);
    expect(d.overall).toEqual({ total: 21, done: 0, percent: 0, byCategory: { todo: 21, doing: 0, review: 0, done: 0 } });
    // Demo due dates are in 2024 and today is later: every step is overdue, oldest first.
    expect(d.overdue).toHaveLength(21);
    expect(d.overdue.every((o) => o.daysOverdue > 0)).toBe(true);
    expect([...d.overdue.map((o) => o.dueOn)]).toEqual([...d.overdue.map((o) => o.dueOn)].sort());
    expect(d.series.at(-1)).toMatchObject({ total: 21, done: 0, percent: 0, perColumn: [21, 0, 0, 0] });
    expect(d.columns.map((c) => c.category)).toEqual(['todo', 'doing', 'review', 'done']);
  });

  it('counts steps in done columns per measure and per group, and the trend ends where the board is', async () => {
    const [m1a] = cardsOf(1);
    const [m4a, m4b] = cardsOf(4);
    await move(m1a!.id, 3);
    await move(m4a!.id, 3);
    await move(m4b!.id, 2);
    const d = await dashboard();
    const m = (n: number) => d.measures.find((x) => x.number === n)!;
    expect([m(1).done, m(1).percent]).toEqual([1, 50]);
    expect(m(4)).toMatchObject({ total: 4, done: 1, percent: 25, byCategory: { todo: 2, doing: 0, review: 1, done: 1 } });
    expect(d.overall.done).toBe(2);
    expect(d.overall.percent).toBe(9.5);
    const personnel = d.groupProgress.find((g) => g.nameTh === 'กลุ่มบริหารงานบุคคล')!;
    // Personnel leads measure 4 (4 steps) and, like every group, takes part in measures 5-7 (10 steps).
    expect(personnel).toMatchObject({ led: 4, total: 14, done: 1 });
    const administration = d.groupProgress.find((g) => g.nameTh === 'กลุ่มอำนวยการ')!;
    expect(administration.total).toBe(2 + 2 + 3 + 3 + 2 + 5);
    expect(d.overdue).toHaveLength(19);
    expect(d.overdue.some((o) => o.cardId === m1a!.id)).toBe(false);
    expect(d.series.at(-1)).toMatchObject({ total: 21, done: 2, perColumn: [18, 0, 1, 2] });
  });

  it('is readable by every member; signed-out callers get 401, nonsense years 400, missing years 404', async () => {
    for (const who of ['staff', 'directorPersonnel', 'admin'] as const) {
      expect((await call('GET', '/api/dashboard/2567', { cookie: await cookieFor(demo, who) })).status).toBe(200);
    }
    expect((await call('GET', '/api/dashboard/2567')).status).toBe(401);
    expect((await call('GET', '/api/dashboard/abcd', { cookie: executive })).json.error.code).toBe('invalid_input');
    const missing = await call('GET', '/api/dashboard/2599', { cookie: executive });
    expect(missing.status).toBe(404);
    expect(missing.json.error.messageTh).toMatch(/ปีงบประมาณ/);
  });

  it("shows another office only its own board", async () => {
    const other = await seedOffice('dash-other', 'dash-other.local');
    const d = await dashboard(await cookieFor(other, 'executive'));
    expect(d.overall.done).toBe(0);
    expect(d.series.at(-1)!.done).toBe(0);
  });
});

describe('the O43 progress report', () => {
  it('reports each step at the end of the period, what changed in it, and the evidence by then', async () => {
    const [m1a] = cardsOf(1);
    const added = await call('POST', `/api/cards/${m1a!.id}/evidence`, {
      cookie: admin,
      body: { url: 'https://phichit.example.go.th/ita/o43', note: 'รายงานผล', oitCode: 'O43' },
    });
    expect(added.status).toBe(201);
    const today = new Date(Date.now() + 7 * 3600_000).toISOString().slice(0, 10);
    const r = await call('GET', `/api/dashboard/2567/o43?from=2023-10-01&to=${today}`, { cookie: executive });
    expect(r.status).toBe(200);
    const report = r.json as O43ReportView;
    expect(report.measures).toHaveLength(7);
    const step = report.measures[0]!.steps[0]!;
    expect(step).toMatchObject({ stepNumber: 1, category: 'done', startCategory: null, movedInPeriod: true });
    expect(step.evidence).toEqual([{ url: 'https://phichit.example.go.th/ita/o43', note: 'รายงานผล', oitCode: 'O43', addedOn: today, inPeriod: true }]);
    expect(report.summary).toMatchObject({ total: 21, doneAtStart: 0, doneAtEnd: 2, completedInPeriod: 2, evidenceInPeriod: 1 });

    // A period that ended before the board existed: nothing on the board yet, no evidence.
    const past = (await call('GET', '/api/dashboard/2567/o43?from=2024-01-01&to=2024-01-31', { cookie: executive })).json as O43ReportView;
    expect(past.measures[0]!.steps[0]).toMatchObject({ category: null, movedInPeriod: false, evidence: [] });
    expect(past.summary.doneAtEnd).toBe(0);
  });

  it('refuses a period that is missing, malformed or backwards', async () => {
    for (const q of ['', '?from=2024-01-01', '?from=2024-02-30&to=2024-03-01', '?from=2024-03-01&to=2024-02-01']) {
      const r = await call('GET', `/api/dashboard/2567/o43${q}`, { cookie: executive });
      expect(r.status, q).toBe(400);
      expect(r.json.error.code).toBe('invalid_input');
    }
  });
});

describe('the trend, replayed from a log with known moments', () => {
  const at = (iso: string) => Date.parse(`${iso}T10:00:00+07:00`);
  const columns: ColumnInfo[] = [
    { id: 'todo', key: 'todo', labelTh: '', labelEn: '', category: 'todo', position: 0 },
    { id: 'doing', key: 'doing', labelTh: '', labelEn: '', category: 'doing', position: 1 },
    { id: 'done', key: 'done', labelTh: '', labelEn: '', category: 'done', position: 2 },
  ];
  const events: PlacementEvent[] = [
    ...['a', 'b', 'c', 'd'].map((cardId) => ({ cardId, kind: 'card.created', columnId: 'todo', at: at('2023-10-05') })),
    { cardId: 'a', kind: 'card.moved', columnId: 'doing', at: at('2023-11-02') },
    { cardId: 'a', kind: 'card.moved', columnId: 'done', at: at('2023-11-20') },
    { cardId: 'b', kind: 'card.moved', columnId: 'done', at: at('2024-01-03') },
    { cardId: 'b', kind: 'evidence.added', columnId: null, at: at('2024-01-04') },
  ];
  const fy = { startsOn: '2023-10-01', endsOn: '2024-09-30' };

  it('samples on the 1st and 16th (Bangkok) between the first event and now', () => {
    const points = samplePoints(fy, at('2023-10-05'), at('2024-01-04'), at('2024-02-01'));
    const dates = replaySeries(events, columns, points).map((p) => p.date);
    expect(dates).toEqual(['2023-10-05', '2023-10-16', '2023-11-01', '2023-11-16', '2023-12-01', '2023-12-16', '2024-01-01', '2024-01-16', '2024-02-01']);
    expect(points).toHaveLength(9);
    // A boundary is midnight in Bangkok, 17:00 UTC the day before.
    expect(new Date(points[1]!).toISOString()).toBe('2023-10-15T17:00:00.000Z');
  });

  it('gives percent complete and cards per column at each point', () => {
    const series = trendFromEvents(events, columns, fy, at('2024-02-01'));
    const byDate = Object.fromEntries(series.map((p) => [p.date, [p.percent, ...p.perColumn]]));
    expect(byDate['2023-10-16']).toEqual([0, 4, 0, 0]);
    expect(byDate['2023-11-16']).toEqual([0, 3, 1, 0]);
    expect(byDate['2023-12-01']).toEqual([25, 3, 0, 1]);
    expect(byDate['2024-01-16']).toEqual([50, 2, 0, 2]);
  });

  it('never samples past the year end unless the log goes on, and thins a long span', () => {
    const afterYear = samplePoints(fy, at('2023-10-05'), at('2024-01-04'), at('2025-06-01'));
    expect(new Date(afterYear.at(-1)!).toISOString()).toBe('2024-09-30T16:59:59.999Z');
    expect(afterYear.length).toBeLessThanOrEqual(50);
    const demoLike = samplePoints(fy, at('2026-05-01'), at('2026-05-02'), at('2026-05-03'));
    expect(demoLike).toEqual([at('2026-05-01'), at('2026-05-02')]);
    const long = samplePoints({ startsOn: '2000-10-01', endsOn: '2001-09-30' }, at('2000-10-01'), at('2030-01-01'), at('2030-01-01'), 20);
    expect(long.length).toBeLessThanOrEqual(20);
    expect(long).toEqual([...long].sort((x, y) => x - y));
  });
});

describe('cost', () => {
  it('answers within a bounded time on a board with hundreds of events (measured)', async () => {
    const cards = board.cards.slice(0, 10);
    for (let round = 0; round < 20; round++) {
      for (const card of cards) await move(card.id, (round + 1) % 4);
    }
    const started = performance.now();
    const d = await dashboard();
    const elapsed = performance.now() - started;
    console.log(`dashboard with ${d.series.length} points over ${21 + 3 + 200} events: ${elapsed.toFixed(1)} ms`);
    expect(d.overall.total).toBe(21);
    expect(elapsed).toBeLessThan(2000);
  }, 60_000);
});
