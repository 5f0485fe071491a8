// Plain-SVG chart geometry: scales, which x labels to show, line and stacked-area paths. Pure
// functions of the data, so the charts stay small components.

export interface Frame {
  width: number;
  height: number;
  left: number;
  right: number;
  top: number;
  bottom: number;
}

export const FRAME: Frame = { width: 720, height: 300, left: 56, right: 20, top: 16, bottom: 44 };

export const plotWidth = (f: Frame) => f.width - f.left - f.right;
export const plotHeight = (f: Frame) => f.height - f.top - f.bottom;

/** x position of each point in time; a single point sits in the middle. */
export function xPositions(ats: readonly number[], f: Frame = FRAME): number[] {
  const first = ats[0] ?? 0;
  const last = ats[ats.length - 1] ?? 0;
  const span = last - first;
  return ats.map((at) => f.left + (span === 0 ? plotWidth(f) / 2 : ((at - first) / span) * plotWidth(f)));
}

/** y position of a value between 0 and `max`. */
export function yOf(value: number, max: number, f: Frame = FRAME): number {
  return f.top + plotHeight(f) - (max === 0 ? 0 : (value / max) * plotHeight(f));
}

/** Indexes of at most `n` evenly spread labels, always the first and the last. */
export function labelIndexes(count: number, n = 6): number[] {
  if (count <= n) return Array.from({ length: count }, (_, i) => i);
  const step = (count - 1) / (n - 1);
  return [...new Set(Array.from({ length: n }, (_, i) => Math.round(i * step)))];
}

/**
 * The x-axis labels: evenly spread, a date shown once, and the outermost anchored inwards so
 * they are not cut off at the chart's edges.
 */
export function axisLabels(points: readonly { date: string }[], n = 6): { i: number; anchor: 'start' | 'middle' | 'end' }[] {
  const shown: number[] = [];
  for (const i of labelIndexes(points.length, n)) {
    if (shown.length === 0 || points[shown[shown.length - 1]!]!.date !== points[i]!.date) shown.push(i);
  }
  if (shown.length === 1) return [{ i: shown[0]!, anchor: 'start' }];
  return shown.map((i, k) => ({ i, anchor: k === 0 ? 'start' : k === shown.length - 1 ? 'end' : 'middle' }));
}

/** A line through the points; a null value breaks the line (no data then). */
export function linePath(xs: readonly number[], ys: readonly (number | null)[]): string {
  let d = '';
  let pen = false;
  ys.forEach((y, i) => {
    if (y === null) {
      pen = false;
      return;
    }
    d += `${pen ? 'L' : 'M'}${xs[i]!.toFixed(1)},${y.toFixed(1)} `;
    pen = true;
  });
  return d.trim();
}

/**
 * Stacked bands, bottom first: for each series, the polygon between the running total below it
 * and the running total including it.
 */
export function stackedAreas(xs: readonly number[], series: readonly (readonly number[])[], max: number, f: Frame = FRAME): string[] {
  const below = xs.map(() => 0);
  return series.map((values) => {
    const lower = below.map((b, i) => [xs[i]!, yOf(b, max, f)] as const);
    values.forEach((v, i) => (below[i]! += v));
    const upper = below.map((b, i) => [xs[i]!, yOf(b, max, f)] as const);
    const points = [...upper, ...lower.reverse()];
    return `M${points.map(([x, y]) => `${x.toFixed(1)},${y.toFixed(1)}`).join(' L')} Z`;
  });
}

/** Round axis maximum and ticks for counts (e.g. 21 → 0, 5, 10, 15, 20, 25). */
export function countTicks(max: number): { max: number; ticks: number[] } {
  if (max <= 0) return { max: 1, ticks: [0, 1] };
  const raw = max / 5;
  const magnitude = 10 ** Math.floor(Math.log10(raw));
  const step = [1, 2, 5, 10].map((m) => m * magnitude).find((s) => s >= raw) ?? raw;
  const top = Math.ceil(max / step) * step;
  const ticks: number[] = [];
  for (let t = 0; t <= top + step / 2; t += step) ticks.push(Math.round(t * 1e6) / 1e6);
  return { max: top, ticks };
}
