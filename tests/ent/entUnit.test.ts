import { describe, expect, it } from 'vitest';
import { parseServiceResponse } from '../../api/ent/provider/cas.js';
import { identityFrom } from '../../api/ent/provider/profile.js';
import { parseXml } from '../../api/ent/provider/xml.js';
import { parseConfig } from '../../lib/config.js';

const baseEnv = {
  PUBLIC_BASE_URL: 'http://127.0.0.1:3000',
  DATABASE_URL: 'postgres://u:p@127.0.0.1/db',
  SMTP_URL: 'smtp://127.0.0.1:25',
  APP_SECRET: 'x'.repeat(32),
  PAYLOAD_KEYS: `k1:${Buffer.alloc(32, 7).toString('base64')}`,
};
const config = parseConfig(baseEnv);

describe('ENT attribute mapping and CAS responses (pure logic)', () => {
  it('when a CAS success carries multi-valued attributes and entities, then they are read as lists', () => {
    const result = parseServiceResponse(`<?xml version="1.0"?>
<cas:serviceResponse xmlns:cas="http://www.yale.edu/tp/cas"><cas:authenticationSuccess>
  <cas:user>e12345</cas:user>
  <cas:attributes><cas:eduPersonAffiliation>student</cas:eduPersonAffiliation><cas:eduPersonAffiliation>member</cas:eduPersonAffiliation>
  <cas:sn>L&apos;Hôte &amp; Fils</cas:sn><cas:givenName><![CDATA[Zoé]]></cas:givenName><!-- comment --></cas:attributes>
</cas:authenticationSuccess></cas:serviceResponse>`);
    expect(result).toEqual({
      subject: 'e12345',
      attributes: { eduPersonAffiliation: ['student', 'member'], sn: ["L'Hôte & Fils"], givenName: ['Zoé'] },
    });
  });

  it('when the CAS server refuses the ticket, then the failure code is in the message', () => {
    expect(() =>
      parseServiceResponse(
        '<cas:serviceResponse xmlns:cas="x"><cas:authenticationFailure code="INVALID_TICKET">no</cas:authenticationFailure></cas:serviceResponse>',
      ),
    ).toThrow(/INVALID_TICKET/);
  });

  it('when a response declares a DOCTYPE or is malformed, then it is refused (no entity expansion)', () => {
    expect(() => parseXml('<!DOCTYPE x [<!ENTITY a "aaaa">]><x>&a;</x>')).toThrow(/DOCTYPE/);
    expect(() => parseXml('<a><b></a>')).toThrow();
    expect(() => parseServiceResponse('<cas:serviceResponse><oops')).toThrow(/illisible/);
  });

  it('when affiliations are student, staff, both or neither, then the profile follows (staff wins, others refused)', () => {
    const map = (affiliations: string[]) =>
      identityFrom(config.ent, 'cas:x', 'u', {
        eduPersonAffiliation: affiliations,
        supannEtuId: ['219'],
        mail: ['a@u.fr'],
        givenName: ['A'],
        sn: ['B'],
      })?.profile;
    expect(map(['student', 'member'])).toBe('student');
    expect(map(['faculty'])).toBe('staff');
    expect(map(['employee@univ.fr', 'student'])).toBe('staff');
    expect(map(['alum', 'affiliate'])).toBeUndefined();
  });

  it('when the ENT uses standard OIDC claims, then names and mail are still found', () => {
    const identity = identityFrom(config.ent, 'oidc:x', 's', {
      eduPersonAffiliation: ['student'],
      given_name: ['Lina'],
      family_name: ['Roux'],
      email: ['lina@u.fr'],
    });
    expect(identity).toMatchObject({ firstName: 'Lina', lastName: 'Roux', email: 'lina@u.fr', studentNumber: null });
  });

  it('when ENT_PROTOCOL is set without its URLs, then the configuration names the missing variable', () => {
    expect(() => parseConfig({ ...baseEnv, ENT_PROTOCOL: 'cas' })).toThrow(/ENT_CAS_BASE_URL/);
    expect(() => parseConfig({ ...baseEnv, ENT_PROTOCOL: 'oidc' })).toThrow(/ENT_OIDC_ISSUER/);
    expect(config.ent.protocol).toBeUndefined();
    expect(config.charterVersion).toBe('1');
  });
});
