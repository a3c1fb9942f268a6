import assert from 'node:assert/strict';
import { decodeLz4Frame } from '../../../src/data/lz4Frame';

function frame(...blocks: { bytes: number[]; stored?: boolean }[]): Uint8Array {
  const parts: number[] = [0x04, 0x22, 0x4d, 0x18, 0x60, 0x40, 0x82];
  for (const b of blocks) {
    const size = (b.bytes.length | (b.stored ? 0x80000000 : 0)) >>> 0;
    parts.push(size & 255, (size >>> 8) & 255, (size >>> 16) & 255, size >>> 24, ...b.bytes);
  }
  parts.push(0, 0, 0, 0);
  return Uint8Array.from(parts);
}

const text = (bytes: Uint8Array) => new TextDecoder().decode(bytes);
const ascii = (s: string) => [...s].map((c) => c.charCodeAt(0));

describe('data: LZ4 frames', () => {
  it('decodes literals, overlapping matches, stored blocks and blocks that follow others', () => {
    // "abc" then a match of 9 bytes at offset 3 ("abcabcabc"), then the literals "xyz".
    const block = [0x35, ...ascii('abc'), 3, 0, 0x30, ...ascii('xyz')];
    assert.equal(text(decodeLz4Frame(frame({ bytes: block }))), 'abcabcabcabcxyz');
    assert.equal(text(decodeLz4Frame(frame({ bytes: block }, { bytes: [0x10, ...ascii('!')] }))), 'abcabcabcabcxyz!');
    assert.equal(text(decodeLz4Frame(frame({ bytes: ascii('plain'), stored: true }))), 'plain');
  });

  it('reads long literal and match lengths', () => {
    // 15 + 5 literals, then a match of 4 + 15 + 10 bytes at offset 1.
    const block = [0xff, 5, ...ascii('a'.repeat(20)), 1, 0, 10];
    assert.equal(text(decodeLz4Frame(frame({ bytes: block }))), 'a'.repeat(20 + 29));
  });

  it('throws on truncated or foreign data instead of running past it', () => {
    assert.throws(() => decodeLz4Frame(Uint8Array.from([1, 2, 3, 4, 5, 6, 7, 8])), /not an LZ4 frame/);
    const whole = frame({ bytes: [0x35, ...ascii('abc'), 3, 0, 0x30, ...ascii('xyz')] });
    assert.throws(() => decodeLz4Frame(whole.subarray(0, 12)), /truncated/);
    assert.throws(() => decodeLz4Frame(frame({ bytes: [0x10, ...ascii('a'), 9, 0] })), /refers before its start/);
  });
});
