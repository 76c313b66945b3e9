import { describe, expect, it } from 'vitest';
import { parseBirthDate } from '../../db/registry/birthDate.js';
import { firstNamesMatch, matchIdentity, type RegistryIdentity } from '../../db/registry/matching.js';
import { nameKey, nameWords, surnameParts } from '../../db/registry/names.js';
import { searchColumnsOf, surnameLookupKeys } from '../../db/registry/searchKeys.js';

const graduate = (lastName: string, firstNames: string, birthName: string | null = null, birthDate = '1994-03-12'): RegistryIdentity => ({
  lastName,
  birthName,
  firstNames,
  birthDate,
});
const typed = (lastName: string, firstNames: string, birthDate = '1994-03-12') => ({ lastName, firstNames, birthDate });

describe('name normalisation', () => {
  it.each([
    ['Hélène', 'helene'],
    ['ÉLODIE', 'elodie'],
    ['Le Goff', 'legoff'],
    ['LE-GOFF', 'legoff'],
    ['legoff', 'legoff'],
    ["N'Diaye", 'ndiaye'],
    ['N’DIAYE', 'ndiaye'],
    ['Cœur', 'coeur'],
    ['LŒILLET', 'loeillet'],
    ['Müller', 'muller'],
    ['Çelik', 'celik'],
    ['  Saint-Martin . ', 'saintmartin'],
    ['Zoë', 'zoe'],
  ])('when %j is normalised, then its key is %j', (text, key) => expect(nameKey(text)).toBe(key));

  it('when a name has separators of any kind, then they split words', () => {
    expect(nameWords("Jean-Pierre, Louis  d'Arco")).toEqual(['jean', 'pierre', 'louis', 'd', 'arco']);
    expect(nameWords('')).toEqual([]);
  });

  it('when a surname is compound, then its parts never end with a particle nor cross a link word', () => {
    expect(surnameParts('Dupont-Martin').sort()).toEqual(['dupont', 'martin']);
    expect(surnameParts('Martin de la Tour').sort()).toEqual(['delatour', 'latour', 'martin', 'tour']);
    expect(surnameParts('DUPONT ÉPOUSE MARTIN').sort()).toEqual(['dupont', 'martin']);
    expect(surnameParts('Martin')).toEqual([]);
    expect(surnameParts("N'Diaye")).toEqual(['diaye']);
  });
});

describe('surname matching', () => {
  it.each([
    ['accents or none', 'Lefevre', 'LEFÈVRE'],
    ['upper or lower case', 'dupont', 'DUPONT'],
    ['a hyphen for a space', 'Le-Goff', 'LE GOFF'],
    ['no space at all', 'Legoff', 'Le Goff'],
    ['no apostrophe', 'Ndiaye', "N'DIAYE"],
    ['a typographic apostrophe', 'O’Brien', "O'BRIEN"],
    ['a space for an apostrophe', 'D Almeida', "D'ALMEIDA"],
    ['a ligature spelled out', 'Coeur', 'CŒUR'],
    ['one side of a double name', 'Dupont', 'DUPONT-MARTIN'],
    ['the other side of a double name', 'Martin', 'Dupont Martin'],
    ['the name without its particles', 'Fontaine', 'de la Fontaine'],
    ['a double name where the registry has one side', 'Dupont-Martin', 'DUPONT'],
  ])('when the person types %s, then it matches', (_case, typedName, registered) => {
    expect(matchIdentity(typed(typedName, 'Camille'), graduate(registered, 'Camille'))).toBeDefined();
  });

  it('when the person types their birth name and the registry holds the married name, then it matches on the birth name', () => {
    const match = matchIdentity(typed('Martin', 'Camille'), graduate('DUPONT', 'Camille', 'MARTIN'));
    expect(match).toEqual({ surnameMatchedOn: 'birth_name', exact: true });
  });

  it('when the person types their married name, then it matches on the usage name', () => {
    expect(matchIdentity(typed('Dupont', 'Camille'), graduate('DUPONT', 'Camille', 'MARTIN'))).toEqual({
      surnameMatchedOn: 'last_name',
      exact: true,
    });
  });

  it('when the SIS writes "X épouse Y" in the name, then either name matches', () => {
    expect(matchIdentity(typed('Martin', 'Camille'), graduate('DUPONT EPOUSE MARTIN', 'Camille'))).toBeDefined();
    expect(matchIdentity(typed('Dupont', 'Camille'), graduate('DUPONT EPOUSE MARTIN', 'Camille'))).toBeDefined();
  });

  it.each([
    ['a different name', 'Durand', 'DUPONT'],
    ['a typo', 'Dupond', 'DUPONT'],
    ['a name that merely contains the other', 'Dupontel', 'DUPONT'],
    ['another double name sharing one part', 'Dupont-Martin', 'MARTIN-DURAND'],
    ['a particle only', 'de', 'de la Fontaine'],
    ['nothing', ' - ', 'DUPONT'],
  ])('when the person types %s, then it does not match', (_case, typedName, registered) => {
    expect(matchIdentity(typed(typedName, 'Camille'), graduate(registered, 'Camille'))).toBeUndefined();
  });
});

