/** The numbers a search explains: feature columns, the target, optional row weights. */
export interface SearchData {
  readonly X: readonly Float64Array[];
  readonly y: Float64Array;
  readonly weights?: Float64Array;
}

export class DataShapeError extends Error {
  override readonly name = 'DataShapeError';
}

/** Checks that columns line up and hold only finite numbers; the loader reports friendlier errors earlier. */
export function checkSearchData(data: SearchData): void {
  const n = data.y.length;
  if (data.X.length === 0) throw new DataShapeError('no feature columns');
  if (n === 0) throw new DataShapeError('no rows');
  data.X.forEach((column, j) => {
    if (column.length !== n) throw new DataShapeError(`feature ${j} has ${column.length} rows, the target ${n}`);
    for (let i = 0; i < n; i++) {
      if (!Number.isFinite(column[i]!)) throw new DataShapeError(`feature ${j}, row ${i + 1} is not a finite number`);
    }
  });
  for (let i = 0; i < n; i++) {
    if (!Number.isFinite(data.y[i]!)) throw new DataShapeError(`target row ${i + 1} is not a finite number`);
  }
  if (data.weights) {
    if (data.weights.length !== n) throw new DataShapeError(`weights have ${data.weights.length} rows, the target ${n}`);
    let total = 0;
    for (const w of data.weights) {
      if (!(w >= 0) || !Number.isFinite(w)) throw new DataShapeError('weights must be finite and non-negative');
      total += w;
    }
    if (total === 0) throw new DataShapeError('weights are all zero');
  }
}

/** The rows at `indices`, as a new data set. */
export function selectRows(data: SearchData, indices: ArrayLike<number>): SearchData {
  const pick = (column: Float64Array): Float64Array => {
    const out = new Float64Array(indices.length);
    for (let i = 0; i < indices.length; i++) out[i] = column[indices[i]!]!;
    return out;
  };
  return {
    X: data.X.map(pick),
    y: pick(data.y),
    ...(data.weights ? { weights: pick(data.weights) } : {}),
  };
}
