import { pieces, type ByteSource } from './byteSource';
import { checkCancelled } from './columnar';
import { DelimitedReader } from './csv';
import { countChar } from './lines';
import { asDataError, prepare } from './load';
import { TextChunker } from './textChunks';
import type { DataTable, Delimiter, LoadOptions } from './table';

const PIECE = 4 << 20;

function decoderFor(head: Uint8Array): InstanceType<typeof TextDecoder> {
  if (head[0] === 0xff && head[1] === 0xfe) return new TextDecoder('utf-16le');
  if (head[0] === 0xfe && head[1] === 0xff) return new TextDecoder('utf-16be');
  return new TextDecoder('utf-8');
}

/**
 * Reads delimited text from a file's bytes in pieces: each piece is decoded and cut into whole rows, which the
 * reader parses into the numeric columns, so that the text is never held as one string. Stops reading once the
 * rows asked for are read.
 */
export async function readDelimitedStream(
  source: ByteSource,
  options: LoadOptions & { delimiter?: Delimiter },
  pieceSize = PIECE,
): Promise<DataTable> {
  const file = options.fileName;
  try {
    const head = await source.read(0, 4);
    const decoder = decoderFor(head);
    // UTF-16 text takes two bytes a character; the sizes of the columns are estimated from characters.
    const expectedChars = decoder.encoding === 'utf-8' ? source.size : source.size / 2;
    const chunker = new TextChunker();
    let reader: DelimitedReader | undefined;
    let lines = options.lineOffset ?? 0;
    let read = 0;
    const parse = (chunk: string) => {
      if (chunk === '') return;
      if (reader === undefined) {
        const prepared = prepare(chunk, options);
        chunk = prepared.text;
        reader = new DelimitedReader(chunk, {
          fileName: file,
          lineOffset: lines,
          expectedChars,
          ...(options.delimiter ? { delimiter: options.delimiter } : {}),
          ...(options.fallbackHeader ? { fallbackHeader: options.fallbackHeader } : {}),
          ...(options.rows ? { rows: options.rows } : {}),
        });
      }
      reader.feed(chunk, lines);
      lines += countChar(chunk, '\n', 0, chunk.length);
    };
    for await (const piece of pieces(source, pieceSize)) {
      checkCancelled(options.signal, file);
      const text = decoder.decode(piece, { stream: true });
      // Binary data has no line breaks to cut at: it is refused from its first piece.
      if (read === 0) prepare(text.slice(0, 8192), options);
      read += piece.length;
      parse(chunker.push(text));
      options.onProgress?.(read / Math.max(1, source.size));
      if (reader?.done) break;
    }
    if (!reader?.done) parse(chunker.push(decoder.decode()) + chunker.end());
    if (reader === undefined) return new DelimitedReader('', { fileName: file, lineOffset: 0 }).finish();
    return reader.finish();
  } catch (e) {
    throw asDataError(e, file);
  }
}
