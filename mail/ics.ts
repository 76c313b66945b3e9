/**
 * An iCalendar file (RFC 5545) for one training session, attached to the mail that tells an
 * applicant they are accepted: their calendar then holds the days, hours and place. Written by
 * hand (one event, about sixty lines) rather than with a package: what matters is spelled out
 * here and checked by the tests with an independent parser — lines end with CRLF and are folded
 * at 75 octets (never inside a UTF-8 character), text values are escaped, UID and DTSTAMP present.
 *
 * Times are local to Europe/Paris (the university's time zone, with its VTIMEZONE, so calendars
 * abroad show them right); a session over several days is one event repeated daily (RRULE), each
 * day from `dayStartsAt` to `dayEndsAt`.
 */
export interface SessionEvent {
  /** Stable per request: a later file for the same request (a new date) updates the same event. */
  uid: string;
  /** Bumped when the event changes (a rescheduled session). */
  sequence?: number;
  /** When the file is made (DTSTAMP), epoch ms. */
  stampedAt: number;
  summary: string;
  /** YYYY-MM-DD, Paris time. */
  firstDay: string;
  lastDay: string;
  /** HH:MM, Paris time. */
  dayStartsAt: string;
  dayEndsAt: string;
  location: string;
  description: string;
  url?: string;
  /** PRODID's owner, e.g. the institution's name. */
  producer: string;
}

const CRLF = '\r\n';
const TZID = 'Europe/Paris';

/** TEXT values: backslash, semicolon, comma and line breaks are escaped (RFC 5545 §3.3.11). */
export function escapeText(value: string): string {
  return value
    .replace(/\\/g, '\\\\')
    .replace(/;/g, '\\;')
    .replace(/,/g, '\\,')
    .replace(/\r\n|\r|\n/g, '\\n');
}

/** Lines longer than 75 octets continue on the next line after CRLF + one space (§3.1), whole characters only. */
export function foldLine(line: string): string {
  const parts: string[] = [];
  let current = '';
  let octets = 0;
  for (const char of line) {
    const size = Buffer.byteLength(char, 'utf8');
    // The first line holds 75 octets; each continuation line 74 after its leading space.
    if (octets + size > (parts.length === 0 ? 75 : 74)) {
      parts.push(current);
      current = '';
      octets = 0;
    }
    current += char;
    octets += size;
  }
  parts.push(current);
  return parts.join(`${CRLF} `);
}

const utcStamp = (ms: number) =>
  new Date(ms)
    .toISOString()
    .replace(/[-:]/g, '')
    .replace(/\.\d{3}/, '');
const localDateTime = (day: string, time: string) => `${day.replace(/-/g, '')}T${time.replace(':', '')}00`;
const daysBetween = (first: string, last: string) =>
  Math.round((Date.parse(`${last}T00:00:00Z`) - Date.parse(`${first}T00:00:00Z`)) / 86_400_000) + 1;

/** Paris since 1996: summer time from the last Sunday of March to the last Sunday of October. */
const parisTimeZone = [
  'BEGIN:VTIMEZONE',
  `TZID:${TZID}`,
  'BEGIN:DAYLIGHT',
  'TZOFFSETFROM:+0100',
  'TZOFFSETTO:+0200',
  'TZNAME:CEST',
  'DTSTART:19700329T020000',
  'RRULE:FREQ=YEARLY;BYMONTH=3;BYDAY=-1SU',
  'END:DAYLIGHT',
  'BEGIN:STANDARD',
  'TZOFFSETFROM:+0200',
  'TZOFFSETTO:+0100',
  'TZNAME:CET',
  'DTSTART:19701025T030000',
  'RRULE:FREQ=YEARLY;BYMONTH=10;BYDAY=-1SU',
  'END:STANDARD',
  'END:VTIMEZONE',
];

export function sessionCalendar(event: SessionEvent): string {
  const days = daysBetween(event.firstDay, event.lastDay);
  const lines = [
    'BEGIN:VCALENDAR',
    'VERSION:2.0',
    `PRODID:-//${escapeText(event.producer)}//Plateforme d'approbation//FR`,
    'CALSCALE:GREGORIAN',
    'METHOD:PUBLISH',
    ...parisTimeZone,
    'BEGIN:VEVENT',
    `UID:${event.uid}`,
    `SEQUENCE:${event.sequence ?? 0}`,
    `DTSTAMP:${utcStamp(event.stampedAt)}`,
    `DTSTART;TZID=${TZID}:${localDateTime(event.firstDay, event.dayStartsAt)}`,
    `DTEND;TZID=${TZID}:${localDateTime(event.firstDay, event.dayEndsAt)}`,
    ...(days > 1 ? [`RRULE:FREQ=DAILY;COUNT=${days}`] : []),
    `SUMMARY:${escapeText(event.summary)}`,
    `LOCATION:${escapeText(event.location)}`,
    `DESCRIPTION:${escapeText(event.description)}`,
    ...(event.url ? [`URL:${event.url}`] : []),
    'STATUS:CONFIRMED',
    'TRANSP:OPAQUE',
    'END:VEVENT',
    'END:VCALENDAR',
  ];
  return lines.map(foldLine).join(CRLF) + CRLF;
}
