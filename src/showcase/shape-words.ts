import type { ShapeKind } from './shape';

export interface ShapeWords {
  /** The shape in a sentence: "formula is {phrase}". */
  readonly phrase: string;
  /** Phrases that name the shape in a paper; any one of them matching is enough. */
  readonly query: readonly string[];
  /** Method tags of data/paper-tags.yml that found formulas of this shape. */
  readonly methods: readonly string[];
}

export const SHAPE_WORDS: Readonly<Record<ShapeKind, ShapeWords>> = {
  linear: { phrase: 'linear', query: ['linear relation'], methods: [] },
  polynomial: { phrase: 'a polynomial', query: ['polynomial fit'], methods: ['parametric fit'] },
  'power law': {
    phrase: 'a power law',
    query: ['power law', 'scaling relation'],
    methods: ['scaling relation', 'power law'],
  },
  'exponential growth': {
    phrase: 'an exponential growth',
    query: ['exponential growth', 'grow exponentially'],
    methods: ['exponential growth', 'growth model'],
  },
  'exponential decay': {
    phrase: 'an exponential decay',
    query: ['exponential decay'],
    methods: ['exponential decay'],
  },
  exponential: {
    phrase: 'an exponential',
    query: ['exponential'],
    methods: ['exponential growth', 'exponential decay'],
  },
  logarithmic: { phrase: 'logarithmic', query: ['logarithmic'], methods: [] },
  oscillation: {
    phrase: 'an oscillation',
    query: ['oscillation', 'periodic', 'dispersion relation'],
    methods: ['dispersion relation'],
  },
  saturating: {
    phrase: 'a saturating curve (Michaelis-Menten-like)',
    query: ['saturating kinetics', 'monod', 'michaelis menten', 'kinetic rate'],
    methods: ['saturating kinetics', 'kinetic rate model', 'growth model'],
  },
  rational: { phrase: 'a rational function', query: ['rational function'], methods: ['saturating kinetics'] },
};
