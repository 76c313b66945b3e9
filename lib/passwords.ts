import { hash, verify } from '@node-rs/argon2';
import { ZxcvbnFactory } from '@zxcvbn-ts/core';
import * as common from '@zxcvbn-ts/language-common';
import * as en from '@zxcvbn-ts/language-en';
import * as fr from '@zxcvbn-ts/language-fr';

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

let estimator: ZxcvbnFactory | undefined;

/**
 * At least 10^9 estimated guesses. zxcvbn's « safely unguessable » starts at 10^8, which still lets
 * through the French habits « Azerty123456! », « Motdepasse123! », « Marseille2026! » (≈10^8);
 * 10^9 refuses them, and any passphrase of three words passes.
 */
const minimumGuessesLog10 = 9;

/**
 * zxcvbn-ts with its common (49,000 most used and leaked passwords, keyboard walks), French and
 * English dictionaries, offline. Built on first use (~0.5 s). Leet-speak substitutions are capped:
 * uncapped, one check costs ~0.3 s of CPU; capped at 3, ~20–35 ms, and « P@ssw0rd1234 » is still caught.
 */
function guessEstimator(): ZxcvbnFactory {
  estimator ??= new ZxcvbnFactory({
    dictionary: { ...common.dictionary, ...fr.dictionary, ...en.dictionary },
    graphs: common.adjacencyGraphs,
    l33tMaxSubstitutions: 3,
    // What lies beyond is not estimated: a 64-character passphrase is long enough, and the cost stays bounded.
    maxLength: 64,
  });
  return estimator;
}

/**
 * Passwords, per OWASP ASVS 5.0 §6.2: no composition rule (6.2.5); at least 12 characters (6.2.1
 * asks 8 and recommends 15: 12 keeps a guessable-password check meaningful while a passphrase
 * stays easy to type); up to 128 (6.2.9 asks that at least 64 be allowed); refused when it is a
 * common or leaked password, a dictionary word or a predictable pattern, checked offline (6.2.4,
 * 6.2.12): zxcvbn must estimate it at 10^9 guesses or more; and
 * it must not reuse the person's name or address (6.2.11). The same rule for every account,
 * staff included. The API's field (api/schemas.ts) applies it in the requester's language.
 */
export const passwordPolicy = {
  minLength: 12,
  maxLength: 128,
  /** True when the password is too easy to guess (common, leaked, dictionary, keyboard walk, sequence). */
  isGuessable: (password: string) => guessEstimator().check(password).guessesLog10 < minimumGuessesLog10,
  /**
   * True when the password contains the person's own words: a part of their name (4 letters or
   * more), or the whole local part of their address. Callers pass names as `names`, the address as `email`.
   */
  reusesIdentity: (password: string, identity: { names: (string | undefined)[]; email?: string | undefined }) => {
    const lower = password.toLowerCase();
    const nameParts = identity.names.flatMap((name) => (name ?? '').toLowerCase().split(/[\s'-]+/));
    const local = identity.email?.toLowerCase().split('@')[0] ?? '';
    return [...nameParts, local].some((word) => word.length >= 4 && lower.includes(word));
  },
} as const;
