// The typed surface of the rule catalogue: every rule has a source, and a source names the vendor, the
// SDK or both, never neither.
import { describe, expectTypeOf, it } from 'vitest';
import { type ContractRuleId, type ContractRuleSource, contractRules } from '../../src/contract/index.ts';

describe('contractRules', () => {
  it('holds every ContractRuleId, each with its summary and source', () => {
    expectTypeOf<keyof typeof contractRules>().toEqualTypeOf<ContractRuleId>();
    expectTypeOf(contractRules.offset.summary).toEqualTypeOf<string>();
    expectTypeOf(contractRules.offset.source).toEqualTypeOf<ContractRuleSource>();
  });

  it('a source names the vendor, the SDK or both, never neither', () => {
    expectTypeOf({ vendor: 'the route page' }).toExtend<ContractRuleSource>();
    expectTypeOf({ sdk: 'the walk' }).toExtend<ContractRuleSource>();
    expectTypeOf({ vendor: 'the route page', sdk: 'the walk' }).toExtend<ContractRuleSource>();
    expectTypeOf({}).not.toExtend<ContractRuleSource>();
  });
});
