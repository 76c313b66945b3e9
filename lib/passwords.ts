import { hash, verify } from '@node-rs/argon2';

/** `Algorithm.Argon2id` of @node-rs/argon2 (an ambient const enum, not importable as a value). */
const ARGON2ID = 2;

export interface PasswordHasher {
  hash(password: string): Promise<string>;
  verify(passwordHash: string, password: string): Promise<boolean>;
}

/** argon2id with OWASP's minimum profile by default (19 MiB, t=2, p=1); tunable by config. */
export function createPasswordHasher(options: { memoryCost: number; timeCost: number }): PasswordHasher {
  const params = { algorithm: ARGON2ID, memoryCost: options.memoryCost, timeCost: options.timeCost, parallelism: 1 };
  return {
    hash: (password) => hash(password, params),
    verify: async (passwordHash, password) => {
      try {
        return await verify(passwordHash, password);
      } catch {
        return false;
      }
    },
  };
}

/**
 * eCandidat asks for at least 10 characters mixing character types. Our rule: 10 to 128
 * characters with at least three of the four classes (lower case, upper case, digit, other).
 * The API's field (api/schemas.ts) applies it with messages in the requester's language.
 */
export const passwordPolicy = {
  minLength: 10,
  maxLength: 128,
  mixesEnoughKinds: (password: string) => [/[a-z]/, /[A-Z]/, /[0-9]/, /[^a-zA-Z0-9]/].filter((r) => r.test(password)).length >= 3,
} as const;
