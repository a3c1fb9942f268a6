/** Short names of quantities often found in column headers, spelled out so they can meet the papers' prose. */
const WORDS: Readonly<Record<string, string>> = {
  acc: 'acceleration',
  accel: 'acceleration',
  aoa: 'angle of attack',
  bh: 'black hole',
  conc: 'concentration',
  dens: 'density',
  dist: 'distance',
  ecc: 'eccentricity',
  freq: 'frequency',
  incl: 'inclination',
  lum: 'luminosity',
  max: 'maximum',
  mbh: 'black hole mass',
  mgas: 'gas mass',
  mhalo: 'halo mass',
  min: 'minimum',
  mom: 'momentum',
  mstar: 'stellar mass',
  mvir: 'halo mass',
  od: 'optical density',
  pop: 'population',
  pos: 'position',
  pt: 'transverse momentum',
  rad: 'radius',
  re: 'reynolds number',
  rh: 'relative humidity',
  rho: 'density',
  rot: 'rotation',
  sfr: 'star formation rate',
  sma: 'semi major axis',
  soc: 'state of charge',
  temp: 'temperature',
  vel: 'velocity',
  vmax: 'maximum velocity',
};

/** Single letters: case matters (T is a temperature, t a time). */
const LETTERS: Readonly<Record<string, string>> = {
  D: 'distance',
  d: 'distance',
  E: 'energy',
  F: 'force',
  L: 'luminosity',
  M: 'mass',
  m: 'mass',
  R: 'radius',
  r: 'radius',
  T: 'temperature',
  t: 'time',
  v: 'velocity',
  z: 'redshift',
};

function lookup(table: Readonly<Record<string, string>>, key: string): string | undefined {
  return Object.hasOwn(table, key) ? table[key] : undefined;
}

/**
 * The spelled-out meaning of an abbreviation in a column name, if it is a common one: `rot` -> rotation,
 * `pT` -> transverse momentum, `T` -> temperature. Single letters are matched with their case.
 */
export function expandAbbreviation(word: string): string | undefined {
  return word.length === 1 ? lookup(LETTERS, word) : lookup(WORDS, word.toLowerCase());
}
