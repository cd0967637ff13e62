// The vendor's sample responses as the spec's sources hold them (openapi/sources/*.txt): the JSON after
// "Sample Response", as far as the stored copy of the page reads. A copy that ends mid-sample is closed
// the way the spec's examples are: cut after the last key read whole, brackets closed. So a test can
// hold an example against its page, and a schema against every key a sample shows.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { root } from '../../scripts/lib/tools.ts';

const END_OF_COPY = '[… the stored copy ends here]';

/** The source files that hold a sample of an interaction record (directly, or as an envelope's results). */
export const sampleSources = [
  'get-a-list-of-interactions.txt',
  'get-a-specific-interaction.txt',
  'example-null-values.txt',
  'example-time-range.txt',
  'example-third-party-system.txt',
] as const;
export type SampleSource = (typeof sampleSources)[number];

/** The text of a source file. */
export function sourceText(file: string): string {
  return readFileSync(path.join(root, 'openapi/sources', file), 'utf8');
}

/** The sample of `file`, closed where the stored copy ends, and whether it was cut. */
export function vendorSample(file: SampleSource): { value: any; cut: boolean } {
  const text = sourceText(file);
  const lines = text.slice(text.indexOf('Sample Response')).split('\n');
  const from = lines.indexOf('{');
  const end = lines.indexOf(END_OF_COPY, from);
  const kept = lines.slice(from, end < 0 ? undefined : end);
  // A line read whole ends a value (`,`) or opens or closes a bracket; the last one may be cut short.
  while (kept.length > 0 && !/[,{[\]}]$/.test(kept.at(-1)!.trim())) kept.pop();
  const json = kept.join('\n').replace(/,\s*$/, '');
  return { value: JSON.parse(json + closers(json)), cut: end >= 0 };
}

/** The brackets that close what `json` leaves open, innermost first (strings skipped). */
function closers(json: string): string {
  const open: string[] = [];
  let inString = false;
  for (let i = 0; i < json.length; i++) {
    const c = json[i]!;
    if (inString) {
      if (c === '\\') i++;
      else if (c === '"') inString = false;
    } else if (c === '"') inString = true;
    else if (c === '{' || c === '[') open.push(c);
    else if (c === '}' || c === ']') open.pop();
  }
  return open
    .reverse()
    .map((c) => (c === '{' ? '}' : ']'))
    .join('');
}

/** Every interaction record the samples show: the results of an envelope, or the body itself. */
export function sampleRecords(): { file: SampleSource; record: Record<string, any> }[] {
  return sampleSources.flatMap((file) => {
    const { value } = vendorSample(file);
    const records: Record<string, any>[] = Array.isArray(value.results) ? value.results : [value];
    return records.map((record) => ({ file, record }));
  });
}
