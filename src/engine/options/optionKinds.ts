import type { MutationWeights } from './mutationWeights';
import type { WorkerCount } from './workers';

/** The option is a user setting `equationDiscovery.<name>`. */
export interface SettingRole {
  /** Position in the Settings editor. */
  readonly order: number;
  /** Ignored in Restricted Mode when set by the workspace: a workspace could make a search take over the machine. */
  readonly restricted?: boolean;
}

/** The option is a flag of `eqd discover`. */
export interface FlagRole {
  /** Without the leading `--`. */
  readonly flag: string;
}

interface OptionBase<V> {
  readonly default: V;
  /** Short name in summaries and the results view: "Max size". */
  readonly label: string;
  /** Markdown: the setting's description, and as plain text the `eqd --help` line. */
  readonly description: string;
  /** PySR's parameter (or parameters) for the same option, where it has one. */
  readonly pysr?: string | readonly string[];
  readonly setting?: SettingRole;
  readonly cli?: FlagRole;
}

export interface IntegerOption extends OptionBase<number> {
  readonly kind: 'integer';
  readonly min: number;
  readonly max?: number;
  /** `Infinity` is allowed and means no limit. */
  readonly unlimited?: boolean;
}

export interface NumberOption extends OptionBase<number> {
  readonly kind: 'number';
  readonly min: number;
  /** The value must be greater than `min`, not equal to it. */
  readonly exclusiveMin?: boolean;
  readonly max?: number;
  /** `Infinity` is allowed and means no limit. */
  readonly unlimited?: boolean;
  readonly unit?: 'seconds';
}

export interface BooleanOption extends OptionBase<boolean> {
  readonly kind: 'boolean';
}

export interface Choice<T extends string> {
  readonly value: T;
  /** Short name in summaries: MSE. */
  readonly label: string;
  readonly description: string;
}

export interface ChoiceOption<T extends string = string> extends OptionBase<T> {
  readonly kind: 'choice';
  readonly choices: readonly Choice<T>[];
}

/** Operator names, binary and unary mixed. */
export interface OperatorsOption extends OptionBase<string[]> {
  readonly kind: 'operators';
}

/** On, off, or decided from the data. */
export interface SwitchOption extends OptionBase<boolean | 'auto'> {
  readonly kind: 'switch';
}

export interface WeightsOption extends OptionBase<MutationWeights> {
  readonly kind: 'weights';
}

export interface WorkersOption extends OptionBase<WorkerCount> {
  readonly kind: 'workers';
  /** The most a setting declares; a larger request is lowered to the machine's cores rather than refused. */
  readonly max: number;
  /** What `auto` gives, completing "`auto` uses ...". */
  readonly autoMeans: string;
}

export type OptionSpec =
  | IntegerOption
  | NumberOption
  | BooleanOption
  | ChoiceOption
  | OperatorsOption
  | SwitchOption
  | WeightsOption
  | WorkersOption;

export type OptionKind = OptionSpec['kind'];

/** The type of an option's values. */
export type ValueOf<S> = S extends OptionBase<infer V> ? V : never;

type WithoutKind<S> = Omit<S, 'kind'>;

export const integer = (spec: WithoutKind<IntegerOption>): IntegerOption => ({ kind: 'integer', ...spec });
export const number = (spec: WithoutKind<NumberOption>): NumberOption => ({ kind: 'number', ...spec });
export const probability = (spec: WithoutKind<Omit<NumberOption, 'min' | 'max'>>): NumberOption => ({
  kind: 'number',
  min: 0,
  max: 1,
  ...spec,
});
export const boolean = (spec: WithoutKind<BooleanOption>): BooleanOption => ({ kind: 'boolean', ...spec });
export const choice = <T extends string>(spec: WithoutKind<ChoiceOption<T>>): ChoiceOption<T> => ({ kind: 'choice', ...spec });
export const operators = (spec: WithoutKind<OperatorsOption>): OperatorsOption => ({ kind: 'operators', ...spec });
export const onOffAuto = (spec: WithoutKind<SwitchOption>): SwitchOption => ({ kind: 'switch', ...spec });
export const weights = (spec: WithoutKind<WeightsOption>): WeightsOption => ({ kind: 'weights', ...spec });
export const workers = (spec: WithoutKind<WorkersOption>): WorkersOption => ({ kind: 'workers', ...spec });
