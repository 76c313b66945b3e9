/**
 * Name normalisation for the graduate registry. Pure functions: the import stores their output in
 * the registry's search columns, and the lookup computes the same forms from what a person typed,
 * so both sides of a comparison always went through the same code (see matching.ts for the rules).
 */

/** Letters that Unicode decomposition does not split into a base letter plus an accent. */
const FOLDED: Record<string, string> = { œ: 'oe', æ: 'ae', ß: 'ss', ø: 'o', ł: 'l', đ: 'd', ð: 'd', þ: 'th', ı: 'i' };

/**
 * Surname particles: a compound-name part never ends with one ("de" alone, or "Martin de", is not
 * a name a person would type for "Martin de la Tour"), though a part may start with one ("de la Tour").
 */
const PARTICLES = new Set([
  'd',
  'de',
  'des',
  'du',
  'l',
  'la',
  'le',
  'les',
  'van',
  'von',
  'der',
  'den',
  'ter',
  'di',
  'da',
  'del',
  'della',
  'dei',
  'do',
  'dos',
  'das',
  'y',
  'e',
  'et',
  'af',
  'zu',
  'ben',
  'bin',
  'ibn',
  'ould',
  'el',
  'al',
]);

/** Words some SIS exports put inside the name field ("DUPONT EPOUSE MARTIN", "MARTIN NEE DUPONT"). */
const LINK_WORDS = new Set(['epouse', 'ep', 'nee', 'veuve', 'vve', 'dit', 'dite']);

/**
 * The words of a name, accent-free and lower case: every run of characters that are not letters
 * or digits (spaces, hyphens, apostrophes of any kind, dots, commas) separates two words.
 * "Le Goff-N'Diaye" → ["le", "goff", "n", "diaye"].
 */
export function nameWords(text: string): readonly string[] {
  let words = memo.get(text);
  if (!words) {
    const folded = text
      .normalize('NFKD')
      .replace(/\p{M}+/gu, '')
      .toLowerCase()
      .replace(/[œæßøłđðþı]/g, (letter) => FOLDED[letter]!);
    words = Object.freeze(folded.split(/[^\p{L}\p{N}]+/u).filter((word) => word.length > 0));
    if (memo.size >= MEMO_SIZE) memo.clear();
    memo.set(text, words);
  }
  return words;
}

// Names repeat a lot (Martin, Marie…): an import of 200,000 lines normalises a few distinct
// strings millions of times. Bounded, so memory stays flat whatever the file.
const MEMO_SIZE = 50_000;
const memo = new Map<string, readonly string[]>();

/**
 * The comparison key of a name: its words joined without separator, so that
 * "Le Goff", "LE-GOFF", "le goff" and "Legoff" all give "legoff", and "N'Diaye" gives "ndiaye".
 */
export function nameKey(text: string): string {
  return nameWords(text).join('');
}

/** « Saint-Martin » is as often written « St-Martin » (« Sainte » « Ste »): one spelling for both. */
const SAINTS: Record<string, string> = { saint: 'st', sainte: 'ste' };

/** ä, ö, ü, precomposed or as a vowel followed by a combining diaeresis (typed on some systems). */
const UMLAUT = /[äöüÄÖÜ]|[aouAOU]\u0308/;

/**
 * The spellings a name is compared by (matching.ts) and stored under (searchKeys.ts), each as its
 * words: first the words of `nameWords` with Saint/Sainte written st/ste; then, only when the name
 * has ä, ö or ü, the same with them written ae, oe, ue (the German transliteration: Schäfer →
 * SCHAEFER, Jürgen → Juergen; ß is already ss). Two names are equal when a spelling of one equals
 * a spelling of the other, so Schäfer = SCHAEFER = SCHAFER (exports without accents), but not
 * Schaefer = SCHAFER, which a name without umlaut cannot tell from a typo. A single collapsed form
 * would be worse: ä → ae everywhere loses « Muller » = « MÜLLER », and ae → a everywhere makes
 * « Jacqus » equal « Jacques ». `nameKey` / `nameWords` stay as they were: they also build
 * `registry_key` (registryLine.ts), which must not change for rows already imported.
 */
export function nameSpellings(text: string): readonly (readonly string[])[] {
  let spellings = spellingsMemo.get(text);
  if (!spellings) {
    const abbreviated = (words: readonly string[]) => Object.freeze(words.map((word) => SAINTS[word] ?? word));
    const computed = [abbreviated(nameWords(text))];
    if (UMLAUT.test(text)) computed.push(abbreviated(nameWords(text.normalize('NFD').replace(/([aou])\u0308/giu, '$1e'))));
    spellings = Object.freeze(computed);
    if (spellingsMemo.size >= MEMO_SIZE) spellingsMemo.clear();
    spellingsMemo.set(text, spellings);
  }
  return spellings;
}

// Same reason as nameWords' memo: the import asks for the same few names again and again.
const spellingsMemo = new Map<string, readonly (readonly string[])[]>();

/** The comparison keys of a name, one per spelling (`nameSpellings`), joined like `nameKey`. */
export function nameKeys(text: string): string[] {
  return [...new Set(nameSpellings(text).map((words) => words.join('')))];
}

/**
 * The keys of the parts of a compound surname, in each of its spellings: every run of consecutive
 * words, shorter than the whole name, that does not end with a particle, does not cross a link word
 * and has at least two letters. "Dupont-Martin" → dupont, martin; "Martin de la Tour" → martin,
 * delatour, latour, tour; "Dupont épouse Martin" → dupont, martin. A single-word name has no parts.
 */
export function surnameParts(text: string): string[] {
  const parts = new Set<string>();
  for (const words of nameSpellings(text)) {
    for (let start = 0; start < words.length; start++) {
      for (let end = start + 1; end <= words.length; end++) {
        const run = words.slice(start, end);
        if (run.length === words.length) continue; // the whole name is not a part
        if (run.some((word) => LINK_WORDS.has(word))) break;
        if (PARTICLES.has(run[run.length - 1]!)) continue;
        const key = run.join('');
        if (key.length >= 2) parts.add(key);
      }
    }
  }
  return [...parts];
}
