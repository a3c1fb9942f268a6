import { binary, constant, feature, type Expr } from '../../../src/engine/expressions/expression';
import type { RelatedQuery } from '../../../src/showcase/types';

/** a * x^b over the first column. */
export const POWER_LAW: Expr = binary('*', constant(2), binary('^', feature(0), constant(0.7)));
/** a x / (b + x), Michaelis-Menten, over the first column. */
export const SATURATING: Expr = binary('/', binary('*', constant(2), feature(0)), binary('+', constant(3), feature(0)));

export interface Case {
  readonly name: string;
  readonly query: RelatedQuery;
  /** Id of the paper that must come first. */
  readonly first: string;
}

/** Hand-made runs whose right answer is clear from the abstracts. */
export const RELEVANT: readonly Case[] = [
  {
    name: 'HI mass against halo mass and environment',
    query: { columns: ['halo_mass', 'HI_mass', 'environment'] },
    first: 'modeling-assembly-bias-with-machine-learning',
  },
  {
    name: 'planet positions and velocities',
    query: { description: 'planet positions and velocities' },
    first: 'rediscovering-orbital-mechanics-with-machine-learning',
  },
  {
    name: 'dark energy w(z) against redshift',
    query: { columns: ['redshift', 'w'], description: 'dark energy equation of state' },
    first: 'symbolic-regression-analysis-of-dynamical-dark',
  },
  {
    name: 'microbial growth curve with a saturating formula',
    query: { columns: ['time', 'OD600'], description: 'bacterial growth in batch culture', formula: SATURATING },
    first: 'discovering-data-driven-microbial-growth-models',
  },
  {
    name: 'a long description of a growth experiment',
    query: {
      description:
        'We measured the optical density of bacterial cultures over time in batch experiments with different ' +
        'nutrient concentrations and want a growth law',
    },
    first: 'discovering-data-driven-microbial-growth-models',
  },
  {
    name: 'human mobility flows between places',
    query: { columns: ['origin_population', 'destination_population', 'distance', 'flow'] },
    first: 'distilling-human-mobility-models-with-symbolic',
  },
  {
    name: 'wind turbine yaw',
    query: { columns: ['yaw_angle', 'thrust_coefficient', 'induced_velocity'] },
    first: 'an-engineering-model-for-static-yawed',
  },
  {
    name: 'black hole mass from pitch angle and rotation, a power law',
    query: { columns: ['M_bh', 'pitch_angle', 'v_max'], formula: POWER_LAW },
    first: 'discovery-of-a-planar-black-hole',
  },
  {
    name: 'implied volatility',
    query: { description: 'implied volatility of options versus log-moneyness and maturity' },
    first: 'discovering-parametrizations-of-implied-volatility-with',
  },
  {
    name: 'cloud cover from humidity, temperature and pressure',
    query: { columns: ['relative_humidity', 'temperature', 'pressure', 'cloud_cover'] },
    first: 'data-driven-equation-discovery-of-a',
  },
  {
    name: 'trade between countries',
    query: { columns: ['exports', 'gdp_origin', 'gdp_destination', 'distance'] },
    first: 'machine-learning-the-gravity-equation-for',
  },
  {
    name: 'battery state',
    query: { columns: ['voltage', 'current', 'SOC', 'temperature'] },
    first: 'symbolic-regression-for-state-estimation-of',
  },
  {
    name: 'jet background from pT, multiplicity and area',
    query: { columns: ['jet_pT', 'multiplicity', 'area'] },
    first: 'interpretable-machine-learning-methods-applied-to',
  },
  {
    name: 'skin friction of wings',
    query: { columns: ['Re', 'angle_of_attack', 'Cf'] },
    first: 'data-driven-skin-friction-estimation-for',
  },
  {
    name: 'a wide weather table, most of it bookkeeping',
    query: {
      columns: [
        'date',
        'station_id',
        'latitude',
        'longitude',
        'relative_humidity',
        'temperature',
        'pressure',
        'cloud_cover',
        'wind_speed',
        'precipitation',
      ],
    },
    first: 'data-driven-equation-discovery-of-a',
  },
  {
    name: 'polyhedra',
    query: { columns: ['vertices', 'edges', 'faces'] },
    first: 'discovering-mathematical-concepts-through-a-multi',
  },
  {
    name: 'chaotic stars around the Galactic centre black hole',
    query: {
      columns: ['eccentricity', 'separation'],
      description: 'N-body orbits of stars around the black hole in the galactic centre',
    },
    first: 'individual-chaotic-behaviour-of-the-s',
  },
];

/** Runs no paper of the showcase is about. */
export const UNRELATED: ReadonlyArray<{ readonly name: string; readonly query: RelatedQuery }> = [
  { name: 'invoice total, tax (columns)', query: { columns: ['invoice total', 'tax'] } },
  { name: 'invoice total, tax (description)', query: { description: 'invoice total, tax' } },
  { name: 'customers', query: { columns: ['customer_age', 'purchase_amount'] } },
  { name: 'cat photos', query: { description: 'pixel brightness of my cat photos' } },
  { name: 'ice cream sales', query: { columns: ['temperature', 'ice_cream_sales'] } },
  { name: 'fuel consumption', query: { columns: ['speed', 'fuel_consumption'] } },
  { name: 'salaries', query: { columns: ['salary', 'years_of_experience'] } },
  { name: 'bare x and y with a power law', query: { columns: ['x', 'y'], formula: POWER_LAW } },
  { name: 'single letters only', query: { columns: ['logP', 'M'] } },
  { name: 'a formula and nothing else', query: { formula: POWER_LAW } },
  {
    name: 'a wide sales table',
    query: { columns: ['date', 'store', 'region', 'product', 'units', 'price', 'discount', 'revenue', 'returns'] },
  },
];
