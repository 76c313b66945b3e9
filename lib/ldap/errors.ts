/**
 * What the directory can answer to a password change, in words the platform shows. The directory's
 * password policy (OpenLDAP ppolicy) is authoritative: its refusals arrive as LDAP result 19
 * (constraintViolation) with a diagnostic text, which we map to a reason shown in French.
 */
export type DirectoryRefusalReason = 'tooShort' | 'quality' | 'inHistory' | 'tooYoung' | 'sameAsCurrent' | 'wrongCurrent' | 'refused';

export class DirectoryRefusal extends Error {
  constructor(readonly reason: DirectoryRefusalReason) {
    super(`directory refused the password: ${reason}`);
    this.name = 'DirectoryRefusal';
  }
}

/** The directory cannot be reached (down, timeout, refused connection): nothing was changed. */
export class DirectoryUnavailable extends Error {
  constructor(cause: unknown) {
    super(`directory unavailable: ${(cause as Error)?.message ?? cause}`);
    this.name = 'DirectoryUnavailable';
  }
}

/** ppolicy's diagnostic messages (servers/slapd/overlays/ppolicy.c) → our reasons. */
export function refusalReasonOf(diagnostic: string): DirectoryRefusalReason {
  const text = diagnostic.toLowerCase();
  if (text.includes('in history')) return 'inHistory';
  if (text.includes('too young')) return 'tooYoung';
  if (text.includes('not being changed from existing value')) return 'sameAsCurrent';
  if (text.includes('too short')) return 'tooShort';
  if (text.includes('quality')) return 'quality';
  return 'refused';
}

const LDAP_INVALID_CREDENTIALS = 49;
const LDAP_CONSTRAINT_VIOLATION = 19;

/** Any error of ldapts → a refusal (the person can act on it) or « unavailable » (they cannot). */
export function classify(error: unknown, { onBadCredentials }: { onBadCredentials: DirectoryRefusalReason | 'unavailable' }): Error {
  if (error instanceof DirectoryRefusal || error instanceof DirectoryUnavailable) return error;
  const code = (error as { code?: unknown }).code;
  if (code === LDAP_CONSTRAINT_VIOLATION) return new DirectoryRefusal(refusalReasonOf((error as Error).message));
  if (code === LDAP_INVALID_CREDENTIALS)
    return onBadCredentials === 'unavailable' ? new DirectoryUnavailable(error) : new DirectoryRefusal(onBadCredentials);
  return new DirectoryUnavailable(error);
}
