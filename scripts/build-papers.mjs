// Builds data/papers.json, the research showcase, from data/papers.yml (the PySR project's list of papers) and
// data/paper-tags.yml (our curated field, methods and keywords per paper).
// Usage: node scripts/build-papers.mjs [--papers FILE] [--tags FILE] [--out FILE]
import { readFileSync, writeFileSync } from 'node:fs';
import { relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse } from 'yaml';

const root = fileURLToPath(new URL('..', import.meta.url));

function option(name, fallback) {
  const i = process.argv.indexOf(name);
  if (i < 0) return fallback;
  const value = process.argv[i + 1];
  if (value === undefined || value.startsWith('--')) fail([`${name} needs a value`]);
  return value;
}

function fail(problems) {
  console.error(`build-papers: ${problems.length} problem(s):\n${problems.map((p) => `  - ${p}`).join('\n')}`);
  process.exit(1);
}

const papersPath = option('--papers', `${root}data/papers.yml`);
const tagsPath = option('--tags', `${root}data/paper-tags.yml`);
const outPath = option('--out', `${root}data/papers.json`);

const source = parse(readFileSync(papersPath, 'utf8'));
const curated = parse(readFileSync(tagsPath, 'utf8'));

const GREEK = {
  alpha: 'α', beta: 'β', gamma: 'γ', delta: 'δ', epsilon: 'ε', eta: 'η', theta: 'θ', kappa: 'κ', lambda: 'λ',
  mu: 'μ', nu: 'ν', pi: 'π', rho: 'ρ', sigma: 'σ', tau: 'τ', phi: 'φ', chi: 'χ', psi: 'ψ', omega: 'ω',
  Gamma: 'Γ', Delta: 'Δ', Theta: 'Θ', Lambda: 'Λ', Sigma: 'Σ', Phi: 'Φ', Psi: 'Ψ', Omega: 'Ω',
};
const SYMBOLS = {
  odot: '⊙', ast: '*', bullet: '•', propto: '∝', equiv: '≡', sim: '~', approx: '≈', leq: '≤', geq: '≥',
  le: '≤', ge: '≥', rightarrow: '→', to: '→', times: '×', cdot: '·', infty: '∞', langle: '⟨', rangle: '⟩',
  pm: '±',
};
const DROPPED = new Set(['left', 'right', 'displaystyle', ',', ';', '!']);
const TEXT_FONTS = /\\(?:mathrm|text|textrm|mathit|mathbf|mathcal|operatorname)\s*\{([^{}]*)\}/g;

/** Plain text of one math segment (without its dollars), for tooltips and search. */
function plainMath(math) {
  let s = math.replace(TEXT_FONTS, '$1').replace(/\\rm\s+/g, '');
  s = s.replace(/\\([A-Za-z]+|[,;!])/g, (_, name) => {
    if (DROPPED.has(name)) return '';
    return GREEK[name] ?? SYMBOLS[name] ?? name;
  });
  // Braced scripts: one symbol stays bare (M_⊙), more get parentheses for exponents (10^(14)) and not for labels.
  s = s.replace(/\^\{([^{}]*)\}/g, (_, x) => ([...x].length === 1 ? `^${x}` : `^(${x})`));
  s = s.replace(/_\{([^{}]*)\}/g, '_$1');
  return s.replace(/[{}]/g, '').replace(/\s+/g, ' ').trim();
}

/** The text with LaTeX math replaced by readable plain text. */
function plainText(text) {
  return text.replace(/\$([^$]*)\$/g, (_, math) => plainMath(math)).replace(/\s+/g, ' ').trim();
}

const AFFILIATION_MARKER = /\s*\(\s*\d+(?:\s*,\s*\d+)*\s*\)\s*$/;

function slug(title, taken) {
  const words = title
    .replace(/^\([^)]*\)\s*/, '')
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .split(/[^a-z0-9]+/)
    .filter((w) => w.length > 0);
  let id = words.slice(0, 6).join('-');
  for (let n = 2; taken.has(id); n++) id = `${words.slice(0, 6).join('-')}-${n}`;
  taken.add(id);
  return id;
}

const problems = [];
const fields = new Set(curated?.fields ?? []);
const methods = new Set(curated?.methods ?? []);
const tags = curated?.tags ?? {};
if (fields.size === 0) problems.push(`${tagsPath}: no "fields" list`);
if (methods.size === 0) problems.push(`${tagsPath}: no "methods" list`);
if (!Array.isArray(source?.papers)) fail([`${papersPath}: no "papers" list`]);

const links = new Set();
const ids = new Set();
const papers = [];
for (const [index, p] of source.papers.entries()) {
  const where = `paper ${index + 1} (${p.title ?? 'untitled'})`;
  for (const key of ['title', 'authors', 'link', 'abstract', 'date']) {
    if (p[key] === undefined || p[key] === null) problems.push(`${where}: missing ${key}`);
  }
  if (links.has(p.link)) problems.push(`${where}: duplicate link ${p.link}`);
  links.add(p.link);
  const tag = tags[p.link];
  if (tag === undefined) {
    problems.push(`${where}: no entry in ${relative(root, tagsPath)} for ${p.link}`);
    continue;
  }
  if (!fields.has(tag.field)) problems.push(`${where}: field "${tag.field}" is not one of the listed fields`);
  if (!Array.isArray(tag.methods) || tag.methods.length === 0) problems.push(`${where}: no methods`);
  for (const m of tag.methods ?? []) if (!methods.has(m)) problems.push(`${where}: method "${m}" is not listed`);
  if (!Array.isArray(tag.keywords) || tag.keywords.length === 0) problems.push(`${where}: no keywords`);

  const date = String(p.date);
  if (!/^\d{4}-\d{2}-\d{2}$/.test(date)) problems.push(`${where}: date "${date}" is not YYYY-MM-DD`);
  const affiliationEntries = Object.entries(p.affiliations ?? {}).sort(([a], [b]) => Number(a) - Number(b));
  papers.push({
    id: slug(String(p.title), ids),
    title: String(p.title),
    authors: (p.authors ?? []).map((a) => String(a).replace(AFFILIATION_MARKER, '').trim()),
    affiliations: affiliationEntries.map(([, name]) => String(name).trim()),
    link: String(p.link),
    abstract: String(p.abstract).trim(),
    abstractText: plainText(String(p.abstract)),
    date,
    year: Number(date.slice(0, 4)),
    field: tag.field,
    methods: (tag.methods ?? []).map(String),
    keywords: (tag.keywords ?? []).map(String),
  });
}
for (const link of Object.keys(tags)) {
  if (!links.has(link)) problems.push(`${relative(root, tagsPath)}: entry ${link} matches no paper`);
}
if (problems.length > 0) fail(problems);

const output = {
  source: {
    papers: 'data/papers.yml: docs/papers.yml of the PySR project (https://github.com/MilesCranmer/PySR), Apache-2.0',
    tags: 'data/paper-tags.yml',
    generator: 'scripts/build-papers.mjs',
  },
  papers,
};
writeFileSync(outPath, `${JSON.stringify(output, null, 2)}\n`);
console.log(`build-papers: wrote ${papers.length} papers to ${relative(process.cwd(), outPath) || outPath}`);
