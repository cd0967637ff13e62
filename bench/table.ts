// The bench's table: every figure beside its target and whether it meets it. A smoke run's sizes are
// too small for a target to mean anything, so there the targets are shown as not judged, never as a
// misleading "NO"; the full run judges them.
export interface Row {
  figure: string;
  measure: string;
  value: string;
  ratio?: string;
  target?: string;
  meets?: boolean;
}

export const notJudged = 'n/a (smoke)';

/** The table's lines, ready to print. */
export function formatTable(title: string, rows: Row[], { smoke }: { smoke: boolean }): string[] {
  const verdict = (r: Row) => (r.meets === undefined ? '' : smoke ? notJudged : r.meets ? 'yes' : 'NO');
  const cells = (r: Row) => [r.figure, r.measure, r.value, r.ratio ?? '', r.target ?? '', verdict(r)];
  const all = [['figure', 'measure', 'value', 'ratio', 'target', 'meets'], ...rows.map(cells)];
  const widths = all[0]!.map((_, i) => Math.max(...all.map((r) => r[i]!.length)));
  const line = (r: string[]) =>
    r
      .map((c, i) => c.padEnd(widths[i]!))
      .join(' │ ')
      .trimEnd();
  return ['', title, line(all[0]!), widths.map((w) => '─'.repeat(w)).join('─┼─'), ...all.slice(1).map(line)];
}
