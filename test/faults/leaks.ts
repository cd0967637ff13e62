// Leak checks for the fault suite: timers and sockets still alive after a scenario has ended and
// its server is closed, and promise rejections nobody handled.

/** Resource kinds that outlive a request only when something leaked. */
const watched = new Set(['Timeout', 'TCPSocketWrap', 'TCPServerWrap', 'TLSWrap']);

export type ResourceCounts = Record<string, number>;

export function resourceCounts(): ResourceCounts {
  const counts: ResourceCounts = {};
  for (const kind of process.getActiveResourcesInfo()) if (watched.has(kind)) counts[kind] = (counts[kind] ?? 0) + 1;
  return counts;
}

function growth(before: ResourceCounts, after: ResourceCounts): string[] {
  return Object.entries(after)
    .filter(([kind, n]) => n > (before[kind] ?? 0))
    .map(([kind, n]) => `${kind}: ${before[kind] ?? 0} → ${n}`);
}

/**
 * Lets closing sockets finish (polling the event loop, not sleeping) and returns what is still
 * alive beyond `before`; empty means no leak. Gives up after `patienceMs`.
 */
export async function leaksSince(before: ResourceCounts, patienceMs = 2_000): Promise<string[]> {
  const giveUpAt = Date.now() + patienceMs;
  for (;;) {
    await new Promise<void>((resolve) => setImmediate(resolve));
    const leaked = growth(before, resourceCounts());
    if (leaked.length === 0 || Date.now() > giveUpAt) return leaked;
  }
}

/** Collects unhandled rejections while installed. */
export function collectUnhandledRejections(): { reasons: unknown[]; uninstall: () => void } {
  const reasons: unknown[] = [];
  const onRejection = (reason: unknown) => reasons.push(reason);
  process.on('unhandledRejection', onRejection);
  return { reasons, uninstall: () => process.off('unhandledRejection', onRejection) };
}
