/**
 * A streaming CSV tokenizer (RFC 4180 plus what spreadsheets really write): fields optionally in
 * double quotes, `""` for a quote inside them, separators and line breaks inside quotes, records
 * ended by LF, CRLF or a lone CR (old Mac Excel). Text arrives in chunks of any size, so every
 * state survives the end of a chunk. Each record carries the physical line it starts on, which
 * is what a person fixing the file needs.
 */
export interface CsvRecord {
  /** 1-based line of the file where the record starts. */
  line: number;
  fields: string[];
  /** Set when the record could not be read as CSV. */
  error?: 'unterminated_quote';
}

const QUOTE = 0x22;
const LF = 0x0a;
const CR = 0x0d;

export class CsvTokenizer {
  private readonly separator: number;
  private field = '';
  private fields: string[] = [];
  private inQuotes = false;
  /** Inside quotes, a quote was just read: it closes the field unless another quote follows. */
  private quotePending = false;
  private fieldStart = true;
  private afterCR = false;
  private line = 1;
  private recordLine = 1;

  constructor(separator: string) {
    if (separator.length !== 1) throw new Error(`a CSV separator is one character, not ${JSON.stringify(separator)}`);
    this.separator = separator.charCodeAt(0);
  }

  /** Reads `text`, appending every record it completes to `out`. */
  push(text: string, out: CsvRecord[]): void {
    const length = text.length;
    let i = 0;
    while (i < length) {
      const c = text.charCodeAt(i);
      if (this.afterCR) {
        this.afterCR = false;
        if (c === LF) {
          i++;
          continue; // CRLF: the CR already ended the line
        }
      }
      if (this.inQuotes) {
        if (this.quotePending) {
          this.quotePending = false;
          if (c === QUOTE) {
            this.field += '"';
            i++;
            continue;
          }
          this.inQuotes = false; // the quote closed the field; `c` is read as unquoted text below
        } else {
          let end = i;
          while (end < length) {
            const d = text.charCodeAt(end);
            if (d === QUOTE || d === LF || d === CR) break;
            end++;
          }
          this.field += text.slice(i, end);
          i = end;
          if (i === length) break;
          const d = text.charCodeAt(i);
          if (d === QUOTE) this.quotePending = true;
          else {
            this.field += '\n';
            this.line++;
            this.afterCR = d === CR;
          }
          i++;
          continue;
        }
      }
      if (c === this.separator) {
        this.fields.push(this.field);
        this.field = '';
        this.fieldStart = true;
        i++;
      } else if (c === LF || c === CR) {
        this.endRecord(out);
        this.line++;
        this.recordLine = this.line;
        this.afterCR = c === CR;
        i++;
      } else if (c === QUOTE && this.fieldStart) {
        this.inQuotes = true;
        this.fieldStart = false;
        i++;
      } else {
        let end = i + 1;
        while (end < length) {
          const d = text.charCodeAt(end);
          if (d === this.separator || d === LF || d === CR) break;
          end++;
        }
        this.field += text.slice(i, end);
        this.fieldStart = false;
        i = end;
      }
    }
  }

  /** At the end of the input: the last record, if the file does not end with a line break. */
  end(out: CsvRecord[]): void {
    if (this.inQuotes && !this.quotePending) {
      out.push({ line: this.recordLine, fields: [...this.fields, this.field], error: 'unterminated_quote' });
    } else if (this.fields.length > 0 || this.field !== '' || !this.fieldStart) {
      this.endRecord(out);
    }
    this.reset();
  }

  private endRecord(out: CsvRecord[]): void {
    this.fields.push(this.field);
    out.push({ line: this.recordLine, fields: this.fields });
    this.reset();
  }

  private reset(): void {
    this.fields = [];
    this.field = '';
    this.inQuotes = false;
    this.quotePending = false;
    this.fieldStart = true;
  }
}
