/**
 * The SDK's logger as every module sees it: the caller's (or the console) behind redaction, holding only
 * the levels `logLevel` lets through, so a module asks `logger.debug?.(…)` and a level that is off costs
 * one property read. `warn` is always there (a no-op below its level), as callers have always called it.
 * The level comes from the option, else from `CXENGAGE_LOG` where the platform has an environment
 * (Node.js; in a browser `process` is absent and the variable is not looked for), else the default: `warn`
 * for the console, `debug` for a logger of your own (it filters for itself, as it did before levels).
 * A pino logger is called object first, as pino expects; every other logger message first.
 */
import type { Redaction } from '../auth/redaction.js';
import { checked, oneOf } from '../validation/params.js';
import type { Logger, LogLevel } from './types.js';

/** The levels, least to most detailed. */
const LEVELS: readonly LogLevel[] = ['off', 'error', 'warn', 'info', 'debug'];
/** The environment variable that sets the level when the option does not. */
export const LOG_ENV = 'CXENGAGE_LOG';

/** Checks a `logLevel` option (or the variable, `name` `CXENGAGE_LOG`); undefined means not set. */
export const checkLogLevel = (value: unknown, name = 'logLevel'): LogLevel | undefined =>
  checked(name, value as LogLevel | undefined, oneOf(LEVELS));

/** `CXENGAGE_LOG` (any case, spaces trimmed), or undefined where it is unset, empty, or there is no `process`. */
export function envLogLevel(
  env = (globalThis as { process?: { env?: Record<string, string | undefined> } }).process?.env,
) {
  const raw = env?.[LOG_ENV]?.trim().toLowerCase();
  return raw ? checkLogLevel(raw, LOG_ENV) : undefined;
}

/**
 * The logger the SDK writes to: `sink` (default: the console) at `level` (default: see the module comment),
 * every message and `meta` redacted. Each line goes through the redactor's promise (`auth/redaction.ts`),
 * so lines come through in order once it has loaded; if it cannot be loaded, a line is replaced by a notice
 * that it was withheld, never shown as it is.
 */
export function leveledLogger(sink: Logger | undefined, level: LogLevel | undefined, redaction: Redaction): Logger {
  const target: Logger = sink ?? console;
  const rank = LEVELS.indexOf(level ?? envLogLevel() ?? (sink ? 'debug' : 'warn'));
  // Pino's logger (and its children) carries its level table as `levels.values`; pino takes `(meta, msg)`.
  const objectFirst = typeof (target as { levels?: { values?: unknown } }).levels?.values === 'object';
  const logger: Logger = { warn: () => {} };
  LEVELS.forEach((name, i) => {
    const method = target[name as keyof Logger] as ((...args: unknown[]) => void) | undefined;
    if (i === 0 || i > rank || typeof method !== 'function') return;
    logger[name as keyof Logger] = (msg, meta) =>
      void redaction
        .redactor()
        .then(
          (redact) =>
            method.apply(
              target,
              !objectFirst
                ? [redact(msg), redact(meta)]
                : meta === undefined
                  ? [redact(msg)]
                  : [redact(meta), redact(msg)],
            ),
          () => target.warn('cxengage: a log line was withheld: the redaction code could not be loaded'),
        )
        .catch(() => {}); // a logger that throws is not reported
  });
  return logger;
}
