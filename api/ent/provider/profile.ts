import type { EntIdentity, EntProfile } from '../../../db/entAccounts.js';
import type { EntConfig } from '../../../lib/config.js';

/** Attributes as the ENT released them, every value a list (CAS and LDAP attributes are multi-valued). */
export type EntAttributes = Record<string, string[]>;

export function toAttributes(source: Record<string, unknown>): EntAttributes {
  const attributes: EntAttributes = {};
  for (const [name, value] of Object.entries(source)) {
    const values = (Array.isArray(value) ? value : [value]).filter((v) => typeof v === 'string' || typeof v === 'number').map(String);
    if (values.length) attributes[name] = values;
  }
  return attributes;
}

// Standard OIDC claims used when the configured (LDAP-style) attribute is absent.
const oidcFallbacks = { mail: 'email', givenName: 'given_name', familyName: 'family_name' } as const;

/**
 * Maps the ENT's attributes to a platform profile. eduPersonAffiliation values may be
 * « affiliate@univ.fr »-scoped; only the part before @ counts. Staff wins when a person is both
 * (a doctoral student under contract works with staff tools); nobody else may log in.
 */
export function identityFrom(config: EntConfig, provider: string, subject: string, attributes: EntAttributes): EntIdentity | undefined {
  const names = config.attributes;
  const first = (name: string, fallback?: string) => attributes[name]?.[0] ?? (fallback ? attributes[fallback]?.[0] : undefined);
  const affiliations = (attributes[names.affiliation] ?? []).map((v) => v.split('@')[0]!.trim().toLowerCase());
  const has = (wanted: string[]) => affiliations.some((a) => wanted.includes(a));
  const profile: EntProfile | undefined = has(config.staffAffiliations) ? 'staff' : has(config.studentAffiliations) ? 'student' : undefined;
  if (!profile) return undefined;
  return {
    provider,
    subject,
    profile,
    firstName: first(names.givenName, oidcFallbacks.givenName) ?? '',
    lastName: first(names.familyName, oidcFallbacks.familyName) ?? '',
    email: first(names.mail, oidcFallbacks.mail) ?? null,
    studentNumber: profile === 'student' ? (first(names.studentNumber) ?? null) : null,
    affiliations,
  };
}
