/**
 * Is the person who typed Nom, Prénom(s) and Date de naissance this graduate of the registry?
 *
 * Matching rules (all three must hold):
 *
 * 1. Birth date: exactly equal. A wrong date is not corrected: the person is asked again or goes
 *    to the "absent from the registry" form, which an administrator reviews.
 *
 * 2. Surname. Both sides are normalised the same way (names.ts): accents and case are ignored,
 *    and hyphens, apostrophes, spaces and dots are ignored too ("Le Goff" = "LEGOFF" = "le-goff",
 *    "N'Diaye" = "Ndiaye", "Étienne" = "ETIENNE", "Œuvray" = "Oeuvray"), Saint/Sainte and St/Ste
 *    are the same word ("Saint-Martin" = "ST MARTIN"), and ä, ö, ü may be written ae, oe, ue
 *    ("Schäfer" = "SCHAEFER" = "SCHAFER"; ß = ss). The typed surname matches when it equals
 *      - the registry's usage name (nom d'usage, often the married name), or
 *      - its birth name (nom de naissance), when the registry has one, or
 *      - a part of either of them: one side of a double name ("Dupont" for "Dupont-Martin"),
 *        or the name without its particle ("Tour" or "La Tour" for "de la Tour");
 *    or when the registry's usage or birth name is a part of the typed surname (the person types
 *    "Dupont-Martin" where the registry only knows "Dupont"). Two different double names sharing
 *    one part ("Dupont-Martin" / "Martin-Durand") do not match.
 *
 * 3. First names. Each side is a list of words ("Marie Anne", "Jean-Pierre, Louis"), normalised as
 *    in rule 2 ("Jürgen" = "JUERGEN", "Sainte-Anne" = "Ste Anne"). They match
 *    when the shorter list is found, in order, in the longer one, where a compound first name
 *    may be written with a hyphen, a space or nothing ("Jeanpierre" = "Jean-Pierre"): typing only
 *    the first first name, all of them, or the usual one when it is not the first ("Anne" for
 *    "Marie Anne") all match, and so does typing all of them where the registry only keeps the
 *    first. Order matters: "Anne Marie" does not match "Marie Anne". A hyphen being only a
 *    separator, "Marie" also matches "Anne-Marie": with the same surname and birth date that is
 *    still most likely the same person, and such a match is reported as not exact.
 *
 * No fuzzy matching (no edit distance, no phonetics): a typo fails rather than picking someone
 * else. Several graduates may match (twins, homonyms born the same day, a lenient first-name
 * rule): all are returned and the caller asks for what disambiguates or sends it to the admin.
 */
import { nameKeys, nameSpellings, surnameParts } from './names.js';

/** What a person typed, the birth date already parsed to `YYYY-MM-DD`. */
export interface TypedIdentity {
  lastName: string;
  firstNames: string;
  birthDate: string;
}

/** A registry entry as matching sees it. */
export interface RegistryIdentity {
  lastName: string;
  birthName: string | null;
  firstNames: string;
  birthDate: string;
}

export interface IdentityMatch {
  /** Which registry name the typed surname was matched against. */
  surnameMatchedOn: 'last_name' | 'birth_name';
  /** Whole surname and every first name equal (after normalisation), not only a part of them. */
  exact: boolean;
}

/** The match, or undefined when this graduate is not the person who typed. */
export function matchIdentity(typed: TypedIdentity, graduate: RegistryIdentity): IdentityMatch | undefined {
  if (typed.birthDate !== graduate.birthDate) return undefined;
  const surname = matchSurname(typed.lastName, graduate);
  if (!surname || !firstNamesMatch(typed.firstNames, graduate.firstNames)) return undefined;
  const exact = surname.whole && overlap(nameKeys(typed.firstNames), nameKeys(graduate.firstNames));
  return { surnameMatchedOn: surname.on, exact };
}

function matchSurname(typed: string, graduate: RegistryIdentity): { on: 'last_name' | 'birth_name'; whole: boolean } | undefined {
  const typedKeys = nameKeys(typed).filter((key) => key !== '');
  if (typedKeys.length === 0) return undefined;
  const typedParts = surnameParts(typed);
  const candidates: Array<['last_name' | 'birth_name', string]> = [['last_name', graduate.lastName]];
  if (graduate.birthName) candidates.push(['birth_name', graduate.birthName]);
  for (const [on, name] of candidates) {
    if (overlap(nameKeys(name), typedKeys)) return { on, whole: true };
  }
  for (const [on, name] of candidates) {
    if (overlap(surnameParts(name), typedKeys) || overlap(typedParts, nameKeys(name))) return { on, whole: false };
  }
  return undefined;
}

/** Some key is in both lists (each name has one or two spellings: names.ts, nameSpellings). */
function overlap(a: readonly string[], b: readonly string[]): boolean {
  return a.some((key) => b.includes(key));
}

/** Rule 3: the shorter list of first names is found, in order, in the longer one. */
export function firstNamesMatch(typed: string, registered: string): boolean {
  return nameSpellings(typed).some((a) =>
    nameSpellings(registered).some((b) => a.length > 0 && b.length > 0 && (foundInOrder(a, 0, b, 0) || foundInOrder(b, 0, a, 0))),
  );
}

/**
 * True when needle[i..] can be laid, in order, over hay[j..]: each step aligns one or more
 * consecutive needle words with one or more consecutive hay words spelling the same letters
 * ("jeanpierre" over "jean"+"pierre", or "jean"+"pierre" over "jeanpierre"), and whole hay words
 * may be skipped between steps. Name lists are a few words long, so plain recursion is enough.
 */
function foundInOrder(needle: readonly string[], i: number, hay: readonly string[], j: number): boolean {
  if (i === needle.length) return true;
  if (j === hay.length) return false;
  let n = i;
  let h = j;
  let left = needle[n]!;
  let right = hay[h]!;
  while (left !== right) {
    if (left.length < right.length && right.startsWith(left) && n + 1 < needle.length) left += needle[++n]!;
    else if (right.length < left.length && left.startsWith(right) && h + 1 < hay.length) right += hay[++h]!;
    else break;
  }
  if (left === right && foundInOrder(needle, n + 1, hay, h + 1)) return true;
  return foundInOrder(needle, i, hay, j + 1);
}
