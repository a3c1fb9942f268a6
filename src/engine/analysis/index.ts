export { analyseStructure, type StructureAnalysisOptions } from './structureAnalysis';
export { powerLawCandidates, type PowerLawCandidate } from './powerLaw';
export { sparseRegressionCandidates, type SparseRegressionCandidate, type SparseRegressionSettings } from './sparseRegression';
export type { AnalysisSettings, CandidateSource, LossSpec, OperatorVocabulary, StructureCandidate } from './types';
