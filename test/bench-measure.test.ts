import { describe, expect, it } from 'vitest';
import { interleave, median, rotation } from '../bench/measure.ts';

describe('bench/measure', () => {
  it.each([
    [[5], 5],
    [[3, 1, 2], 2],
    [[4, 1, 3, 2], 2.5],
    [[10, -1, 10, 7, 0], 7],
  ])('median(%j) = %d', (values, expected) => {
    expect(median(values)).toBe(expected);
  });

  it('median rejects an empty sample and does not reorder its input', () => {
    expect(() => median([])).toThrow(/no values/);
    const values = [3, 1, 2];
    median(values);
    expect(values).toEqual([3, 1, 2]);
  });

  it('rotation shifts the start each round and wraps', () => {
    expect(rotation(['a', 'b', 'c'], 0)).toEqual(['a', 'b', 'c']);
    expect(rotation(['a', 'b', 'c'], 1)).toEqual(['b', 'c', 'a']);
    expect(rotation(['a', 'b', 'c'], 5)).toEqual(['c', 'a', 'b']);
    expect(rotation([], 3)).toEqual([]);
  });

  it('interleave runs every variant once per round in rotated order', async () => {
    const order: string[] = [];
    const make = (name: string, value: number) => async () => {
      order.push(name);
      return value;
    };
    const samples = await interleave({ raw: make('raw', 1), sdk: make('sdk', 2), off: make('off', 3) }, 3);
    expect(order).toEqual(['raw', 'sdk', 'off', 'sdk', 'off', 'raw', 'off', 'raw', 'sdk']);
    expect(samples).toEqual({ raw: [1, 1, 1], sdk: [2, 2, 2], off: [3, 3, 3] });
  });
});
