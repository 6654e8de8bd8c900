// Which analyses the dashboard asks the package for, and with which options. No DOM here: the
// browser test imports this file in Node to ask the package the very same questions and compare
// the numbers on screen with its answers.

const DAY_MS = 86_400_000;

/**
 * The holdout split for the CLV accuracy chart: the last quarter of the history is held out when
 * there are at least 180 days of it (shorter histories leave too little to fit on).
 */
export function calibrationEndFor(diagnostics) {
  const first = Date.parse(diagnostics.firstOrderDate);
  const last = Date.parse(diagnostics.lastOrderDate);
  if (!Number.isFinite(first) || !Number.isFinite(last)) return undefined;
  const days = Math.round((last - first) / DAY_MS);
  if (days < 180) return undefined;
  return new Date(last - Math.round(days / 4) * DAY_MS).toISOString().slice(0, 10);
}

/** Spend entries for the whole range from {channel: amount} (empty or non-positive amounts left out). */
export function spendEntries(spend = {}) {
  return Object.entries(spend)
    .filter(([, amount]) => Number.isFinite(amount) && amount > 0)
    .map(([channel, amount]) => ({ channel, amount }));
}

/** The recommendations panel's first segment: every RFM group (each customer with its group). */
export const DEFAULT_RECOMMEND_SEGMENT = 'rfm';

/**
 * The segments the recommendations panel offers: every RFM group at once, then each group with
 * members of every pack but the funnel (its members are visitors, who have no purchases to
 * recommend from), custom groups included: [{value: 'pack.group', pack, group}].
 */
export function recommendSegmentChoices(segments) {
  const all = { value: DEFAULT_RECOMMEND_SEGMENT, pack: DEFAULT_RECOMMEND_SEGMENT, group: null };
  if (!segments?.packs) return [all];
  return [all, ...segments.packs.filter((p) => p.key !== 'funnel')
    .flatMap((p) => p.groups.filter((g) => g.members > 0).map((g) => ({ value: `${p.key}.${g.key}`, pack: p.key, group: g })))];
}

export function analysisOptions(diagnostics, { rules = [], spend = {}, segment = DEFAULT_RECOMMEND_SEGMENT } = {}) {
  const calibrationEnd = calibrationEndFor(diagnostics);
  return {
    kpis: { period: 'month' },
    // The channels' spend prices the segments too: CAC and LTV:CAC per group.
    segments: { ...(rules.length ? { rules } : {}), ...(spendEntries(spend).length ? { channels: { spend: spendEntries(spend) } } : {}) },
    cohorts: { period: 'month', maxAge: 12 },
    clv: calibrationEnd ? { calibrationEnd } : {},
    affinity: { level: 'product', minCount: 3, topN: 3 },
    // CAC against the LTV of 12 months' revenue (the CLV fit is the CLV panel's job).
    channels: { period: 'month', predictClv: false, spend: spendEntries(spend) },
    // The package's defaults (top 10); the holdout check on the CLV panel's split, per RFM group.
    recommend: {
      lists: { segment, ...(segment.startsWith('custom') && rules.length ? { rules } : {}) },
      evaluation: calibrationEnd ? { calibrationEnd } : null,
    },
  };
}

const asError = (error) => ({ error: { code: error?.code ?? error?.name ?? 'error', message: String(error?.message ?? error) } });

/** One analysis; a failure becomes {error} so the other panels still show. */
async function attempt(fn) {
  try {
    return await fn();
  } catch (error) {
    return asError(error);
  }
}

/**
 * Every analysis of a Dataset (local, or a RemoteDataset in the Worker), with events for the
 * funnel and the visitor KPIs when given; onResult(name, result) as each arrives, so the page can
 * draw a panel while the next analysis runs. The CLV fit falls back to no holdout if the split fails.
 */
export async function analyse(dataset, { events, rules, spend, segment } = {}, onResult = () => {}) {
  const options = analysisOptions(dataset.diagnostics, { rules, spend, segment });
  const withEvents = (o) => (events ? { ...o, events } : o);
  const results = {};
  const run = async (name, fn) => {
    results[name] = await attempt(fn);
    onResult(name, results[name]);
  };
  // All asked at once: the Worker answers them in order while the page draws the earlier ones.
  await Promise.all([
    run('kpis', () => dataset.kpis(withEvents(options.kpis))),
    run('segments', () => dataset.segments(withEvents(options.segments))),
    run('cohorts', () => dataset.cohorts(options.cohorts)),
    run('clv', async () => {
      try {
        return await dataset.clv(options.clv);
      } catch (error) {
        if (!options.clv.calibrationEnd) throw error;
        return dataset.clv({});
      }
    }),
    run('affinity', () => dataset.affinity(options.affinity)),
    run('channels', () => dataset.channels(withEvents(options.channels))),
    run('recommend', async () => ({
      lists: await attempt(() => dataset.recommend(options.recommend.lists)),
      evaluation: options.recommend.evaluation ? await attempt(() => dataset.recommend(options.recommend.evaluation)) : null,
    })),
  ]);
  return results;
}

/** The segments alone again (a new custom rule). */
export function resegment(dataset, { events, rules }) {
  const options = analysisOptions(dataset.diagnostics, { rules });
  return attempt(() => dataset.segments(events ? { ...options.segments, events } : options.segments));
}

/** The channel report alone again (new spend figures). */
export function rechannel(dataset, { events, spend }) {
  const options = analysisOptions(dataset.diagnostics, { spend });
  return attempt(() => dataset.channels(events ? { ...options.channels, events } : options.channels));
}

/** The recommendation lists alone again (another segment, or new custom rules). */
export function relist(dataset, { rules, segment }) {
  const options = analysisOptions(dataset.diagnostics, { rules, segment });
  return attempt(() => dataset.recommend(options.recommend.lists));
}
