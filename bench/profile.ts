// Where a search spends its time: a single-thread search under V8's sampling profiler, self time by function.
// npm run bench:profile [-- --seconds 15 --problem I.29.16]
// Run bundled by esbuild like the product's worker (tsx would add a name-keeping call to every closure).
import { Session } from 'node:inspector';
import { basename } from 'node:path';
import { parseArgs } from 'node:util';
import { runSearch } from '../src/engine/search/search';
import { generate, loadSuite } from './lib/problems';

const { values } = parseArgs({
  options: {
    seconds: { type: 'string', default: '15' },
    problem: { type: 'string', default: 'I.29.16' },
    top: { type: 'string', default: '15' },
  },
});

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string };
}
interface Profile {
  nodes: ProfileNode[];
  samples: number[];
  timeDeltas: number[];
}

function post<T>(session: Session, method: string): Promise<T> {
  return new Promise((resolve, reject) =>
    session.post(method, (error, result) => (error ? reject(error) : resolve(result as T))),
  );
}

/** Self time in microseconds per key. */
function selfTimes(profile: Profile, key: (node: ProfileNode) => string): Map<string, number> {
  const nodes = new Map(profile.nodes.map((n) => [n.id, n]));
  const times = new Map<string, number>();
  profile.samples.forEach((id, i) => {
    const k = key(nodes.get(id)!);
    times.set(k, (times.get(k) ?? 0) + (profile.timeDeltas[i] ?? 0));
  });
  return times;
}

function print(title: string, times: Map<string, number>, top: number): void {
  const total = [...times.values()].reduce((a, b) => a + b, 0);
  console.log(title);
  for (const [k, t] of [...times].sort((a, b) => b[1] - a[1]).slice(0, top)) {
    console.log(`  ${((100 * t) / total).toFixed(1).padStart(5)} %  ${k}`);
  }
}

async function main(): Promise<void> {
  const record = loadSuite('feynman').find((r) => r.id === values.problem);
  if (!record) throw new Error(`no Feynman problem ${values.problem}`);
  const data = generate(record, 1000, 1);
  const session = new Session();
  session.connect();
  await post(session, 'Profiler.enable');
  await post(session, 'Profiler.start');
  const result = runSearch(data, {
    timeLimitSeconds: Number(values.seconds),
    seed: 1,
    operators: ['+', '-', '*', '/', 'sqrt', 'sin', 'cos', 'exp', 'log'],
  });
  const { profile } = await post<{ profile: Profile }>(session, 'Profiler.stop');
  session.disconnect();
  console.log(
    `problem ${record.id}, one thread, ${result.seconds.toFixed(1)} s, ` +
      `${Math.round(result.evaluations / result.seconds).toLocaleString('en-US')} evaluations/s`,
  );
  const name = (n: ProfileNode): string => n.callFrame.functionName || `(anonymous in ${basename(n.callFrame.url)})`;
  print('self time by function:', selfTimes(profile, name), Number(values.top));
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