describe('German transliterations and Saint / St', () => {
  // Real French spellings: a name with an umlaut is exported with it dropped (MULLER) or written
  // with an e (MUELLER), and « Saint-… » is often abbreviated « St-… ». Each pair, both ways.
  it.each([
    ['an umlaut where the registry writes ae', 'Schäfer', 'Camille', 'SCHAEFER', 'Camille'],
    ['ae where the registry has the umlaut', 'Schaefer', 'Camille', 'SCHÄFER', 'Camille'],
    ['an ü where the registry writes ue', 'Müller', 'Camille', 'MUELLER', 'Camille'],
    ['ue where the registry has the ü', 'Mueller', 'Camille', 'MÜLLER', 'Camille'],
    ['an ö where the registry writes oe', 'Schröder', 'Camille', 'SCHROEDER', 'Camille'],
    ['oe where the registry has the ö', 'Schroeder', 'Camille', 'SCHRÖDER', 'Camille'],
    ['the umlaut as a combining mark (decomposed input)', 'Mu\u0308ller', 'Camille', 'MUELLER', 'Camille'],
    ['an umlaut where the registry dropped it', 'Müller', 'Camille', 'MULLER', 'Camille'],
    ['ß where the registry writes ss', 'Strauß', 'Camille', 'STRAUSS', 'Camille'],
    ['a first name with ü where the registry writes ue', 'Weber', 'Jürgen', 'WEBER', 'JUERGEN'],
    ['a first name with ue where the registry has the ü', 'Weber', 'Juergen', 'WEBER', 'Jürgen'],
    ['Saint where the registry writes St', 'Saint-Martin', 'Camille', 'ST-MARTIN', 'Camille'],
    ['St where the registry writes Saint', 'St Martin', 'Camille', 'SAINT MARTIN', 'Camille'],
    ['St. with a dot', 'St. Martin', 'Camille', 'SAINT-MARTIN', 'Camille'],
    ['Sainte where the registry writes Ste', 'Sainte-Marie', 'Camille', 'STE-MARIE', 'Camille'],
    ['Ste where the registry writes Sainte', 'Ste-Marie', 'Camille', 'SAINTE MARIE', 'Camille'],
    ['a first name with Sainte where the registry writes Ste', 'Durand', 'Marie Sainte-Anne', 'DURAND', 'Marie Ste-Anne'],
    ['a first name with Ste where the registry writes Sainte', 'Durand', 'Ste-Anne', 'DURAND', 'Sainte-Anne'],
    ['one side of a double name with Saint', 'St-Martin', 'Camille', 'DUPONT-SAINT-MARTIN', 'Camille'],
  ])('when the person types %s, then it matches', (_case, typedName, typedFirst, registered, registeredFirst) => {
    const match = matchIdentity(typed(typedName, typedFirst), graduate(registered, registeredFirst));
    expect(match).toBeDefined();
    // The indexed prefilter must find the row too, or the lookup would never reach the rules.
    const stored = searchColumnsOf(graduate(registered, registeredFirst)).surname_keys;
    expect(surnameLookupKeys(typedName).some((key) => stored.includes(key))).toBe(true);
  });

  it('when the whole names match in another spelling, then the match is exact', () => {
    expect(matchIdentity(typed('Schäfer', 'Jürgen'), graduate('SCHAEFER', 'JUERGEN'))).toEqual({
      surnameMatchedOn: 'last_name',
      exact: true,
    });
    expect(matchIdentity(typed('St-Martin', 'Camille'), graduate('DUPONT', 'Camille', 'SAINT-MARTIN'))).toEqual({
      surnameMatchedOn: 'birth_name',
      exact: true,
    });
  });

  it.each([
    ['a one-letter typo besides the umlaut', 'Schäffer', 'Camille', 'SCHAEFER', 'Camille'],
    ['a one-letter typo in the transliteration', 'Schaefter', 'Camille', 'SCHÄFER', 'Camille'],
    ['a missing e where the registry has no umlaut', 'Schafer', 'Camille', 'SCHAEFER', 'Camille'],
    ['ue where the registry has a plain u', 'Mueller', 'Camille', 'MULLER', 'Camille'],
    ['ae where the name has no umlaut anywhere', 'Jacqaes', 'Camille', 'JACQUES', 'Camille'],
    ['Sainte where the registry writes St', 'Sainte-Martin', 'Camille', 'ST-MARTIN', 'Camille'],
    ['St where the registry writes Sainte', 'St-Marie', 'Camille', 'SAINTE-MARIE', 'Camille'],
    ['a one-letter typo in Saint', 'Sant-Martin', 'Camille', 'ST-MARTIN', 'Camille'],
    ['a one-letter typo after St', 'St-Martn', 'Camille', 'SAINT-MARTIN', 'Camille'],
    ['first and last names swapped, with an umlaut', 'Jürgen', 'Schäfer', 'SCHAEFER', 'Juergen'],
    ['first and last names swapped, with Saint', 'Anne', 'Sainte-Marie', 'STE-MARIE', 'Anne'],
  ])('when the person types %s, then it does not match', (_case, typedName, typedFirst, registered, registeredFirst) => {
    expect(matchIdentity(typed(typedName, typedFirst), graduate(registered, registeredFirst))).toBeUndefined();
  });

  it('when a name has an umlaut or a Saint, then both spellings are stored as search keys', () => {
    expect(searchColumnsOf({ lastName: 'Schäfer-Saint-Martin', birthName: null, firstNames: 'Jürgen' })).toEqual({
      last_name_key: 'schaferstmartin',
      birth_name_key: null,
      first_names_key: 'jurgen',
      surname_keys: expect.arrayContaining(['schaferstmartin', 'schaeferstmartin', 'schafer', 'schaefer', 'stmartin', 'martin']),
    });
  });
});

