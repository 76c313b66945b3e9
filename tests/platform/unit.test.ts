import { describe, expect, it } from 'vitest';
import { passwordField as passwordRule } from '../../api/schemas.js';
import { parseConfig } from '../../lib/config.js';
import { csrfTokenFor, isSameOrigin, isValidCsrf } from '../../lib/csrf.js';
import { parseDuration } from '../../lib/duration.js';

describe('ISO 8601 durations', () => {
  it.each([
    ['P5D', 5 * 86_400_000],
    ['PT1H30M', 5_400_000],
    ['PT2S', 2000],
    ['P1W', 7 * 86_400_000],
    ['PT0.5S', 500],
  ])('parses %s', (text, ms) => expect(parseDuration(text)).toBe(ms));
  it.each(['', 'P', 'PT', '5D', 'P1M', 'P1Y', 'soon'])('refuses %j', (text) => expect(parseDuration(text)).toBeUndefined());
});

describe('configuration', () => {
  const valid = {
    PUBLIC_BASE_URL: 'https://candidatures.example.org/',
    DATABASE_URL: 'postgres://u:p@h/db',
    SMTP_URL: 'smtp://mail:25',
    APP_SECRET: 'x'.repeat(32),
    PAYLOAD_KEYS: `k1:${Buffer.alloc(32, 7).toString('base64')}`,
  };
  it('when every required variable is set, then defaults fill the rest', () => {
    const config = parseConfig(valid);
    expect(config.http.publicBaseUrl).toBe('https://candidatures.example.org');
    expect(config.lifetimes.accountValidationMs).toBe(5 * 86_400_000);
    expect(config.temporal.tls.enabled).toBe(false);
  });
  it('when variables are missing or bad, then the message names each of them', () => {
    expect(() => parseConfig({ ...valid, DATABASE_URL: undefined, ACCOUNT_VALIDATION_WINDOW: '5 days' })).toThrow(
      /DATABASE_URL: missing[\s\S]*ACCOUNT_VALIDATION_WINDOW: expected an ISO 8601 duration/,
    );
  });
  it('when an API key is given, then TLS is on (Temporal Cloud)', () => {
    expect(parseConfig({ ...valid, TEMPORAL_API_KEY: 'key' }).temporal.tls.enabled).toBe(true);
  });
});

describe('password rule (ASVS 5.0 §6.2: no composition rule, 12 characters, not guessable)', () => {
  it.each(['Candidat-Volcan-2026', 'cheval agrafe batterie correcte', 'toutenminusculesmaislongue'])('accepts %s', (p) =>
    expect(passwordRule.safeParse(p).success).toBe(true),
  );
  it.each(['Court1!', 'Motdepasse-2026', 'Azerty123456!', 'abcdefghij12', 'ABCDEFGHIJKL'])('refuses %s', (p) =>
    expect(passwordRule.safeParse(p).success).toBe(false),
  );
});

describe('CSRF and origin', () => {
  it('accepts only the token derived from the link, and our own origin', () => {
    const token = csrfTokenFor('secret', 'link-token');
    expect(isValidCsrf('secret', 'link-token', token)).toBe(true);
    expect(isValidCsrf('secret', 'other-link', token)).toBe(false);
    expect(isValidCsrf('secret', 'link-token', undefined)).toBe(false);
    expect(isSameOrigin('https://a.example/x', 'https://a.example')).toBe(true);
    expect(isSameOrigin('https://a.example', 'https://evil.example')).toBe(false);
  });
});
