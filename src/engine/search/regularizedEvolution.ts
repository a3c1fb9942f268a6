import type { ComplexityFrequencies } from './adaptiveParsimony';
import { crossover } from './crossover';
import { depth, size, type Expr } from '../expressions/expression';
import { conditionWeights, STRUCTURAL_MUTATIONS, type MutationName } from './mutation';
import { DEFAULT_MUTATION_WEIGHTS, type ResolvedOptions } from '../options';
import { makeMember, reborn, type Member, type Population } from './population';
import type { Random } from '../random';
import type { TreeVocabulary } from './randomTree';
import type { Scorer } from '../evaluation/scorer';
import { simplify, type SimplifyVocabulary } from '../expressions/simplification';

export interface EvolutionContext {
  readonly rng: Random;
  readonly options: ResolvedOptions;
  readonly scorer: Scorer;
  readonly vocabulary: TreeVocabulary & SimplifyVocabulary;
  readonly frequencies: ComplexityFrequencies;
  /** Every newly scored candidate, so the hall of fame sees good formulas as soon as they appear. */
  readonly onCandidate: (member: Member) => void;
}

/** Every mutation, in the order of the weights' fields: the order random draws map to. */
const MUTATION_NAMES = Object.keys(DEFAULT_MUTATION_WEIGHTS) as MutationName[];

const MAX_ATTEMPTS = 10;

function fitsLimits(e: Expr, options: ResolvedOptions): boolean {
  return size(e) <= options.maxSize && depth(e) <= options.maxDepth;
}

function score(ctx: EvolutionContext, expr: Expr, loss?: number): Member {
  const l = loss ?? ctx.scorer.searchLoss(expr);
  const member = makeMember(expr, l, ctx.scorer.cost(l, size(expr)));
  if (Number.isFinite(l)) ctx.onCandidate(member);
  return member;
}

/**
 * A mutated child of `parent` (SymbolicRegression.jl's `next_generation`). Invalid or rejected children are
 * replaced by a copy of the parent, which still takes the place of the oldest member.
 */
function nextGeneration(ctx: EvolutionContext, parent: Member, temperature: number): Member {
  const { rng, options } = ctx;
  const weights = conditionWeights(
    options.mutationWeights,
    parent.expr,
    parent.complexity,
    options.maxSize,
    ctx.vocabulary.features,
  );
  const weightList = MUTATION_NAMES.map((name) => weights[name]);
  const mutationContext = {
    rng,
    vocabulary: ctx.vocabulary,
    temperature,
    perturbationFactor: options.perturbationFactor,
    probabilityNegateConstant: options.probabilityNegateConstant,
    maxSize: options.maxSize,
  };

  let child: Expr | null = null;
  for (let attempt = 0; attempt < MAX_ATTEMPTS && child === null; attempt++) {
    const mutation = MUTATION_NAMES[rng.weighted(weightList)]!;
    switch (mutation) {
      case 'doNothing':
        return reborn(parent);
      case 'simplify':
        return score(ctx, simplify(parent.expr, ctx.vocabulary));
      case 'optimize': {
        const fit = ctx.scorer.fitConstants(parent.expr, options.optimizerIterations, 0);
        return score(ctx, fit.expr, fit.loss);
      }
      default: {
        const candidate = STRUCTURAL_MUTATIONS[mutation](parent.expr, mutationContext);
        if (candidate !== parent.expr && fitsLimits(candidate, options)) child = candidate;
      }
    }
  }
  if (child === null) return reborn(parent);

  const baby = score(ctx, child);
  if (!Number.isFinite(baby.loss)) return reborn(parent);

  let acceptance = 1;
  if (options.annealing) {
    const delta = baby.cost - parent.cost;
    acceptance *= Math.exp(-delta / (Math.max(temperature, 1e-12) * options.alpha));
  }
  if (options.adaptiveParsimonyScaling > 0) {
    acceptance *= ctx.frequencies.frequency(parent.complexity) / ctx.frequencies.frequency(baby.complexity);
  }
  if (acceptance < rng.next()) return reborn(parent);
  return baby;
}

/** Two children of two parents by subtree crossover; parents' copies when no valid pair turns up. */
function crossoverGeneration(ctx: EvolutionContext, a: Member, b: Member): [Member, Member] {
  for (let attempt = 0; attempt < MAX_ATTEMPTS; attempt++) {
    const [x, y] = crossover(ctx.rng, a.expr, b.expr);
    if (fitsLimits(x, ctx.options) && fitsLimits(y, ctx.options)) {
      const cx = score(ctx, x);
      const cy = score(ctx, y);
      return [Number.isFinite(cx.loss) ? cx : reborn(a), Number.isFinite(cy.loss) ? cy : reborn(b)];
    }
  }
  return [reborn(a), reborn(b)];
}

/**
 * One cycle of regularized evolution on an island: about population-size / tournament-size children, each
 * from a tournament winner, each replacing the oldest member (crossover replaces the two oldest).
 */
export function evolutionCycle(ctx: EvolutionContext, population: Population, temperature: number): void {
  const { rng, options } = ctx;
  const rounds = Math.ceil(population.size / options.tournamentSize);
  const select = (): Member =>
    population.tournament(
      rng,
      options.tournamentSize,
      options.tournamentProbability,
      ctx.frequencies,
      options.adaptiveParsimonyScaling,
    );
  for (let round = 0; round < rounds; round++) {
    if (rng.next() >= options.crossoverProbability) {
      const baby = nextGeneration(ctx, select(), temperature);
      population.members[population.indexOfOldest()] = baby;
      ctx.frequencies.record(baby.complexity);
    } else {
      const [x, y] = crossoverGeneration(ctx, select(), select());
      const first = population.indexOfOldest();
      population.members[first] = x;
      population.members[population.indexOfOldestExcept(first)] = y;
      ctx.frequencies.record(x.complexity);
      ctx.frequencies.record(y.complexity);
    }
  }
}
