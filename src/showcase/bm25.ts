/** A document as bags of terms per field (title, abstract...). */
export type FieldedDocument = Readonly<Record<string, readonly string[]>>;

export interface Bm25Options {
  /** Term-frequency saturation. */
  readonly k1: number;
  /** Length normalisation, 0 (none) to 1 (full). */
  readonly b: number;
  /** How much one occurrence in each field counts; fields not listed count 1. */
  readonly weights: Readonly<Record<string, number>>;
}

/**
 * BM25F: a term's occurrences are summed over fields with the fields' weights before the usual BM25 saturation and
 * length normalisation, so a word in the title counts like several in the abstract without being counted twice.
 */
export class Bm25Index {
  private readonly frequencies: ReadonlyMap<string, number>[];
  private readonly fields: ReadonlyMap<string, ReadonlySet<string>>[];
  private readonly lengths: readonly number[];
  private readonly documentFrequency = new Map<string, number>();
  private readonly averageLength: number;

  constructor(
    documents: readonly FieldedDocument[],
    private readonly options: Bm25Options,
  ) {
    const weight = (field: string): number => options.weights[field] ?? 1;
    this.frequencies = documents.map((doc) => {
      const tf = new Map<string, number>();
      for (const [field, terms] of Object.entries(doc)) {
        for (const t of terms) tf.set(t, (tf.get(t) ?? 0) + weight(field));
      }
      return tf;
    });
    this.fields = documents.map((doc) => {
      const where = new Map<string, Set<string>>();
      for (const [field, terms] of Object.entries(doc)) {
        for (const t of terms) {
          const set = where.get(t) ?? new Set<string>();
          set.add(field);
          where.set(t, set);
        }
      }
      return where;
    });
    this.lengths = documents.map((doc) =>
      Object.entries(doc).reduce((sum, [field, terms]) => sum + weight(field) * terms.length, 0),
    );
    for (const tf of this.frequencies) {
      for (const t of tf.keys()) this.documentFrequency.set(t, (this.documentFrequency.get(t) ?? 0) + 1);
    }
    this.averageLength = this.lengths.reduce((a, b) => a + b, 0) / Math.max(1, this.lengths.length);
  }

  get size(): number {
    return this.frequencies.length;
  }

  /** Number of documents that contain the term. */
  df(term: string): number {
    return this.documentFrequency.get(term) ?? 0;
  }

  /** The non-negative BM25 inverse document frequency: a term in every document is worth almost nothing. */
  idf(term: string): number {
    const n = this.df(term);
    return Math.log(1 + (this.size - n + 0.5) / (n + 0.5));
  }

  /** A term's contribution to a document's score. */
  termScore(doc: number, term: string): number {
    const tf = this.frequencies[doc]?.get(term) ?? 0;
    if (tf === 0) return 0;
    const { k1, b } = this.options;
    const norm = 1 - b + (b * this.lengths[doc]!) / this.averageLength;
    return (this.idf(term) * tf * (k1 + 1)) / (tf + k1 * norm);
  }

  /** The bound `termScore` approaches as a term fills a document: the most one term can ever contribute. */
  maxTermScore(term: string): number {
    return this.idf(term) * (this.options.k1 + 1);
  }

  /** The fields of a document the term occurs in. */
  fieldsOf(doc: number, term: string): ReadonlySet<string> {
    return this.fields[doc]?.get(term) ?? new Set();
  }
}
