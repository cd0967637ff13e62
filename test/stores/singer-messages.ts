// The Singer message types as JSON Schema, written from the Singer specification (version 0.3.0,
// https://hub.meltano.com/singer/spec; singer-io/getting-started, docs/SPEC.md): one JSON object a line,
// each with a `type`; these three have a meaning:
// - RECORD: `record` (required, "a JSON map containing a streamed data point"), `stream` (required,
//   "the string name of the stream"), `time_extracted` (optional, an RFC 3339 date-time);
// - SCHEMA: `schema` (required, a JSON Schema describing the records of the stream), `stream`
//   (required), `key_properties` (required, a list of strings, each "a top-level property defined in the
//   schema"; it may be empty), `bookmark_properties` (optional, a list of strings, likewise);
// - STATE: `value` (required, "the JSON formatted state value").
// What the spec states across messages (a key property is one of the schema's properties) is checked
// by the test, not by this schema.
export const singerMessageSchema = {
  $schema: 'https://json-schema.org/draft/2020-12/schema',
  oneOf: [
    {
      type: 'object',
      required: ['type', 'stream', 'record'],
      properties: {
        type: { const: 'RECORD' },
        stream: { type: 'string' },
        record: { type: 'object' },
        time_extracted: { type: 'string', format: 'date-time' },
        version: { type: 'integer' },
      },
    },
    {
      type: 'object',
      required: ['type', 'stream', 'schema', 'key_properties'],
      properties: {
        type: { const: 'SCHEMA' },
        stream: { type: 'string' },
        schema: { type: 'object' },
        key_properties: { type: 'array', items: { type: 'string' } },
        bookmark_properties: { type: 'array', items: { type: 'string' } },
      },
    },
    {
      type: 'object',
      required: ['type', 'value'],
      properties: { type: { const: 'STATE' }, value: true },
    },
  ],
} as const;
