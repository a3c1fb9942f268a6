const ENGLISH = `a about above after again against all also although am an and any are as at be because been before
being below between both but by can could did do does doing down during each either etc even ever every few for from
further had has have having he her here hers him his how however i if in into is it its itself just least less many may
me might more most much must my neither no nor not now of off often on once one only onto or other our ours out over
own per rather same several she should since so some such than that the their theirs them then there these they this
those through thus to too toward towards under until up upon us versus very via vs was we well were what when where
whether which while who whom whose why will with within without would yet you your`;

/**
 * Words every paper of the showcase shares (they all do symbolic regression on data) or that carry no topic. Left in,
 * they would only produce reasons like "shares words: model, data". "re" is what hyphenation leaves of re-analyse.
 */
const RESEARCH = `accurate accuracy achieve allow analysis analyze analytic analytical applied apply approach
approximate available based benchmark challenge combine compare complex consider data dataset datasets demonstrate
derive describe develop different discover discovered discovery effective efficient equation equations existing
expression expressions find finding findings first framework function functions further general get improve include
including insight interpretable interpretability introduce investigate known learn learned learning like machine make
measure measured measurement measurements method methods methodology model modeling modelling models new novel
numerical obtain observe observed paper parameter parameters performance predict prediction present previous propose
proposed provide pysr re regression relevant result results reveal show simple simulation simulations sr studied
study symbolic technique techniques tool tools use used useful uses using validate various want`;

/**
 * Quantities measured in every science and trade: sharing one says little about the topic, so they weigh half in a
 * query ("temperature, ice cream sales" is not about cloud physics).
 */
const GENERIC = `age amount area count day distance energy fraction height length mass month number percent price rate
ratio size speed temperature time total velocity volume weight width year`;

/** Parts of column names that say how a value is stored, not what it is. */
const COLUMN_NOISE = `col column id idx index lg ln log log10 unnamed val value x y`;

const toSet = (words: string): ReadonlySet<string> => new Set(words.split(/\s+/).filter((w) => w.length > 0));

export const STOP_WORDS: ReadonlySet<string> = new Set([...toSet(ENGLISH), ...toSet(RESEARCH)]);
export const COLUMN_NOISE_WORDS: ReadonlySet<string> = toSet(COLUMN_NOISE);
export const GENERIC_WORDS: ReadonlySet<string> = toSet(GENERIC);
