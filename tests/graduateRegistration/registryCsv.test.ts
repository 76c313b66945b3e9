import { describe, expect, it } from 'vitest';
import { detectSeparator } from '../../db/registry/csv/csvFile.js';
import { createDecoder, encodeWindows1252 } from '../../db/registry/csv/encoding.js';
import { type CsvRecord, CsvTokenizer } from '../../db/registry/csv/tokenizer.js';

function tokenize(text: string, separator = ';', chunkSize = text.length): CsvRecord[] {
  const tokenizer = new CsvTokenizer(separator);
  const out: CsvRecord[] = [];
  for (let i = 0; i < text.length; i += Math.max(1, chunkSize)) tokenizer.push(text.slice(i, i + Math.max(1, chunkSize)), out);
  tokenizer.end(out);
  return out;
}

describe('CSV tokenizer', () => {
  const text = 'a;b;c\r\n"x;1";"say ""hi""";"two\r\nlines"\r\n\r\nlast;;\rmac;end';
  const expected: CsvRecord[] = [
    { line: 1, fields: ['a', 'b', 'c'] },
    { line: 2, fields: ['x;1', 'say "hi"', 'two\nlines'] },
    { line: 4, fields: [''] },
    { line: 5, fields: ['last', '', ''] },
    { line: 6, fields: ['mac', 'end'] },
  ];

  it('when fields are quoted, hold separators, quotes and line breaks, then records keep their starting line', () => {
    expect(tokenize(text)).toEqual(expected);
  });

  it.each([1, 2, 3, 7])('when the text arrives in chunks of %i characters, then the records are the same', (size) => {
    expect(tokenize(text, ';', size)).toEqual(expected);
  });

  it('when a quote is never closed, then the record is flagged at its first line', () => {
    expect(tokenize('a;b\n"open;x\ny;z\n')).toEqual([
      { line: 1, fields: ['a', 'b'] },
      { line: 2, fields: ['open;x\ny;z\n'], error: 'unterminated_quote' },
    ]);
  });

  it('when a quote appears inside an unquoted field, then it is kept as text', () => {
    expect(tokenize('O"Brien;x')).toEqual([{ line: 1, fields: ['O"Brien', 'x'] }]);
  });
});

describe('separator and encoding detection', () => {
  it.each([
    ['NOM;PRENOM;DATE', ';'],
    ['nom,prenom,date', ','],
    ['nom\tprenom\tdate', '\t'],
    ['"nom;x",prenom,date\na;b;c;d;e', ','],
    ['nom', ';'],
  ])('when the header is %j, then the separator is %j', (header, separator) => expect(detectSeparator(header)).toBe(separator));

  it('when Windows-1252 bytes are decoded, then ’ œ Œ € come back, not control codes', () => {
    const bytes = encodeWindows1252('O’Brien Cœur ŒUVRE € é');
    expect([...bytes.subarray(1, 2)]).toEqual([0x92]);
    expect(createDecoder('windows-1252').write(bytes)).toBe('O’Brien Cœur ŒUVRE € é');
  });

  it('when a UTF-8 character is split across two chunks, then it is decoded whole', () => {
    const decoder = createDecoder('utf-8');
    const bytes = Buffer.from('\ufeffHélène', 'utf8');
    expect(decoder.write(bytes.subarray(0, 5)) + decoder.write(bytes.subarray(5)) + decoder.end()).toBe('Hélène');
  });
});
