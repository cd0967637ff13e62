// Figures 6–8 of `npm run bench`: incremental sync, rate-limited export and resume after kill -9,
// as rows for the table and raw figures for results.json. A run that loses or duplicates a record,
// or an incremental sync that yields anything but the new interactions, is a broken benchmark: it throws.
import { measureIncrementalSync, measureRateLimitedExport, measureResume } from './sync.ts';
import type { Row } from './table.ts';

export interface SyncSizes {
  history: number;
  exportContacts: number;
  overestimateContacts: number;
  allowedRate: number;
  resumeTrials: number;
  resumeContacts: number;
}

const LATENCY_MS = 20;
const CONCURRENCY = 8;
const RESUME_CONCURRENCY = 4;
const percent = (n: number) => `${(n * 100).toFixed(2)} %`;

export async function measureSyncFigures(sizes: SyncSizes) {
  const rows: Row[] = [];
  const incremental = await measureIncrementalSync({ history: sizes.history, added: 5 });
  if (!incremental.exact) throw new Error('incremental sync did not yield exactly the 5 new interactions');
  rows.push(
    {
      figure: '6 incremental sync',
      measure: `${sizes.history} interactions, 5 new, none open: requests`,
      value: String(incremental.incrementalRequests),
      ratio: `${(incremental.incrementalRequests / incremental.fullWalkRequests).toFixed(3)} of a full walk`,
      target: '1',
      meets: incremental.incrementalRequests === 1,
    },
    {
      figure: '',
      measure: 'full walk of the same contact (baseline); first sync',
      value: `${incremental.fullWalkRequests}; ${incremental.firstSyncRequests}`,
      ratio: '1.00 (baseline)',
    },
  );

  const R = sizes.allowedRate;
  const common = { maxInteractions: 300, allowedRate: R, latencyMs: LATENCY_MS, concurrency: CONCURRENCY };
  const atLimit = await measureRateLimitedExport({ ...common, contacts: sizes.exportContacts, clientRate: R });
  const over = await measureRateLimitedExport({ ...common, contacts: sizes.overestimateContacts, clientRate: 2 * R });
  for (const run of [atLimit, over]) {
    if (run.lost + run.duplicated > 0) throw new Error(`export lost ${run.lost} and duplicated ${run.duplicated}`);
  }
  const share = (r: typeof atLimit) => r.throttled / r.requests;
  rows.push(
    {
      figure: '7 rate-limited export',
      measure: `${atLimit.contacts} contacts of 0–300, API allows ${R} req/s, +${LATENCY_MS} ms, --rate ${R}: achieved / allowed`,
      value: `${atLimit.achievedRate.toFixed(1)} req/s`,
      ratio: (atLimit.achievedRate / R).toFixed(3),
      target: '≥ 0.90',
      meets: atLimit.achievedRate / R >= 0.9,
    },
    {
      figure: '',
      measure: `429s / requests (${atLimit.requests} requests)`,
      value: String(atLimit.throttled),
      ratio: percent(share(atLimit)),
      target: '< 2 %',
      meets: share(atLimit) < 0.02,
    },
    {
      figure: '',
      measure: 'lost / duplicated, against the server’s data',
      value: `${atLimit.lost} / ${atLimit.duplicated}`,
      target: '0 / 0',
      meets: atLimit.lost === 0 && atLimit.duplicated === 0,
    },
    {
      figure: '',
      measure: `--rate ${2 * R} (twice the limit: AIMD finds it), ${over.contacts} contacts: achieved / allowed; 429s`,
      value: `${over.achievedRate.toFixed(1)} req/s; ${over.throttled} of ${over.requests}`,
      ratio: `${(over.achievedRate / R).toFixed(3)}; ${percent(share(over))}`,
      target: '≥ 0.90; < 2 %',
      meets: over.achievedRate / R >= 0.9 && share(over) < 0.02,
    },
  );

  const resume = await measureResume({
    trials: sizes.resumeTrials,
    contacts: sizes.resumeContacts,
    maxInteractions: 300,
    concurrency: RESUME_CONCURRENCY,
  });
  if (resume.lost + resume.duplicated > 0) {
    throw new Error(`resume lost ${resume.lost} and duplicated ${resume.duplicated}`);
  }
  const mean = resume.refetched.reduce((a, b) => a + b, 0) / Math.max(1, resume.refetched.length);
  rows.push(
    {
      figure: '8 resume after kill -9',
      measure: `${resume.trials} trials (${resume.killedMidRun} killed mid-run), ${resume.contacts} contacts, ${resume.pages} pages: lost / duplicated`,
      value: `${resume.lost} / ${resume.duplicated}`,
      target: '0 / 0',
      meets: resume.lost === 0 && resume.duplicated === 0,
    },
    {
      figure: '',
      measure: `pages read again per resume (concurrency ${RESUME_CONCURRENCY}): mean / max`,
      value: `${mean.toFixed(2)} / ${Math.max(...resume.refetched)}`,
      target: `≤ ${RESUME_CONCURRENCY} (in flight)`,
      meets: Math.max(...resume.refetched) <= RESUME_CONCURRENCY,
    },
  );
  return { rows, figures: { incremental, export: atLimit, overestimate: over, resume } };
}
