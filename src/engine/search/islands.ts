import { ComplexityFrequencies } from './adaptiveParsimony';
import { countConstants, size, type Expr } from '../expressions/expression';
import { formulaOf, type Formula } from './formula';
import { HallOfFame, type FameEntry } from './hallOfFame';
import type { ResolvedOptions } from '../options';
import { makeMember, reborn, Population, type Member } from './population';
import { Random } from '../random';
import { randomTree } from './randomTree';
import { evolutionCycle, type EvolutionContext } from './regularizedEvolution';
import { Scorer } from '../evaluation/scorer';
import type { SearchData } from '../problem/searchData';
import { simplify } from '../expressions/simplification';

/** Size of the random trees islands start from (SymbolicRegression.jl starts from 3-node trees). */
const INITIAL_TREE_SIZE = 3;

/**
 * Most of an island that seeds take: enough for each island to breed from a few, while the rest of it
 * stays random, so that a misleading seed does not take over every population.
 */
const SEED_SHARE = 0.25;

/**
 * The islands one thread evolves, with their own hall of fame. A single-threaded search runs one group
 * with every island; a parallel search runs one group per worker and exchanges migrants between them.
 */
export class IslandGroup {
  readonly hallOfFame: HallOfFame;
  readonly frequencies: ComplexityFrequencies;
  readonly scorer: Scorer;
  private readonly islands: Population[];
  private readonly rng: Random;
  private readonly context: EvolutionContext;
  /** Formulas offered by other threads' islands and the global hall of fame. */
  private externalMigrants: Formula[] = [];
  private externalFame: Formula[] = [];
  iterations = 0;
  /** Where the current iteration stands: the island being evolved and its next cycle. */
  private cursor = { island: 0, cycle: 0 };
  /** Losses of hall-of-fame entries on the current mini-batch. */
  private readonly batchLosses = new WeakMap<FameEntry, { batchId: number; loss: number }>();

  constructor(
    data: SearchData,
    readonly options: ResolvedOptions,
    islandCount: number,
    seed: number,
  ) {
    this.rng = new Random(seed);
    this.scorer = new Scorer(data, options, this.rng.fork());
    this.hallOfFame = new HallOfFame(options.maxSize);
    this.frequencies = new ComplexityFrequencies(options.maxSize);
    const vocabulary = {
      binaryOperators: options.binaryOperators,
      unaryOperators: options.unaryOperators,
      features: data.X.length,
    };
    this.context = {
      rng: this.rng,
      options,
      scorer: this.scorer,
      vocabulary,
      frequencies: this.frequencies,
      onCandidate: (member) => this.considerForFame(member),
    };
    this.islands = Array.from({ length: islandCount }, () => {
      const members = Array.from({ length: options.populationSize }, () => {
        const expr = randomTree(this.rng, vocabulary, INITIAL_TREE_SIZE);
        const loss = this.scorer.searchLoss(expr);
        return makeMember(expr, loss, this.scorer.cost(loss, size(expr)));
      });
      return new Population(members);
    });
  }

  /**
   * Takes in formulas found before evolution (the structure analyses): every one into the hall of fame, and
   * a few into each island in place of random members, dealt out in turn so that different islands breed
   * from different seeds when there are many. Losses are recomputed here, as every candidate's are.
   */
  seed(formulas: readonly Formula[]): void {
    if (formulas.length === 0) return;
    const { scorer } = this;
    for (const f of formulas) this.hallOfFame.consider({ expr: f.expr, complexity: size(f.expr), loss: scorer.fullLoss(f.expr) });
    const perIsland = Math.min(formulas.length, Math.max(1, Math.floor(SEED_SHARE * this.options.populationSize)));
    this.islands.forEach((population, i) => {
      for (let j = 0; j < perIsland; j++) {
        const { expr } = formulas[(i * perIsland + j) % formulas.length]!;
        const loss = scorer.searchLoss(expr);
        if (Number.isFinite(loss)) population.members[j] = makeMember(expr, loss, scorer.cost(loss, size(expr)));
      }
    });
  }

  /** Whole-data evaluations so far. */
  get evaluations(): number {
    return this.scorer.evaluations;
  }

  /**
   * Continues the current iteration: each island in turn runs `cyclesPerIteration` evolution cycles, then
   * has its members simplified and constant-optimised, feeds the hall of fame and takes in migrants.
   * `shouldStop` is polled between cycles; a stopped iteration resumes where it left off on the next call.
   * Returns true when the iteration was completed.
   */
  iterate(shouldStop: () => boolean): boolean {
    const { options } = this;
    const cycles = options.cyclesPerIteration;
    while (this.cursor.island < this.islands.length) {
      const population = this.islands[this.cursor.island]!;
      if (this.cursor.cycle === 0 && this.scorer.batching) this.rescoreOnNewBatch(population);
      while (this.cursor.cycle < cycles) {
        if (shouldStop()) return false;
        const temperature = options.annealing ? 1 - this.cursor.cycle / Math.max(cycles - 1, 1) : 1;
        evolutionCycle(this.context, population, temperature);
        this.cursor.cycle++;
      }
      this.optimizeAndSimplify(population);
      this.migrate(population, this.cursor.island);
      this.frequencies.normalize();
      this.cursor = { island: this.cursor.island + 1, cycle: 0 };
    }
    this.cursor = { island: 0, cycle: 0 };
    this.iterations++;
    return true;
  }

