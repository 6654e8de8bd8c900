// The demo's shell: starts the package's Worker, reads the chosen file there (progress, cancel,
// password), runs every analysis (analysis.js) and draws the panels. Everything runs on this
// device: the page's Content-Security-Policy allows no other origin.
// document.body.dataset.state says where it is (idle, loading, password, ready, error): the
// browser test and the benchmark wait on it.
import { createOrderlensWorker } from '../dist/index.js';
import { analyse, DEFAULT_RECOMMEND_SEGMENT, rechannel, recommendSegmentChoices, relist, resegment } from './analysis.js';
import { el, fill } from './dom.js';
import { downloadRecommendations, downloadSegment } from './export.js';
import { setCurrency } from './format.js';
import { currentLang, setLang, t } from './i18n.js';
import { askPassword, showMessage, showProgress, wireIntake } from './intake.js';
import { setMasking } from './mask.js';
import { renderAffinity } from './panels/affinity.js';
import { renderBuilder } from './panels/builder.js';
import { renderChannels } from './panels/channels.js';
import { renderClv } from './panels/clv.js';
import { renderCohorts } from './panels/cohorts.js';
import { renderDiagnostics } from './panels/diagnostics.js';
import { renderKpis } from './panels/kpis.js';
import { renderMapping } from './panels/mapping.js';
import { renderPacks } from './panels/packs.js';
import { renderRecommendations } from './panels/recommend.js';
import { renderRfm } from './panels/rfm.js';

const $ = (id) => document.getElementById(id);
const KOREAN_PLATFORMS = new Set(['cafe24', 'smartstore']);

const state = {
  worker: null,
  file: null,          // the orders File
  eventsFile: null,
  options: {},         // load options chosen in the mapping form
  dataset: null,       // RemoteDataset
  events: null,        // RemoteEventLog
  results: null,       // analysis.js results
  rules: [],
  spend: {},
  recSegment: DEFAULT_RECOMMEND_SEGMENT,  // the recommendations panel's segment
  ruleProblem: '',
  controller: null,
};

const setState = (name) => { document.body.dataset.state = name; };

async function read(password) {
  state.controller?.abort();
  const controller = new AbortController();
  state.controller = controller;
  setState('loading');
  showMessage('');
  const progress = showProgress(() => controller.abort());
  let dataset;
  try {
    dataset = await state.worker.load(state.file, {
      ...state.options, ...(password === undefined ? {} : { password }),
      onProgress: (p) => progress.update(p), signal: controller.signal,
    });
  } catch (error) {
    if (controller !== state.controller) return;  // a newer read took over
    progress.done();
    if (error?.code === 'password_required' || error?.code === 'wrong_password') {
      setState('password');
      return read(await askPassword(error.code === 'wrong_password'));
    }
    setState('error');
    if (error?.name === 'AbortError') return showMessage(t('cancelled'), 'aborted');
    return showMessage(t('loadFailed', { message: error?.message ?? String(error) }), error?.code ?? 'error');
  }
  // Read: the progress bar goes; the analyses follow, panel by panel.
  progress.done();
  performance.mark('orderlens-loaded');
  try {
    await replaceDataset(dataset);
  } catch (error) {
    setState('error');
    showMessage(t('loadFailed', { message: error?.message ?? String(error) }), error?.code ?? 'error');
  }
}

async function replaceDataset(dataset) {
  await state.dataset?.dispose();
  await state.events?.dispose();
  state.dataset = dataset;
  state.events = null;
  if (state.eventsFile) {
    try {
      state.events = await state.worker.loadEvents(state.eventsFile);
    } catch (error) {
      showMessage(t('eventsFailed', { message: error?.message ?? String(error) }), error?.code ?? 'error');
    }
  }
  if (KOREAN_PLATFORMS.has(dataset.diagnostics.preset.key)) chooseCurrency('KRW');
  // Each panel is drawn as its analysis arrives (one task each: the page stays responsive).
  state.results = {};
  renderAll();
  // The dashboard proper (KPIs, segments, cohorts, CLV, affinity, channels) is marked when its
  // last panel is drawn; the recommendations, asked last, follow (bench/demo.mjs times both).
  const dashboard = new Set(Object.keys(PANELS).filter((name) => name !== 'recommend'));
  await analyse(dataset, { events: state.events, rules: state.rules, spend: state.spend, segment: state.recSegment }, (name, result) => {
    if (state.dataset !== dataset) return;  // a newer file took over
    state.results[name] = result;
    PANELS[name]();
    if (dashboard.delete(name) && dashboard.size === 0) performance.mark('orderlens-dashboard');
  });
  if (state.dataset !== dataset) return;
  performance.mark('orderlens-rendered');
  setState('ready');
}

async function exportSegment(pack, group, format) {
  try {
    await downloadSegment(state.worker, state.results.segments, pack, group, format);
  } catch (error) {
    showMessage(t('exportFailed', { message: error?.message ?? String(error) }), error?.code ?? 'error');
  }
}

async function exportRecommendations(format) {
  try {
    await downloadRecommendations(state.worker, state.results.recommend.lists, state.results.segments, format);
  } catch (error) {
    showMessage(t('exportFailed', { message: error?.message ?? String(error) }), error?.code ?? 'error');
  }
}

