import { describe, expect, it } from 'vitest';
import { imageServices } from '../../lib/config.js';
import { classify, DirectoryRefusal, DirectoryUnavailable, refusalReasonOf } from '../../lib/ldap/errors.js';
import { activationCodeFor, linkTokenOf, parseLinkToken } from '../../lib/ldap/requestSecrets.js';
import { hashToken } from '../../lib/secrets.js';

describe('the directory’s answers', () => {
  it("when ppolicy's diagnostics arrive, then each maps to the reason shown in French", () => {
    expect(refusalReasonOf('Password is in history of old passwords')).toBe('inHistory');
    expect(refusalReasonOf('Password fails quality checking policy')).toBe('quality');
    expect(refusalReasonOf('Password is too short for policy')).toBe('tooShort');
    expect(refusalReasonOf('Password is too young to change')).toBe('tooYoung');
    expect(refusalReasonOf('something else')).toBe('refused');
  });

  it('when the service account cannot bind or the server is unreachable, then it is « unavailable », never a refusal', () => {
    expect(classify(Object.assign(new Error('x'), { code: 49 }), { onBadCredentials: 'unavailable' })).toBeInstanceOf(DirectoryUnavailable);
    expect(
      classify(Object.assign(new Error('connect ECONNREFUSED'), { code: 'ECONNREFUSED' }), { onBadCredentials: 'wrongCurrent' }),
    ).toBeInstanceOf(DirectoryUnavailable);
    const refusal = classify(Object.assign(new Error('x'), { code: 49 }), { onBadCredentials: 'wrongCurrent' });
    expect(refusal).toBeInstanceOf(DirectoryRefusal);
    expect((refusal as DirectoryRefusal).reason).toBe('wrongCurrent');
  });
});

describe('request secrets', () => {
  it('when a mailing is retried, then the same code and link are derived; a link carries its request and matches its stored hash only', () => {
    const secret = 's'.repeat(40);
    const id = '0b6f1f3e-9a55-4c2b-8d7e-2f1c3a4b5c6d';
    expect(activationCodeFor(secret, id)).toMatch(/^\d{8}$/);
    expect(activationCodeFor(secret, id)).toBe(activationCodeFor(secret, id));
    const parsed = parseLinkToken(linkTokenOf(secret, id))!;
    expect(parsed.requestId).toBe(id);
    expect(parsed.secretHash.equals(hashToken(linkTokenOf(secret, id).split('.')[1]!))).toBe(true);
    expect(parseLinkToken('not-a-token')).toBeUndefined();
  });
});

describe('IMAGE_RIGHTS_SERVICES', () => {
  it('when a service is malformed, reuses an id, or takes a built-in use as its id, then the configuration is refused', () => {
    const ok = { id: 'bibliotheque', label: 'BU', token: 't'.repeat(24) };
    expect(imageServices(JSON.stringify([ok]))).toEqual([ok]);
    expect(imageServices(JSON.stringify([ok, ok]))).toBeUndefined();
    expect(imageServices(JSON.stringify([{ ...ok, id: 'directory' }]))).toBeUndefined();
    expect(imageServices(JSON.stringify([{ ...ok, token: 'short' }]))).toBeUndefined();
    expect(imageServices('not json')).toBeUndefined();
  });
});
