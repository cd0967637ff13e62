// signals.ts, waits.ts and fan-out.ts: each helper forwards an abort with the caller's reason, and
// removes every listener it added once it is done (a long walk must leave a long-lived signal as it found it).
import { getEventListeners } from 'node:events';
import { describe, expect, it, vi } from 'vitest';
import { fanOut } from '../../src/http/fan-out.js';
import { abortRace, linkSignal } from '../../src/http/signals.js';
import { abortable, sleep } from '../../src/http/waits.js';

const listeners = (signal: AbortSignal) => getEventListeners(signal, 'abort').length;

describe('linkSignal', () => {
  it('aborts the controller with the signal’s reason, and unlinking removes its listener', () => {
    const caller = new AbortController();
    const child = new AbortController();
    const unlink = linkSignal(child, caller.signal);
    expect(listeners(caller.signal)).toBe(1);
    const reason = new Error('stop');
    caller.abort(reason);
    expect(child.signal.reason).toBe(reason);
    unlink();
    expect(listeners(caller.signal)).toBe(0);
  });

  it('an already aborted signal aborts at once and adds nothing; no signal is a no-op', () => {
    const caller = new AbortController();
    caller.abort('early');
    const child = new AbortController();
    linkSignal(child, caller.signal)();
    expect(child.signal.reason).toBe('early');
    expect(listeners(caller.signal)).toBe(0);
    const untouched = new AbortController();
    linkSignal(untouched, undefined)();
    expect(untouched.signal.aborted).toBe(false);
  });

  it('a thousand link/unlink cycles leave no listener behind', () => {
    const caller = new AbortController();
    for (let i = 0; i < 1_000; i++) linkSignal(new AbortController(), caller.signal)();
    expect(listeners(caller.signal)).toBe(0);
  });
});

describe('abortable', () => {
  it('settles like the promise, then removes its listener', async () => {
    const caller = new AbortController();
    await expect(abortable(Promise.resolve(7), caller.signal)).resolves.toBe(7);
    await expect(abortable(Promise.reject(new Error('no')), caller.signal)).rejects.toThrow('no');
    expect(listeners(caller.signal)).toBe(0);
  });

  it('rejects with the reason as soon as the signal aborts, even if the promise never settles', async () => {
    const caller = new AbortController();
    const pending = abortable(new Promise(() => {}), caller.signal);
    caller.abort(new Error('gone'));
    await expect(pending).rejects.toThrow('gone');
  });

  it('an aborted signal rejects at once with its reason', async () => {
    await expect(abortable(Promise.resolve(1), AbortSignal.abort('why'))).rejects.toBe('why');
  });
});

describe('sleep', () => {
  it('waits, and clears its timer when aborted', async () => {
    vi.useFakeTimers();
    try {
      const caller = new AbortController();
      const done = vi.fn();
      const waiting = sleep(1_000, caller.signal).then(done);
      await vi.advanceTimersByTimeAsync(999);
      expect(done).not.toHaveBeenCalled();
      await vi.advanceTimersByTimeAsync(1);
      await waiting;
      expect(done).toHaveBeenCalledOnce();
      const aborted = sleep(1_000, caller.signal);
      caller.abort(new Error('cancelled'));
      await expect(aborted).rejects.toThrow('cancelled');
      expect(vi.getTimerCount()).toBe(0);
      expect(listeners(caller.signal)).toBe(0);
    } finally {
      vi.useRealTimers();
    }
  });
});

describe('abortRace', () => {
  it('races a promise against abort(), and aborts its signal with the same reason', async () => {
    const race = abortRace();
    await expect(race.race(Promise.resolve('first'))).resolves.toBe('first');
    const never = race.race(new Promise(() => {}));
    const reason = new Error('timeout');
    race.abort(reason);
    await expect(never).rejects.toBe(reason);
    expect(race.signal.reason).toBe(reason);
  });

  it('an abort after the race settled is harmless (no unhandled rejection)', async () => {
    const race = abortRace();
    await race.race(Promise.resolve(1));
    race.abort(new Error('late'));
    expect(race.signal.aborted).toBe(true);
  });
});

describe('fanOut', () => {
  it('one listener on the parent however many branches are out; an abort reaches the live ones with its reason', () => {
    const parent = new AbortController();
    const fan = fanOut(parent.signal);
    const branches = Array.from({ length: 50 }, () => fan.branch());
    expect(listeners(parent.signal)).toBe(1);
    branches[0]!.release();
    const reason = new Error('stop');
    parent.abort(reason);
    expect(branches[0]!.signal.aborted).toBe(false); // released: its work was done
    expect(branches.slice(1).every((b) => b.signal.reason === reason)).toBe(true);
    expect(listeners(parent.signal)).toBe(0);
  });

  it('a branch taken after the abort is born aborted', () => {
    const parent = new AbortController();
    const fan = fanOut(parent.signal);
    parent.abort(new Error('gone'));
    const late = fan.branch();
    expect(late.signal.aborted).toBe(true);
    expect((late.signal.reason as Error).message).toBe('gone');
  });
});
