// The one JSON reader and writer: a depth bound applied right after parsing, integers beyond 2^53 − 1
// kept exactly (as bigint) and written back with their digits, everything else as JSON.parse and
// JSON.stringify have it.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { MAX_JSON_DEPTH, parseJson, stringifyJson } from '../../src/common/exact-json.ts';

const nested = (depth: number, open = '[', close = ']') => open.repeat(depth) + close.repeat(depth);

describe('parseJson', () => {
  it('reads JSON as JSON.parse does, when it holds nothing unusual', () => {
    const text = '{"a":[1,2.5,-3e2,"x\\"y"],"b":null,"c":true,"__proto__":{"x":1}}';
    expect(parseJson(text)).toEqual({ ok: true, value: JSON.parse(text) });
    expect(parseJson('{"a":')).toEqual({ ok: false, problem: 'syntax' });
    expect(parseJson('')).toEqual({ ok: false, problem: 'syntax' });
  });

  it(`refuses nesting deeper than ${MAX_JSON_DEPTH} levels, anywhere: arrays, objects, a value deep inside`, () => {
    expect(parseJson(nested(MAX_JSON_DEPTH))).toMatchObject({ ok: true });
    expect(parseJson(nested(MAX_JSON_DEPTH + 1))).toEqual({ ok: false, problem: 'depth' });
    expect(parseJson(nested(100_000))).toEqual({ ok: false, problem: 'depth' });
    const objects = `${'{"a":'.repeat(100_000)}1${'}'.repeat(100_000)}`;
    expect(parseJson(objects)).toEqual({ ok: false, problem: 'depth' });
    const page = `{"total":1,"results":[{"interactionId":"x","recording":${nested(100_000)}}]}`;
    expect(parseJson(page)).toEqual({ ok: false, problem: 'depth' });
  });

  it('keeps integers beyond 2^53 − 1 exactly, as bigint; safe ones, fractions and digits in strings as they were', () => {
    const parsed = parseJson(
      '{"big":12345678901234567890,"neg":-99999999999999999999,"edge":9007199254740992,"safe":9007199254740991,' +
        '"text":"12345678901234567890","key12345678901234567890":1.5,"float":123456789012345678.5,"exp":1e300,' +
        '"list":[18446744073709551615,"\\"],[12345678901234567890",{"a":9007199254740993}]}',
    );
    expect(parsed).toEqual({
      ok: true,
      value: {
        big: 12345678901234567890n,
        neg: -99999999999999999999n,
        edge: 9007199254740992n,
        safe: 9007199254740991,
        text: '12345678901234567890',
        key12345678901234567890: 1.5,
        float: Number('123456789012345678.5'), // a fraction: a double, as JSON.parse reads it
        exp: 1e300,
        list: [18446744073709551615n, '"],[12345678901234567890', { a: 9007199254740993n }],
      },
    });
    expect(parseJson('12345678901234567890')).toEqual({ ok: true, value: 12345678901234567890n });
  });

  it('a string that looks like a marker of the exact reading stays a string', () => {
    const value = parseJson('{"s":"\\u0000abc:123","n":12345678901234567890}');
    expect(value).toEqual({ ok: true, value: { s: '\u0000abc:123', n: 12345678901234567890n } });
  });

  it('as a property: any JSON text of integers, floats and strings reads back to what it says, digits exact', () => {
    const leaf = fc.oneof(
      fc.bigInt({ min: -(2n ** 80n), max: 2n ** 80n }),
      fc.double({ noNaN: true, noDefaultInfinity: true }),
      fc.string(),
      fc.boolean(),
      fc.constant(null),
    );
    const tree = fc.letrec((tie) => ({
      node: fc.oneof({ depthSize: 'small' }, leaf, fc.array(tie('node')), fc.dictionary(fc.string(), tie('node'))),
    })).node;
    fc.assert(
      fc.property(tree, (value) => {
        const text = stringifyJson(value);
        const back = parseJson(text);
        expect(back.ok).toBe(true);
        expect(stringifyJson((back as { value: unknown }).value)).toBe(text);
      }),
      { numRuns: 300, seed: 19 },
    );
  });
});

describe('stringifyJson', () => {
  it('writes a bigint as its digits and everything else as JSON.stringify does', () => {
    expect(stringifyJson({ a: 12345678901234567890n, b: [-1n, 2], c: 'x$1"', d: 1.5 })).toBe(
      '{"a":12345678901234567890,"b":[-1,2],"c":"x$1\\"","d":1.5}',
    );
    expect(stringifyJson({ a: 1n }, 2)).toBe('{\n  "a": 1\n}');
    expect(stringifyJson({ a: [1, 'two'] })).toBe(JSON.stringify({ a: [1, 'two'] }));
  });

  it(`throws JsonDepthError for data nested deeper than ${MAX_JSON_DEPTH} (never a RangeError)`, () => {
    let deep: unknown = null;
    for (let i = 0; i < 100_000; i++) deep = [deep];
    expect(() => stringifyJson(deep)).toThrow(/nested more than 64 levels deep/);
  });
});
