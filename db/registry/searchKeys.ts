/**
 * The normalised forms stored beside each graduate, and the keys a lookup sends, so that finding
 * candidates is an indexed query (birth date equality + array overlap) rather than a scan.
 * `surname_keys` overlapping the lookup keys is a superset of matching rule 2 (matching.ts): the
 * query narrows to a handful of rows, then `matchIdentity` decides on each of them.
 */
import { nameKeys, nameSpellings, surnameParts } from './names.js';

/**
 * The single-key columns hold a name's first spelling (names.ts, nameSpellings: accents dropped,
 * Saint written st); `surname_keys` holds every spelling, so a lookup finds « Schäfer » by
 * « schafer » and by « schaefer ».
 */
export interface RegistrySearchColumns {
  last_name_key: string;
  birth_name_key: string | null;
  /** Words separated by one space: kept for display of the normalised form and future searches. */
  first_names_key: string;
  /** Whole usage and birth names, and every part of them. */
  surname_keys: string[];
}

export function searchColumnsOf(graduate: { lastName: string; birthName: string | null; firstNames: string }): RegistrySearchColumns {
  const names = graduate.birthName ? [graduate.lastName, graduate.birthName] : [graduate.lastName];
  const keys = new Set<string>();
  for (const name of names) {
    for (const key of nameKeys(name)) keys.add(key);
    for (const part of surnameParts(name)) keys.add(part);
  }
  return {
    last_name_key: nameKeys(graduate.lastName)[0]!,
    birth_name_key: graduate.birthName ? nameKeys(graduate.birthName)[0]! : null,
    first_names_key: nameSpellings(graduate.firstNames)[0]!.join(' '),
    surname_keys: [...keys],
  };
}

/** The keys to look a typed surname up with: the whole of it, in each spelling, and its parts. */
export function surnameLookupKeys(typedLastName: string): string[] {
  const whole = nameKeys(typedLastName).filter((key) => key !== '');
  return whole.length === 0 ? [] : [...new Set([...whole, ...surnameParts(typedLastName)])];
}
