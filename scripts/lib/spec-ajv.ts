// One way to validate against the bundled spec with ajv (JSON Schema 2020-12 + formats), shared by
// the generator, the spec tests and the contract suite.
import { Ajv2020, type Options } from 'ajv/dist/2020.js';
import addFormats from 'ajv-formats';

/**
 * An Ajv2020 instance with formats (`fast`: shape-only regexes, e.g. no days-in-month check). ajv and ajv-formats are CommonJS; under NodeNext their default
 * export is reached through `.default`, which also exists at runtime.
 */
export function createAjv(options: Options = {}, formats: 'full' | 'fast' = 'full'): Ajv2020 {
  const ajv = new Ajv2020(options);
  addFormats.default(ajv, { mode: formats });
  // ajv-formats also accepts a `urn:uuid:` prefix, which the API does not: its ids are bare.
  ajv.addFormat('uuid', uuidPattern);
  return ajv;
}

/** A bare RFC 4122 uuid (8-4-4-4-12 hex digits), as every CxEngage id is. */
export const uuidPattern = /^[0-9a-f]{8}-(?:[0-9a-f]{4}-){3}[0-9a-f]{12}$/i;
