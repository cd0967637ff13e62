import { describe, expect, it } from 'vitest';
import { formatTable, notJudged, type Row } from '../bench/table.ts';

const rows: Row[] = [
  { figure: '1 overhead', measure: 'SDK / raw', value: '1.40', ratio: '1.40', target: '≤ 1.10', meets: false },
  { figure: '', measure: 'bundle', value: '9.0 kB', target: '≤ 12 kB', meets: true },
  { figure: '', measure: 'baseline', value: '1.00' },
];
const verdicts = (lines: string[]) => lines.slice(4).map((l) => l.split(' │ ')[5]?.trim() ?? '');

describe('bench table', () => {
  it('judges targets in a full run', () => {
    expect(verdicts(formatTable('bench', rows, { smoke: false }))).toEqual(['NO', 'yes', '']);
  });

  it('judges no target in a smoke run, whose sizes are too small to mean anything', () => {
    const lines = formatTable('bench (smoke)', rows, { smoke: true });
    expect(verdicts(lines)).toEqual([notJudged, notJudged, '']);
    expect(lines.join('\n')).not.toMatch(/\bNO\b/);
  });

  it('aligns every column under its header', () => {
    const lines = formatTable('bench', rows, { smoke: false });
    const bars = (l: string) => [...l.matchAll(/│/g)].map((m) => m.index);
    expect(lines[1]).toBe('bench');
    for (const line of lines.slice(4, 6)) expect(bars(line)).toEqual(bars(lines[2]!));
  });
});
