/**
 * LDAP GeneralizedTime (RFC 4517 3.3.13), as AD writes it in the rootDSE's `currentTime` and in
 * whenChanged: `YYYYMMDDHHMMSS[.fraction](Z|±HHMM)`, e.g. `20261204171413.0Z`. Minutes and seconds
 * are required here (AD always sends them); anything else reads as null.
 */
const PATTERN = /^(\d{4})(\d{2})(\d{2})(\d{2})(\d{2})(\d{2})(?:[.,](\d{1,9}))?(Z|[+-]\d{4})$/;

/** Epoch milliseconds, or null when `value` is not a GeneralizedTime this parser accepts. */
export function parseGeneralizedTime(value: string): number | null {
  const m = PATTERN.exec(value.trim());
  if (!m) return null;
  const [, y, mo, d, h, mi, s, fraction, zone] = m;
  const [year, month, day, hour, minute, second] = [y, mo, d, h, mi, s].map(Number) as [
    number, number, number, number, number, number,
  ];
  if (month < 1 || month > 12 || day < 1 || day > 31 || hour > 23 || minute > 59 || second > 60) return null;
  const ms = fraction === undefined ? 0 : Math.round(Number(`0.${fraction}`) * 1000);
  let utc = Date.UTC(year, month - 1, day, hour, minute, Math.min(second, 59), ms);
  if (new Date(utc).getUTCDate() !== day) return null; // 31 February and the like
  if (zone !== undefined && zone !== 'Z') {
    const sign = zone.startsWith('-') ? -1 : 1;
    const offsetMinutes = Number(zone.slice(1, 3)) * 60 + Number(zone.slice(3, 5));
    if (Number(zone.slice(3, 5)) > 59) return null;
    utc -= sign * offsetMinutes * 60_000;
  }
  return utc;
}
