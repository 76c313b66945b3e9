/**
 * The directory's password policy (OpenLDAP ppolicy, `cn=default,ou=policies`), as infra/slapd.ts
 * loads it and « Connexion et sécurité » shows it. The directory is authoritative: the platform's
 * own rules (lib/passwords.ts) are checked first, then the directory decides.
 */
export const directoryPolicy = {
  /** Same minimum as the platform's, enforced again by the directory (pwdCheckQuality 2: refused when it cannot check). */
  pwdMinLength: 12,
  pwdCheckQuality: 2,
  /** The last 5 passwords cannot be used again: only the directory knows them. */
  pwdInHistory: 5,
  /** 5 wrong binds within 5 minutes lock the account for 5 minutes. */
  pwdMaxFailure: 5,
  pwdLockoutDuration: 300,
  pwdFailureCountInterval: 300,
} as const;
