/** True for an ISO date that exists on the calendar (2025-02-30 does not). */
export function isRealDate(iso: string): boolean {
  const t = Date.parse(`${iso}T00:00:00Z`);
  return !Number.isNaN(t) && new Date(t).toISOString().startsWith(iso);
}
