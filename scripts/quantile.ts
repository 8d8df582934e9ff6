// The one definition of a percentile the benchmark scripts print (bench, benchWorkspace, editProbe,
// serverProbe), so that a probe's "p95" is the bench's: the nearest rank, the smallest sample with
// at least a fraction q of the samples at or below it (the 57th of 60 for q = 0.95).

/** The nearest-rank q-quantile of the samples (0 < q <= 1). */
export function quantile(samples: readonly number[], q: number): number {
  const sorted = [...samples].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(q * sorted.length) - 1))];
}
