// The LZ4 frame format (lz4.org, "LZ4 Frame Format Description" 1.6.x), which Arrow IPC uses for compressed
// bodies. hyparquet-compressors decodes LZ4 blocks of a known size only, and no maintained npm package
// decodes frames without native code, so the frame layer (a few headers around blocks) is read here.

const FRAME_MAGIC = 0x184d2204;
const SKIPPABLE_MASK = 0xfffffff0;
const SKIPPABLE_MAGIC = 0x184d2a50;

function u32(b: Uint8Array, at: number): number {
  if (at + 4 > b.length) throw new Error('LZ4 frame is truncated');
  return (b[at]! | (b[at + 1]! << 8) | (b[at + 2]! << 16) | (b[at + 3]! << 24)) >>> 0;
}

/** A growable byte buffer; blocks may copy from what earlier blocks wrote (linked blocks). */
class Output {
  bytes = new Uint8Array(1 << 16);
  length = 0;

  reserve(extra: number): void {
    if (this.length + extra <= this.bytes.length) return;
    const bigger = new Uint8Array(Math.max(this.length + extra, this.bytes.length * 2));
    bigger.set(this.bytes.subarray(0, this.length));
    this.bytes = bigger;
  }
}

/** Decodes one LZ4 block (the sequence format) onto the end of `out`. */
function decodeLz4Block(src: Uint8Array, out: Output): void {
  let i = 0;
  while (i < src.length) {
    const token = src[i++]!;
    let literals = token >>> 4;
    if (literals === 15) {
      let b: number;
      do {
        if (i >= src.length) throw new Error('LZ4 block is truncated');
        b = src[i++]!;
        literals += b;
      } while (b === 255);
    }
    if (i + literals > src.length) throw new Error('LZ4 block is truncated');
    out.reserve(literals);
    out.bytes.set(src.subarray(i, i + literals), out.length);
    out.length += literals;
    i += literals;
    if (i >= src.length) return;
    if (i + 2 > src.length) throw new Error('LZ4 block is truncated');
    const offset = src[i]! | (src[i + 1]! << 8);
    i += 2;
    if (offset === 0 || offset > out.length) throw new Error('LZ4 block refers before its start');
    let match = (token & 15) + 4;
    if ((token & 15) === 15) {
      let b: number;
      do {
        if (i >= src.length) throw new Error('LZ4 block is truncated');
        b = src[i++]!;
        match += b;
      } while (b === 255);
    }
    out.reserve(match);
    const bytes = out.bytes;
    let from = out.length - offset;
    // Byte by byte: a match may overlap the bytes it produces.
    for (let k = 0; k < match; k++) bytes[out.length++] = bytes[from++]!;
  }
}

/** Decodes the concatenated LZ4 frames of `src` (skippable frames are skipped). */
export function decodeLz4Frame(src: Uint8Array): Uint8Array {
  const out = new Output();
  let p = 0;
  while (p < src.length) {
    const magic = u32(src, p);
    if ((magic & SKIPPABLE_MASK) >>> 0 === SKIPPABLE_MAGIC) {
      p += 8 + u32(src, p + 4);
      continue;
    }
    if (magic !== FRAME_MAGIC) throw new Error('not an LZ4 frame');
    if (p + 7 > src.length) throw new Error('LZ4 frame is truncated');
    const flags = src[p + 4]!;
    if (flags >>> 6 !== 1) throw new Error('unknown LZ4 frame version');
    const blockChecksum = (flags & 0x10) !== 0;
    const contentSize = (flags & 0x08) !== 0;
    const contentChecksum = (flags & 0x04) !== 0;
    const dictionary = (flags & 0x01) !== 0;
    p += 6 + (contentSize ? 8 : 0) + (dictionary ? 4 : 0) + 1;
    for (;;) {
      const size = u32(src, p);
      p += 4;
      if (size === 0) break;
      const length = size & 0x7fffffff;
      if (p + length > src.length) throw new Error('LZ4 frame is truncated');
      const block = src.subarray(p, p + length);
      if (size & 0x80000000) {
        out.reserve(length);
        out.bytes.set(block, out.length);
        out.length += length;
      } else {
        decodeLz4Block(block, out);
      }
      p += length + (blockChecksum ? 4 : 0);
    }
    p += contentChecksum ? 4 : 0;
  }
  return out.bytes.subarray(0, out.length);
}
