/**
 * What the modules a client loads on demand (the retry policy, error bodies, the redactor, the token
 * exchange, response validation, the walk) take from the modules it loads up front, re-exported from this
 * one place. A bundler that splits code puts each module in a chunk per set of entries that reach it:
 * were the on-demand modules to import these each from its own file, every combination would be a chunk
 * of its own, each downloaded up front (four of them, about 0.5 kB gzipped more than one). Through here,
 * they all share one set, so the code loaded up front is the app's chunk and one shared chunk.
 * `test/bundle.test.ts` holds the on-demand modules to it.
 */
export { pkg } from '../../generated/package.js';
export { isSendableToken, REDACTED, secretForms, utf8Base64 } from '../auth/secrets.js';
export { normalId } from '../common/ids.js';
export { MAX_JSON_DEPTH } from '../common/json-depth.js';
export { CxEngageError, TimeoutError } from '../errors.js';
export { abortedError, linkSignal } from './signals.js';
