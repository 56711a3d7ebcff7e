// Tests of the fast sample-row reader: it reads exactly what JSON.parse reads for the writer's rows,
// and declines (leaving the line to JSON.parse) anything it does not recognise exactly.

import { describe, it, expect } from 'vitest';
import { encodeSample, type HistorySample } from './codec';
import { seededRandom } from '../monitor/random';
import { RowScanner } from './row-scan';

function scan(line: string): unknown[] | null {
  const scanner = new RowScanner();
  // Embedded in a longer text, as in a segment, so offsets are exercised too.
  const bytes = Buffer.from(`xx\n${line}\nyy`);
  const end = scanner.scan(bytes, 3);
  if (end >= 0) expect(end).toBe(3 + Buffer.byteLength(line));
  return end >= 0 ? [...scanner.row] : null;
}

describe('RowScanner', () => {
  it('reads encoded samples exactly as JSON.parse does', () => {
    const random = seededRandom(3);
    const scanner = new RowScanner();
    for (let i = 0; i < 5_000; i++) {
      const s: HistorySample = {
        at: 1_781_092_800_000 + Math.floor(random() * 1e9),
        target: 'T',
        name: 'n',
        path: 'direct',
        outcome: random() < 0.5 ? 'ok' : 'http-5xx',
        status: random() < 0.1 ? null : 200 + Math.floor(random() * 400),
        timings: {
          dns: random() < 0.2 ? null : random() * 300,
          connect: random() * 10,
          tls: random() < 0.5 ? null : random() * 1e4,
          firstByte: random() < 0.1 ? 0 : random() * 1e5,
          total: random() * 1e6,
        },
      };
      const line = encodeSample(s, Math.floor(random() * 20));
      expect(scanner.scan(Buffer.from(line), 0)).toBe(line.length);
      expect(scanner.row).toEqual(JSON.parse(line));
    }
  });

  it('reads negative numbers, zero fractions and nulls like JSON', () => {
    for (const line of [
      '[1,0,"ok",null,null,null,null,null,0]',
      '[-5,2,"dns",-1.5,0.01,-0,10.5,null,0.25]',
      '[1781092800000,65535,"timeout-headers",599,0.1,0.2,0.3,0.4,123456.78]',
    ]) {
      expect(scan(line)).toEqual(JSON.parse(line));
    }
  });

  it('declines lines it does not recognise exactly, so JSON.parse decides', () => {
    for (const line of [
      '{"series":0,"target":"T","name":"n","path":"direct"}',
      '[1, 0,"ok",200,1,2,3,4,5]', // a space
      '[1,0,"ok",200,1,2,3,4,5e2]', // an exponent
      '[1,0,"ok",200,1,2,3,4]', // eight fields
      '[1,0,"ok",200,1,2,3,4,5,6]', // ten fields
      '[1,0,"o\\"k",200,1,2,3,4,5]', // an escape
      '[01,0,"ok",200,1,2,3,4,5]', // a leading zero
      '[1.,0,"ok",200,1,2,3,4,5]', // no fraction digits
      '[1,0,"ok",nul,1,2,3,4,5]',
      '[1,0,"ok",200,1,2,3,4,5', // torn
      '[1,0,"ok",200,1,2,3,4,1234567890123456]', // more digits than a double holds exactly
      '[1,0,ok,200,1,2,3,4,5]',
      '[1,0,"ók",200,1,2,3,4,5]', // non-ASCII
      '[1,0,"ok",200,1,2,3,4,5]\r', // a carriage return
    ]) {
      expect(scan(line), line).toBeNull();
    }
  });

  it('finds the end of a row at the end of the text, and declines a row torn by the end', () => {
    const scanner = new RowScanner();
    const a = Buffer.from('[1,0,"ok",200,1,2,3,4,5]');
    expect(scanner.scan(a, 0)).toBe(a.length);
    expect(scanner.scan(Buffer.from('[1,0,"ok'), 0)).toBe(-1);
    expect(scanner.scan(Buffer.from('[1,0,"ok",200,1,2,3,4,5]x'), 0)).toBe(-1);
  });
});