describe('first-name matching', () => {
  it.each([
    ['only the first one', 'Marie', 'Marie Anne Sophie'],
    ['all of them', 'Marie Anne Sophie', 'MARIE, ANNE, SOPHIE'],
    ['the usual one, second in the list', 'Anne', 'Marie Anne'],
    ['the first and the third', 'Marie Sophie', 'Marie Anne Sophie'],
    ['all of them where the registry keeps only the first', 'Marie Anne', 'Marie'],
    ['a compound name with a space', 'Jean Pierre', 'Jean-Pierre'],
    ['a compound name without separator', 'Jeanpierre', 'JEAN-PIERRE Louis'],
    ['a compound name hyphenated where the registry wrote it in one word', 'Jean-Pierre', 'Jeanpierre'],
    ['no accents', 'Helene', 'Hélène'],
  ])('when the person types %s, then it matches', (_case, typedNames, registered) => {
    expect(firstNamesMatch(typedNames, registered)).toBe(true);
  });

  it.each([
    ['another first name', 'Marie', 'Anne'],
    ['the right names in the wrong order', 'Anne Marie', 'Marie Anne'],
    ['a prefix of a first name', 'Mar', 'Marie'],
    ['a first name that contains the registered one', 'Marianne', 'Marie'],
    ['nothing', '', 'Marie'],
  ])('when the person types %s, then it does not match', (_case, typedNames, registered) => {
    expect(firstNamesMatch(typedNames, registered)).toBe(false);
  });

  it('when the person types one half of a compound first name, then it matches, but not exactly', () => {
    expect(matchIdentity(typed('Martin', 'Marie'), graduate('MARTIN', 'Anne-Marie'))).toEqual({
      surnameMatchedOn: 'last_name',
      exact: false,
    });
  });

  it('when only some first names were typed, then the match is not exact', () => {
    expect(matchIdentity(typed('Bernard', 'Marie'), graduate('BERNARD', 'Marie Claire'))).toEqual({
      surnameMatchedOn: 'last_name',
      exact: false,
    });
    expect(matchIdentity(typed('Bernard', 'marie-claire'), graduate('BERNARD', 'Marie Claire'))?.exact).toBe(true);
  });
});