/** The lists of another segment (or of the same custom one under new rules). */
async function chooseRecSegment(segment) {
  state.recSegment = segment;
  const dataset = state.dataset;
  const lists = await relist(dataset, { rules: state.rules, segment });
  if (state.dataset !== dataset || state.recSegment !== segment || !state.results.recommend) return;  // overtaken
  state.results.recommend = { ...state.results.recommend, lists };
  renderRecommendationsPanel();
}

async function applyRules(rules) {
  const segments = await resegment(state.dataset, { events: state.events, rules });
  state.ruleProblem = segments.error ? segments.error.message : '';
  if (!segments.error) {
    state.rules = rules;
    state.results.segments = segments;
  }
  renderSegments();
  renderBuilder($('builder-body'), applyRules, state.ruleProblem);
  // A custom segment's members changed, or it is gone: its lists again, or back to every RFM group.
  if (state.recSegment.startsWith('custom')) {
    const kept = recommendSegmentChoices(state.results.segments).some((c) => c.value === state.recSegment);
    await chooseRecSegment(kept ? state.recSegment : DEFAULT_RECOMMEND_SEGMENT);
  }
}

async function applySpend(spend) {
  state.spend = spend;
  state.results.channels = await rechannel(state.dataset, { events: state.events, spend });
  renderChannels($('channel-body'), state.results.channels, state.spend, applySpend);
}

function renderSegments() {
  renderRfm($('rfm-body'), state.results.segments);
  renderPacks($('packs-body'), state.results.segments, exportSegment);
  // The recommendations' segment picker lists the segments' groups, and masks ids by their kind.
  if (state.results.recommend) renderRecommendationsPanel();
}

function renderRecommendationsPanel() {
  renderRecommendations($('recs-body'), state.results.recommend, state.results.segments, state.recSegment,
    { onSegment: chooseRecSegment, onExport: exportRecommendations });
}

// The dashboard's panels, each drawn from its analysis (or "working…" until it arrives).
const PANELS = {
  kpis: () => renderKpis($('kpi-body'), state.results.kpis),
  segments: () => renderSegments(),
  cohorts: () => renderCohorts($('cohort-body'), state.results.cohorts),
  clv: () => renderClv($('clv-body'), state.results.clv),
  affinity: () => renderAffinity($('affinity-body'), state.results.affinity),
  channels: () => renderChannels($('channel-body'), state.results.channels, state.spend, applySpend),
  recommend: () => renderRecommendationsPanel(),
};
const PANEL_BODIES = { kpis: ['kpi-body'], segments: ['rfm-body', 'packs-body'], cohorts: ['cohort-body'], clv: ['clv-body'],
  affinity: ['affinity-body'], channels: ['channel-body'], recommend: ['recs-body'] };

function renderAll() {
  if (!state.dataset) return;
  const d = state.dataset.diagnostics;
  $('diagnostics').hidden = false;
  renderDiagnostics($('diag-body'), d, state.events?.diagnostics);
  renderMapping($('mapping-form'), d, state.options, (options) => {
    const mapping = { ...state.options.mapping, ...options.mapping };
    state.options = { ...options, ...(Object.keys(mapping).length ? { mapping } : {}) };
    read();
  });
  $('dashboard').hidden = false;
  for (const [name, draw] of Object.entries(PANELS)) {
    if (state.results[name]) draw();
    else for (const id of PANEL_BODIES[name]) fill($(id), el('p', { className: 'note' }, t('working')));
  }
  renderBuilder($('builder-body'), applyRules, state.ruleProblem);
}

function chooseCurrency(code) {
  $('currency').value = code;
  setCurrency(code);
}

function newFile(file, options = {}) {
  performance.clearMarks();
  performance.mark('orderlens-file');
  state.file = file;
  state.options = options;
  state.rules = [];
  state.spend = {};
  state.recSegment = DEFAULT_RECOMMEND_SEGMENT;
  state.ruleProblem = '';
  read();
}

// The sample shop (and, with events, its website events: the funnel pack and visitor KPIs).
async function loadSample(withEvents) {
  const fetchFile = async (name) => new File([await (await fetch(`samples/${name}`)).blob()], name, { type: 'text/csv' });
  $('events-file').value = '';
  state.eventsFile = withEvents ? await fetchFile('shopify-sample-events.csv') : null;
  chooseCurrency('KRW');  // the sample shop sells in won
  newFile(await fetchFile('shopify-sample.csv'));
}

async function main() {
  setLang(currentLang());
  $('lang').value = currentLang();
  chooseCurrency(currentLang() === 'ko' ? 'KRW' : 'USD');
  $('lang').addEventListener('change', (event) => {
    setLang(event.target.value);
    renderAll();
  });
  $('currency').addEventListener('change', (event) => {
    setCurrency(event.target.value);
    renderAll();
  });
  $('mask').addEventListener('change', (event) => {
    setMasking(event.target.checked);
    renderAll();
  });
  wireIntake({
    onOrders: (file) => {
      state.eventsFile = $('events-file').files[0] ?? null;  // the user's events, not the sample's
      newFile(file);
    },
    onEvents: (file) => {
      state.eventsFile = file;
      if (state.file) read();
    },
    onSample: loadSample,
  });
  state.worker = await createOrderlensWorker();
  setState('idle');
}

main().catch((error) => {
  setState('error');
  showMessage(t('startFailed', { message: error?.message ?? String(error) }), 'start');
});