  /** A new mini-batch for this island's iteration, with its members' losses on it. */
  private rescoreOnNewBatch(population: Population): void {
    this.scorer.refreshBatch();
    population.members.forEach((m, i) => {
      const loss = this.scorer.searchLoss(m.expr);
      population.members[i] = { ...m, loss, cost: this.scorer.cost(loss, m.complexity) };
    });
  }

  /**
   * Offers a freshly scored candidate to the hall of fame. Without batching its loss is on all rows already.
   * With batching, it is compared on the current batch with the entry of its complexity, and only a
   * candidate that wins there is evaluated on all rows.
   */
  private considerForFame(member: Member): void {
    if (!this.scorer.batching) {
      if (this.scorer.linearScaling) this.offerToFame(member.expr);
      else this.hallOfFame.consider(member);
      return;
    }
    const incumbent = this.hallOfFame.at(member.complexity);
    if (incumbent) {
      let memo = this.batchLosses.get(incumbent);
      if (!memo || memo.batchId !== this.scorer.batchId) {
        memo = { batchId: this.scorer.batchId, loss: this.scorer.searchLoss(incumbent.expr) };
        this.batchLosses.set(incumbent, memo);
      }
      if (!(member.loss < memo.loss)) return;
    }
    if (this.scorer.linearScaling) this.offerToFame(member.expr);
    else this.hallOfFame.consider({ expr: member.expr, complexity: member.complexity, loss: this.scorer.fullLoss(member.expr) });
  }

  /** Offers the hall of fame the formulas `expr` gives it with linear scaling (see `Scorer.fameOffers`). */
  private offerToFame(expr: Expr): void {
    const fame = this.hallOfFame;
    const wanted = (complexity: number, loss: number): boolean => {
      if (complexity < 1 || complexity > fame.maxSize) return false;
      const incumbent = fame.at(complexity);
      return !incumbent || loss < incumbent.loss;
    };
    for (const offer of this.scorer.fameOffers(expr, wanted)) fame.consider(offer);
  }

  private optimizeAndSimplify(population: Population): void {
    const { options, scorer } = this;
    for (let i = 0; i < population.members.length; i++) {
      const member = population.members[i]!;
      let expr = simplify(member.expr, this.context.vocabulary);
      let loss: number | undefined = expr === member.expr ? member.loss : undefined;
      if (countConstants(expr) > 0 && this.rng.next() < options.optimizerProbability) {
        const fit = scorer.fitConstants(expr, options.optimizerIterations, options.optimizerRestarts);
        expr = fit.expr;
        loss = fit.loss;
      }
      if (scorer.linearScaling) {
        const changed = loss === undefined || expr !== member.expr || loss !== member.loss;
        loss ??= scorer.searchLoss(expr);
        // Without batching an unchanged member was offered when it was scored.
        if (scorer.batching || changed) this.offerToFame(expr);
      } else if (scorer.batching) {
        const full = scorer.fullLoss(expr);
        this.hallOfFame.consider({ expr, complexity: size(expr), loss: full });
        loss = full;
      } else {
        loss ??= scorer.searchLoss(expr);
        this.hallOfFame.consider({ expr, complexity: size(expr), loss });
      }
      if (expr !== member.expr || loss !== member.loss) {
        population.members[i] = { ...member, expr, complexity: size(expr), loss, cost: scorer.cost(loss, size(expr)) };
      }
    }
  }

  /** The best members of every island, offered to other islands and threads. */
  bestMigrants(): Formula[] {
    return this.islands.flatMap((p) => p.best(this.options.topN)).map(formulaOf);
  }

  /** Formulas from elsewhere that migration may bring into this group's islands. */
  receiveMigrants(migrants: Formula[], fame: Formula[]): void {
    this.externalMigrants = migrants;
    this.externalFame = fame;
    for (const m of fame) this.hallOfFame.consider({ expr: m.expr, complexity: size(m.expr), loss: m.loss });
  }

  private migrate(population: Population, index: number): void {
    const { options } = this;
    const local = this.islands.filter((_, i) => i !== index).flatMap((p) => p.best(options.topN));
    const pool: Member[] = [
      ...local.map((m) => reborn(m)),
      ...this.externalMigrants.map((m) => this.asMember(m)),
    ];
    this.replaceRandom(population, pool, options.fractionReplaced);
    const fame = [...this.hallOfFame.front(), ...this.externalFame].map((m) => this.asMember(m));
    this.replaceRandom(population, fame, options.fractionReplacedHof);
  }

  private asMember(m: Formula): Member {
    return makeMember(m.expr, m.loss, this.scorer.cost(m.loss, size(m.expr)));
  }

  /** Replaces about `fraction` of the population (stochastically rounded) by random picks from `pool`. */
  private replaceRandom(population: Population, pool: Member[], fraction: number): void {
    if (pool.length === 0 || fraction <= 0) return;
    const expected = fraction * population.size;
    let count = Math.floor(expected);
    if (this.rng.next() < expected - count) count++;
    for (let i = 0; i < count; i++) {
      population.members[this.rng.int(population.size)] = reborn(this.rng.pick(pool));
    }
  }
}