describe('birth date', () => {
  it('when the birth date differs by a day, then nothing matches', () => {
    expect(matchIdentity(typed('Dupont', 'Camille', '1994-03-13'), graduate('DUPONT', 'Camille'))).toBeUndefined();
  });

  const today = new Date('2026-01-15T00:00:00Z');
  it.each([
    ['12/03/1994', '1994-03-12'],
    ['1/2/1994', '1994-02-01'],
    ['12-03-1994', '1994-03-12'],
    ['12.03.1994', '1994-03-12'],
    ['1994-03-12', '1994-03-12'],
    ['1994-03-12 00:00:00', '1994-03-12'],
    ['29/02/1992', '1992-02-29'],
  ])('when %j is parsed, then it is %s', (text, iso) => expect(parseBirthDate(text, today)).toBe(iso));

  it.each(['31/02/1994', '12/03/94', '1994/03/12 10:30', '00/01/1990', '12/13/1990', '01/01/1899', '01/01/2027', 'hier', ''])(
    'when %j is parsed, then it is refused',
    (text) => expect(parseBirthDate(text, today)).toBeUndefined(),
  );
});

describe('stored search keys', () => {
  it('when a surname matches by the rules, then the indexed key overlap finds the row too', () => {
    // The SQL prefilter must never drop a row the rules accept.
    const cases: Array<[string, RegistryIdentity]> = [
      ['Dupont', graduate('DUPONT-MARTIN', 'Camille', 'MARTIN')],
      ['Martin', graduate('DUPONT-MARTIN', 'Camille', 'MARTIN')],
      ['Dupont-Martin', graduate('DUPONT', 'Camille')],
      ['la fontaine', graduate('DE LA FONTAINE', 'Camille')],
      ['Ndiaye', graduate("N'DIAYE", 'Camille')],
    ];
    for (const [typedName, registered] of cases) {
      expect(matchIdentity(typed(typedName, 'Camille'), registered)).toBeDefined();
      const stored = searchColumnsOf(registered).surname_keys;
      expect(surnameLookupKeys(typedName).some((key) => stored.includes(key))).toBe(true);
    }
  });

  it('when a graduate has a birth name, then both names and their parts are stored as keys', () => {
    const columns = searchColumnsOf({ lastName: 'Dupont-Martin', birthName: 'Martin', firstNames: 'Camille, Marie' });
    expect(columns).toEqual({
      last_name_key: 'dupontmartin',
      birth_name_key: 'martin',
      first_names_key: 'camille marie',
      surname_keys: ['dupontmartin', 'dupont', 'martin'],
    });
  });
});
