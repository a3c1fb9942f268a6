/** Random access to the bytes of a file, so that readers take only the parts they need. */
export interface ByteSource {
  readonly size: number;
  /** The bytes `[offset, offset + length)`, fewer only at the end of the file. */
  read(offset: number, length: number): Promise<Uint8Array>;
}

/** A source over bytes already in memory. */
export function bytesSource(bytes: Uint8Array): ByteSource {
  return {
    size: bytes.length,
    read: (offset, length) => Promise.resolve(bytes.subarray(offset, Math.min(bytes.length, offset + length))),
  };
}

/** The source's bytes from `offset` on, in pieces of `pieceSize`, read one after the other. */
export async function* pieces(source: ByteSource, pieceSize: number, offset = 0): AsyncGenerator<Uint8Array> {
  for (let at = offset; at < source.size; at += pieceSize) {
    const piece = await source.read(at, Math.min(pieceSize, source.size - at));
    if (piece.length === 0) return;
    yield piece;
  }
}
