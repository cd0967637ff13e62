// The public TypeScript API, guarded: API Extractor reads the declarations the build wrote to dist/ for
// each entry point of package.json (`.`, `./testing`, `./contract`) and compares what they export with
// the report committed in api/. Any difference fails this check, so an API change (a renamed method, a
// removed option, a narrowed type) is always a reviewed diff of api/*.api.md, never a surprise to users.
// `--update` writes the reports instead (then review the diff, and add a changeset: see CHANGELOG.md).
// Usage: tsx scripts/check-api.ts [--update] [--built]   (--built: dist/ is fresh, skip the build)
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import {
  CompilerState,
  Extractor,
  ExtractorConfig,
  ExtractorLogLevel,
  type ExtractorMessage,
  type IConfigFile,
} from '@microsoft/api-extractor';
import { root } from './lib/tools.ts';

const { values } = parseArgs({ options: { update: { type: 'boolean' }, built: { type: 'boolean' } } });
const update = values.update === true;

/** Each entry point of package.json's `exports` that carries types, and the name of its report. */
const exportsMap = (
  JSON.parse(readFileSync(path.join(root, 'package.json'), 'utf8')) as {
    exports: Record<string, string | { types?: string }>;
  }
).exports;
const API_ENTRY_POINTS = Object.entries(exportsMap).flatMap(([entry, target]) =>
  typeof target === 'object' && target.types
    ? [
        {
          entry,
          declarations: target.types,
          report: `cxengage-interactions${entry === '.' ? '' : `-${entry.slice(2).replaceAll('/', '-')}`}.api.md`,
        },
      ]
    : [],
);

if (!values.built) {
  execFileSync(process.execPath, [path.join(root, 'node_modules/tsx/dist/cli.mjs'), 'scripts/build.ts'], {
    cwd: root,
    stdio: ['ignore', 'ignore', 'inherit'],
  });
}

const temp = mkdtempSync(path.join(tmpdir(), 'cxi-api-'));
const changed: string[] = [];
let failed = false;
/** One compiler program for all three entry points (each of its own cost about 5 s). */
let compilerState: CompilerState | undefined;
try {
  for (const { entry, declarations, report } of API_ENTRY_POINTS) {
    const configObject: IConfigFile = {
      projectFolder: root,
      mainEntryPointFilePath: path.join(root, declarations),
      compiler: {
        // The declarations as the package ships them: what a user's compiler reads.
        overrideTsconfig: {
          compilerOptions: {
            target: 'ES2022',
            module: 'NodeNext',
            moduleResolution: 'NodeNext',
            lib: ['ES2023', 'DOM', 'DOM.Iterable'],
            types: ['node'],
            strict: true,
          },
          files: [path.join(root, declarations)],
        },
      },
      apiReport: {
        enabled: true,
        reportFileName: report,
        reportFolder: path.join(root, 'api'),
        reportTempFolder: temp,
        includeForgottenExports: false,
      },
      docModel: { enabled: false },
      dtsRollup: { enabled: false },
      tsdocMetadata: { enabled: false },
      messages: {
        // Everything API Extractor notices about the surface goes into the report (so it is reviewed with
        // it) rather than failing the check by itself; only a changed report fails it.
        extractorMessageReporting: {
          default: { logLevel: ExtractorLogLevel.None, addToApiReportFile: true },
          'ae-missing-release-tag': { logLevel: ExtractorLogLevel.None, addToApiReportFile: false },
          // Said with a file and line of dist/, which any edit moves: the report marks "(undocumented)" itself.
          'ae-undocumented': { logLevel: ExtractorLogLevel.None, addToApiReportFile: false },
        },
        compilerMessageReporting: { default: { logLevel: ExtractorLogLevel.Error } },
        tsdocMessageReporting: { default: { logLevel: ExtractorLogLevel.None } },
      },
    };
    const config = ExtractorConfig.prepare({
      configObject,
      configObjectFullPath: undefined,
      packageJsonFullPath: path.join(root, 'package.json'),
    });
    compilerState ??= CompilerState.create(config, {
      additionalEntryPoints: API_ENTRY_POINTS.map(({ declarations: d }) => path.join(root, d)),
    });
    const result = Extractor.invoke(config, { localBuild: update, compilerState, messageCallback: quiet });
    if (result.apiReportChanged) changed.push(`${entry} (api/${report})`);
    if (!result.succeeded) failed = true;
  }
} finally {
  rmSync(temp, { recursive: true, force: true });
}

if (update) {
  console.log(changed.length ? `check:api: rewrote ${changed.join(', ')}` : 'check:api: every report was up to date');
} else if (failed || changed.length > 0) {
  console.error(`check:api: the public API differs from the committed report: ${changed.join(', ') || 'see above'}`);
  console.error('If the change is meant: `npm run api:update`, review the diff of api/, and add a changeset.');
  process.exit(1);
} else {
  console.log(`check:api: ok (${API_ENTRY_POINTS.length} entry points match api/)`);
}

/** API Extractor's own banner and "you have changed the API" advice: this script says it once, above. */
function quiet(message: ExtractorMessage): void {
  if (message.category === 'console' && message.logLevel !== ExtractorLogLevel.Error) message.handled = true;
  // A dependency's own declarations are its business, as under a user's skipLibCheck: msw 2's do not
  // compile against TypeScript 5.9's DOM lib. Ours (dist/) are still compiled and checked.
  if (message.category === 'Compiler' && message.sourceFilePath?.includes(`${path.sep}node_modules${path.sep}`)) {
    message.logLevel = ExtractorLogLevel.None;
    message.handled = true;
  }
}
