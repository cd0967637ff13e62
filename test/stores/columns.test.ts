// The typed columns: named after the keys they come from, typed from the spec's own types (generated/),
// covering every documented history field that has one JSON type; and each value fitted to its column
// (NULL where it does not fit, the record's JSON keeping it exactly).
import { describe, expect, it } from 'vitest';
import { fields } from '../../generated/fields.js';
import { documentedFields } from '../../src/common/interaction-fields.js';
import { type ColumnKind, sourceValue, typedColumns, typedValue } from '../../src/stores/columns.js';

const byName = new Map(typedColumns.map((column) => [column.name, column]));

describe('the typed columns', () => {
  it('are named after their keys in snake_case, interaction_id and tenant_id the key', () => {
    expect(typedColumns.map((c) => c.name)).toEqual(
      typedColumns.map((c) => c.field.replace(/[A-Z]/g, (ch) => `_${ch.toLowerCase()}`)),
    );
    expect(typedColumns.filter((c) => c.key).map((c) => c.name)).toEqual(['tenant_id', 'interaction_id']);
    expect(new Set(typedColumns.map((c) => c.name)).size).toBe(typedColumns.length);
  });

  it('take their types from the spec: a date-time a timestamp, a number real, an integer integer', () => {
    const kinds = Object.fromEntries(typedColumns.map((c) => [c.name, c.kind]));
    expect(kinds).toMatchObject({
      start_timestamp: 'timestamp',
      end_timestamp: 'timestamp',
      csat: 'real',
      note: 'integer',
      interaction_time: 'real',
      channel_type: 'text',
      contact_id: 'text',
    });
    for (const column of typedColumns) {
      if (column.history && !column.history.startsWith('path:')) {
        const fact: { types: readonly string[]; format?: string } =
          fields.Interaction[column.history as keyof typeof fields.Interaction];
        const expected: ColumnKind = fact.types.includes('number')
          ? 'real'
          : fact.types.includes('integer')
            ? 'integer'
            : fact.format === 'date-time'
              ? 'timestamp'
              : 'text';
        expect(column.kind, column.name).toBe(expected);
      }
    }
  });

  it('give every documented history field of one JSON type a column (the untyped ones live in the JSON)', () => {
    const typed = Object.keys(documentedFields).filter(
      (key) =>
        fields.Interaction[key as keyof typeof fields.Interaction].types.filter((t) => t !== 'null').length === 1,
    );
    expect(typed.length).toBeGreaterThanOrEqual(16);
    expect(typedColumns.map((c) => c.history).filter(Boolean)).toEqual(expect.arrayContaining(typed));
    expect(typed).not.toContain('recording');
  });

  it("read a history row's values from the item and the path, a record's from its keys and details", () => {
    const path = { tenantId: 't', contactId: 'c' };
    const item = { interactionId: 'i', channelType: 'voice', directionType: 'inbound', csat: 4 };
    const record = {
      interactionId: 'i',
      customerSatisfactionScore: 9,
      flowName: 'Basic Flow',
      details: { channelType: 'sms', direction: 'outbound', contactId: 'c2' },
    };
    const value = (name: string, source: 'history' | 'list', from: Record<string, unknown>) =>
      sourceValue(byName.get(name)!, source, from, path);
    expect(
      ['channel_type', 'direction_type', 'csat', 'contact_id', 'flow_name'].map((n) => value(n, 'history', item)),
    ).toEqual(['voice', 'inbound', 4, 'c', undefined]);
    expect(
      ['channel_type', 'direction_type', 'csat', 'contact_id', 'flow_name'].map((n) => value(n, 'list', record)),
    ).toEqual(['sms', 'outbound', 9, 'c2', 'Basic Flow']);
    expect(value('channel_type', 'list', { interactionId: 'i', details: null })).toBeUndefined();
  });

  it.each<[ColumnKind, unknown, unknown]>([
    ['timestamp', '2017-12-07T19:20:33.394Z', '2017-12-07T19:20:33.394Z'],
    ['timestamp', '2017-12-07T20:20:33+01:00', '2017-12-07T19:20:33.000Z'],
    ['timestamp', '0000-01-01T00:00:00Z', null],
    ['timestamp', 'yesterday', null],
    ['timestamp', 1512674433394, null],
    ['real', 4.5, 4.5],
    ['real', 12345678901234567890n, 12345678901234567000],
    ['real', 'high', null],
    ['integer', 1, 1],
    ['integer', 1.5, null],
    ['integer', 2n ** 62n, 2n ** 62n],
    ['integer', 2n ** 64n, null],
    ['text', 'voice', 'voice'],
    ['text', 7, null],
    ['boolean', false, false],
    ['boolean', 0, null],
  ])('fits a %s column: %s → %s', (kind, value, expected) => {
    expect(typedValue(kind, value)).toEqual(expected);
  });
});
