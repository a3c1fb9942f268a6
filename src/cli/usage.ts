export const USAGE = `eqd: discover equations from data (symbolic regression)

Usage:
  eqd discover <file.csv|file.tsv|file.json> --target <column> [options]
  eqd related [--columns a,b,c] [--description "text"] [--formula "mathjs text"] [--format table|json]

discover options:
  --target <column>       column to explain (default: y, target or output, else the last numeric column)
  --features a,b,...      input columns (default: every other numeric column)
  --operators "+,-,*,/"   operators: + - * / ^ neg sqrt exp log sin cos tan tanh abs square cube
  --maxsize N             largest formula complexity (default 30)
  --time-limit SECONDS    stop after this long (default 60)
  --max-evals N           stop after this many evaluations
  --iterations N          stop after this many iterations of every island
  --loss mse|mae|huber    loss to minimise (default mse)
  --workers N             worker threads (default: cores - 1, at least 1)
  --seed N                random seed (default 0)
  --format FORMAT         table (default), json (one JSON object), or the best formula as code to paste,
                          comment included: python, javascript, c, julia, rust, matlab, r, latex, markdown
  --quiet                 no progress on stderr

Ctrl+C once stops the search and prints the formulas found so far; twice exits at once.
`;
