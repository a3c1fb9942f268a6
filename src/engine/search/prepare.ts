import { chooseScaling, scaleData, scaleOptions, type DataScaling } from '../problem/dataScaling';
import { roundingFloor } from '../evaluation/loss';
import { resolveOptions, type ResolvedOptions, type SearchOptions } from '../options';
import { checkSearchData, type SearchData } from '../problem/searchData';

/** A search as the prepare stage leaves it. */
export interface PreparedSearch {
  /** The data as evolution sees it: scaled by powers of two where it is beyond the safe range of doubles. */
  readonly data: SearchData;
  /** Resolved for the data's rows, and scaled with it. */
  readonly options: ResolvedOptions;
  readonly scaling: DataScaling;
  /** Losses at or below this are rounding noise and count as exact (see `roundingFloor`). */
  readonly floor: number;
}

/**
 * The prepare stage: checks the data and the options (throwing `DataShapeError` or `OptionsError`), and
 * scales data beyond the safe range of doubles by powers of two (see `chooseScaling`).
 */
export function prepareSearch(data: SearchData, options: Partial<SearchOptions>): PreparedSearch {
  checkSearchData(data);
  const resolved = resolveOptions(options, data.y.length);
  const scaling = chooseScaling(data);
  const scaled = scaleData(data, scaling);
  const scaledOptions = scaleOptions(resolved, scaling);
  return { data: scaled, options: scaledOptions, scaling, floor: roundingFloor(scaledOptions.loss, scaled.y, scaledOptions.huberDelta) };
}
