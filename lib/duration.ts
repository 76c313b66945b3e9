/**
 * ISO 8601 durations (P5D, PT1H30M, PT2S, P1W) to milliseconds. Deadlines, reminder and
 * escalation plans are data in this notation, so tests pass seconds and production passes days.
 * Months and years are refused: their length is ambiguous for a timer.
 */
const ISO_DURATION = /^P(?:(\d+(?:\.\d+)?)W)?(?:(\d+(?:\.\d+)?)D)?(?:T(?:(\d+(?:\.\d+)?)H)?(?:(\d+(?:\.\d+)?)M)?(?:(\d+(?:\.\d+)?)S)?)?$/;

const UNIT_MS = [7 * 86_400_000, 86_400_000, 3_600_000, 60_000, 1000] as const;

export function parseDuration(text: string): number | undefined {
  const match = ISO_DURATION.exec(text.trim().toUpperCase());
  if (!match || text.trim().toUpperCase() === 'P' || text.trim().toUpperCase().endsWith('T')) return undefined;
  let total = 0;
  let any = false;
  UNIT_MS.forEach((unit, index) => {
    const part = match[index + 1];
    if (part !== undefined) {
      any = true;
      total += Number(part) * unit;
    }
  });
  return any ? Math.round(total) : undefined;
}
