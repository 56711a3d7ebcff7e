// A fast reader for the sample lines of a history segment, straight from the file's bytes. A samples file is mostly rows written by
// `encodeSample` (`[at,series,"outcome",status,dns,connect,tls,firstByte,total]`, no spaces, plain
// decimals); reading those with JSON.parse makes an array and nine values per line, which dominated
// loading a week. This scanner reads such a row from the bytes into one reused array, decoding no text; anything it does not
// recognise exactly (a series definition, spaces, exponents, a torn or hostile line) is left to
// JSON.parse, so it never accepts a line JSON would reject and never changes what a line means.

const QUOTE = 0x22;
const COMMA = 0x2c;
const MINUS = 0x2d;
const DOT = 0x2e;
const ZERO = 0x30;
const NINE = 0x39;
const OPEN = 0x5b;
const CLOSE = 0x5d;
const N = 0x6e;
const U = 0x75;
const L = 0x6c;
const NEWLINE = 0x0a;
const BACKSLASH = 0x5c;

/** Powers of ten a decimal fraction is divided by (exact as doubles up to 1e22). */
const POW10 = Array.from({ length: 23 }, (_, i) => 10 ** i);

/** Scans numbers and one string of a row; reuses its last string so a row allocates nothing. */
export class RowScanner {
  /** The fields of the last row scanned (valid after {@link scan} found one). */
  readonly row: unknown[] = new Array<unknown>(9).fill(null);
  private pos = 0;
  private end = 0;
  private bytes: Uint8Array = new Uint8Array(0);
  private lastString = '';

  /**
   * Reads the row that starts at `start` in `bytes` into {@link row}, and returns where its line ends
   * (the offset of its newline, or of the end of the text). Returns -1 when the line is not a
   * nine-field row in the canonical shape; the caller then parses that line as JSON.
   */
  scan(bytes: Uint8Array, start: number): number {
    if (bytes[start] !== OPEN) return -1;
    this.bytes = bytes;
    this.pos = start + 1;
    this.end = bytes.length;
    const row = this.row;
    for (let field = 0; field < 9; field++) {
      if (field > 0) {
        if (bytes[this.pos] !== COMMA) return -1;
        this.pos++;
      }
      const value = field === 2 ? this.string() : this.numberOrNull();
      if (value === undefined) return -1;
      row[field] = value;
    }
    if (bytes[this.pos] !== CLOSE) return -1;
    const after = this.pos + 1;
    return after === this.end || bytes[after] === NEWLINE ? after : -1;
  }

  /** An ASCII string without escapes; the previous one is reused when equal (most rows say "ok"). */
  private string(): string | undefined {
    const bytes = this.bytes;
    if (bytes[this.pos] !== QUOTE) return undefined;
    const from = this.pos + 1;
    const last = this.lastString;
    let i = 0;
    while (i < last.length && bytes[from + i] === last.charCodeAt(i)) i++;
    if (i === last.length && last.length > 0 && bytes[from + i] === QUOTE) {
      this.pos = from + i + 1;
      return last;
    }
    let close = from;
    for (;;) {
      const c = bytes[close];
      if (c === QUOTE) break;
      // Escapes, control characters, non-ASCII and the end of the line or text: left to JSON.parse.
      if (c === undefined || c === BACKSLASH || c < 0x20 || c > 0x7e) return undefined;
      close++;
    }
    const value = String.fromCharCode(...bytes.subarray(from, close));
    this.lastString = value;
    this.pos = close + 1;
    return value;
  }

  /**
   * `null`, or a JSON number written as `-?digits(.digits)?` with at most 15 significant digits, so
   * integer ÷ power of ten gives exactly the double JSON.parse gives. Anything else: undefined.
   */
  private numberOrNull(): number | null | undefined {
    const bytes = this.bytes;
    let i = this.pos;
    let c = bytes[i];
    if (c === N) {
      if (bytes[i + 1] === U && bytes[i + 2] === L && bytes[i + 3] === L) {
        this.pos = i + 4;
        return null;
      }
      return undefined;
    }
    const negative = c === MINUS;
    if (negative) c = bytes[++i];
    const first = i;
    let digits = 0;
    let mantissa = 0;
    while (c !== undefined && c >= ZERO && c <= NINE) {
      mantissa = mantissa * 10 + (c - ZERO);
      digits++;
      c = bytes[++i];
    }
    // JSON forbids an empty integer part and a leading zero before more digits.
    if (digits === 0 || (digits > 1 && bytes[first] === ZERO)) return undefined;
    let scale = 0;
    if (c === DOT) {
      c = bytes[++i];
      while (c !== undefined && c >= ZERO && c <= NINE) {
        mantissa = mantissa * 10 + (c - ZERO);
        digits++;
        scale++;
        c = bytes[++i];
      }
      if (scale === 0) return undefined;
    }
    if (digits > 15) return undefined;
    this.pos = i;
    const value = scale === 0 ? mantissa : mantissa / POW10[scale]!;
    return negative ? -value : value;
  }
}
