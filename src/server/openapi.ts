// The OpenAPI 3.1 document of /api/v1, built from the same tables the engine uses (component keys, readings, sets).
import { READINGS, RIGHT_KEYS } from '../core/licenses.js';
import { SCOPE_KEYS } from '../core/rights.js';
import { MODEL_SETS } from '../core/stats.js';
import { COMPONENT_KEYS } from '../core/taxonomy.js';
import { LEVEL_OPS, LEVEL_VALUES, SOURCES, VERDICT_FILTERS } from './table-query.js';

const str = (description: string, extra: Record<string, unknown> = {}) => ({ type: 'string', description, ...extra });
const query = (name: string, description: string, schema: Record<string, unknown> = { type: 'string' }) => ({ name, in: 'query', required: false, description, schema });
const ok = (description: string, schema: Record<string, unknown>) => ({ description, content: { 'application/json': { schema } } });
const error = (description: string) => ok(description, { $ref: '#/components/schemas/Error' });

const level = { type: 'string', description: 'C1–C5 or D1–D5, N/A, Unknown (— in the published source where the site has no value)' };

const tri = { type: 'string', enum: ['yes', 'no', 'unknown'] };
const strings = { type: 'array', items: { type: 'string' } };
const frameworkInfo = { type: 'object', description: 'the framework\'s name, version and sources', properties: { name: { type: 'string' }, version: { type: 'string' }, sources: strings } };
const verdictSummary = {
  type: 'object',
  description: 'each framework\'s verdict in one value',
  properties: {
    mof: { type: 'string', enum: ['I', 'II', 'III', 'none'], description: 'Model Openness Framework 1.0 class' },
    osaid: { type: 'string', enum: ['pass', 'fail'], description: 'OSI Open Source AI Definition 1.0' },
    osaiIndex: { type: 'number', description: 'European Open Source AI Index total, percent' },
    euExemption: { ...tri, description: 'EU AI Act Art. 53(2) open-source exemption (indicative, not legal advice)' },
  },
};

export function openapi(base: string) {
  const readingParam = query('reading', 'strict: conditional rights count 0 points (default); lenient: 1 point', { type: 'string', enum: [...READINGS] });
  const asOfParam = query('as-of', 'the date at which the facts (each component\'s state then; models not yet released are left out) and the frameworks\' dated rules (EU AI Act) are read; default today (UTC); 400 when it is not a real date', { type: 'string', format: 'date' });
  return {
    openapi: '3.1.0',
    info: {
      title: 'howopen API',
      version: '1',
      description: 'How open is this AI model? The openness taxonomy of Eiras et al. (2024) applied to the registry\'s models, with reasons. Every HTML page of the site also has .json and .csv twins.',
      license: { name: 'MIT', identifier: 'MIT' },
    },
    servers: [{ url: base }],
    paths: {
      '/models': {
        get: {
          summary: 'Models with their levels; the index page\'s filters as parameters',
          parameters: [
            query('q', 'free text over id, name, organization, release date, levels and licenses'),
            query('org', 'organization, exact (case-insensitive)'),
            query('from', 'first release year, inclusive', { type: 'string', pattern: '^\\d{4}$' }),
            query('to', 'last release year, inclusive', { type: 'string', pattern: '^\\d{4}$' }),
            query('component', 'component key for a level filter', { type: 'string', enum: COMPONENT_KEYS }),
            query('op', 'level filter operator', { type: 'string', enum: [...LEVEL_OPS] }),
            query('level', 'level filter value', { type: 'string', enum: [...LEVEL_VALUES] }),
            query('mof', 'Model Openness Framework class (none: no class)', { type: 'string', enum: [...VERDICT_FILTERS.mof] }),
            query('osaid', 'OSI Open Source AI Definition verdict', { type: 'string', enum: [...VERDICT_FILTERS.osaid] }),
            query('exempt', 'EU AI Act open-source exemption', { type: 'string', enum: [...VERDICT_FILTERS.exempt] }),
            query('can', 'a rights question: keep the models whose `for` scope grants this right under the reading (the same as where=SCOPE.RIGHT=yes)', { type: 'string', enum: [...RIGHT_KEYS, 'own_derivatives', 'relicense'] }),
            query('for', 'the scope `can` asks about: weights (deployment.data.weights), data (the three training data components), code (training and inference code); default weights', { type: 'string', enum: [...SCOPE_KEYS] }),
            { ...query('where', 'FIELD OP VALUE, repeatable, all must hold: deployment.data.weights>=D4, organization=Meta, released>=2023, name~llama; verdicts with = or !=: mof=II, osaid=pass, exempt=yes; rights with = or != and yes|no|unknown|n/a: deployment.data.weights.commercial=yes, data.relicense=yes', { type: 'array', items: { type: 'string' } }), explode: true },
            query('sort', 'a component key, openness, id, name, organization, released, family; prefix - for descending'),
            query('source', 'computed (default) or published (the paper\'s site)', { type: 'string', enum: [...SOURCES] }),
            readingParam,
            asOfParam,
          ],
          responses: { 200: ok('The matching models, each with its verdict summary', { $ref: '#/components/schemas/ModelList' }), 400: error('A filter, sort key, reading or date could not be read; errors gives each reason') },
        },
      },
      '/models/{id}': {
        get: {
          summary: 'One model: its record, classification with explanations, disagreements with the published levels, every framework\'s verdict and the advice on what to release next',
          parameters: [{ name: 'id', in: 'path', required: true, description: 'a model id (the flagship where the record lists variants) or id@variant, e.g. qwen2.5@7b', schema: { type: 'string' } }, readingParam, asOfParam],
          responses: { 200: ok('The model', { $ref: '#/components/schemas/Model' }), 400: error('Bad reading or as-of date; errors gives each reason'), 404: error('No such model or variant, or not yet released at the as-of date; did_you_mean gives the closest id') },
        },
      },
      '/licenses': { get: { summary: 'Every license with its five rights, obligations, scores and the models using it', responses: { 200: ok('Licenses', { type: 'array', items: { $ref: '#/components/schemas/License' } }) } } },
      '/licenses/{id}': {
        get: {
          summary: 'One license, by id or alias',
          parameters: [{ name: 'id', in: 'path', required: true, schema: { type: 'string' } }],
          responses: { 200: ok('The license', { $ref: '#/components/schemas/License' }), 404: error('No such license; did_you_mean gives the closest id') },
        },
      },
      '/stats': {
        get: {
          summary: 'Per-component level counts; without parameters, the stats page\'s data (distributions and timeline)',
          parameters: [query('set', 'model set', { type: 'string', enum: Object.keys(MODEL_SETS) }), query('source', 'computed or published', { type: 'string', enum: [...SOURCES] }), readingParam, query('as-of', 'count the facts in force on that date, leaving out models not yet released; with set, source or reading', { type: 'string', format: 'date' })],
          responses: { 200: ok('Counts of levels 1–5, N/A and Unknown per component', { type: 'object' }), 400: error('Bad parameter') },
        },
      },
      '/gap': {
        get: {
          summary: 'The open/closed capability gap from Epoch AI\'s tables (CC BY 4.0): best score per month of open-weights and of closed models by our weights level, the lag of the best open model, and how every row matched the registry',
          parameters: [
            query('benchmark', 'capability measure: eci (Epoch Capabilities Index, default) or mmlu', { type: 'string', enum: ['eci', 'mmlu'] }),
            query('open-level', 'lowest weights level counted as open (default D3: any public weights); closed is D1/D2', { type: 'string', enum: ['D3', 'D4', 'D5'] }),
            query('from', 'first month, default 2019-01', { type: 'string', pattern: '^\\d{4}-(0[1-9]|1[0-2])$' }),
            readingParam,
            query('format', 'json (default) or csv (one row per month)', { type: 'string', enum: ['json', 'csv'] }),
          ],
          responses: { 200: ok('benchmark, source (with attribution and commit), summary, steps of the closed frontier, months, models (each row with its match: matched, excluded with the mapping\'s reason, unmatched), report, trainingComputeFromEpoch (a secondary source)', { type: 'object' }), 400: error('A parameter it cannot read') },
        },
      },
      '/audit': { get: { summary: 'Every published level that differs from the computed one, with its recorded reason', parameters: [readingParam], responses: { 200: ok('The audit', { type: 'object' }), 400: error('Bad reading') } } },
      '/classify': {
        post: {
          summary: 'Classify a model record sent as YAML or JSON, with every framework\'s verdict and advice; nothing is stored',
          parameters: [readingParam, asOfParam],
          requestBody: {
            required: true,
            description: 'A model record in the registry format (docs/RECORDS.md), UTF-8, at most 256 KB; any other Content-Type is refused (415)',
            content: { 'application/yaml': { schema: { type: 'string' } }, 'application/json': { schema: { type: 'object' } } },
          },
          responses: {
            200: ok('The classification with frameworks and advice', { allOf: [{ $ref: '#/components/schemas/Classification' }, { type: 'object', properties: { asOf: { type: 'string', format: 'date' }, frameworks: { $ref: '#/components/schemas/Frameworks' }, advice: { type: 'array', items: { $ref: '#/components/schemas/Suggestion' } } } }] }),
            400: ok('The record is not valid, or a parameter cannot be read; each problem of a record has its line and column', { $ref: '#/components/schemas/Problems' }),
            413: error('The body is larger than 256 KB'),
            415: error('The Content-Type is neither YAML nor JSON, or the charset is not UTF-8'),
            429: error('Too many records posted from this address; Retry-After says when to retry'),
            503: error('The record took longer than the time budget, or too many are queued, or the server is stopping; Retry-After says when to retry'),
          },
        },
      },
      '/openapi.json': { get: { summary: 'This document', responses: { 200: ok('OpenAPI 3.1', { type: 'object' }) } } },
    },
    components: {
      schemas: {
        Error: {
          type: 'object',
          description: 'Every error answer of the API and of the pages\' .json twins has this shape',
          properties: {
            error: str('what went wrong'),
            errors: { ...strings, description: 'each reason, where there are several (the query\'s parameters that cannot be read, a record\'s problems)' },
            did_you_mean: str('for a 404: the closest known id'),
          },
          required: ['error'],
        },
        Problems: {
          allOf: [{ $ref: '#/components/schemas/Error' }],
          type: 'object',
          description: 'The error shape, with each of a record\'s problems positioned',
          properties: {
            problems: { type: 'array', items: { type: 'object', properties: { line: { type: 'integer' }, col: { type: 'integer' }, field: str('dotted path'), message: str('what is wrong and how to fix it') }, required: ['line', 'col', 'message'] } },
          },
        },
        Cell: { type: 'object', properties: { level, license: { type: ['string', 'null'] }, hint: { type: ['string', 'null'] }, published: { type: ['string', 'null'], description: 'the other source\'s level where it differs' }, can: { $ref: '#/components/schemas/Rights' } } },
        ModelList: {
          type: 'object',
          properties: {
            source: { type: 'string', enum: [...SOURCES] }, reading: { type: 'string', enum: [...READINGS] }, sort: { type: ['string', 'null'] },
            filters: { type: 'array', items: { type: 'string' } }, asOf: { type: 'string', format: 'date', description: 'the date the verdicts were read at' }, count: { type: 'integer' }, total: { type: 'integer' },
            models: {
              type: 'array',
              items: {
                type: 'object',
                properties: {
                  id: { type: 'string' }, name: { type: 'string' }, organization: { type: 'string' }, released: { type: 'string' }, family: { type: ['string', 'null'] },
                  openness: { type: ['number', 'null'], description: 'howopen\'s aggregate, not the paper\'s: the mean of (level − 1) / 4 over the applicable components, each Unknown counted as closed (the low end of opennessRange; what models are ranked by)' },
                  opennessRange: { type: ['object', 'null'], properties: { lower: { type: 'number' }, upper: { type: 'number' } }, description: 'lower counts each Unknown as closed, upper as fully open' },
                  coverage: { type: 'object', properties: { known: { type: 'integer' }, applicable: { type: 'integer' } }, description: 'components with a level, out of the applicable ones (all but N/A)' },
                  components: { type: 'object', properties: Object.fromEntries(COMPONENT_KEYS.map((k) => [k, { $ref: '#/components/schemas/Cell' }])) },
                  frameworks: { $ref: '#/components/schemas/VerdictSummary' },
                  can: { $ref: '#/components/schemas/ScopeRights' },
                },
              },
            },
          },
        },
        Rights: {
          type: 'object', description: 'each of the five rights answered under the reading: a conditional grant is no under strict and yes under lenient; closed and API-only components grant none',
          properties: Object.fromEntries(RIGHT_KEYS.map((k) => [k, { type: 'string', enum: ['yes', 'no', 'unknown', 'n/a'] }])),
        },
        ScopeRights: {
          type: 'object', description: 'the rights per scope: yes when every existing component of the scope says yes, no when any says no, else unknown',
          properties: Object.fromEntries(SCOPE_KEYS.map((k) => [k, { $ref: '#/components/schemas/Rights' }])),
        },
        Classification: {
          type: 'object',
          properties: {
            id: { type: 'string' }, name: { type: 'string' }, reading: { type: 'string', enum: [...READINGS] },
            components: { type: 'object', additionalProperties: { type: 'object', properties: { level, points: { type: ['integer', 'null'] }, hint: { type: ['string', 'null'] }, license: { type: ['string', 'null'] }, status: { type: 'string' }, restrictiveness: { type: ['string', 'null'] }, rights: { type: ['object', 'null'] }, can: { $ref: '#/components/schemas/Rights' }, explanation: { type: 'string' } } } },
            can: { $ref: '#/components/schemas/ScopeRights' },
            summary: { type: 'object' },
          },
        },
        Model: {
          type: 'object',
          properties: {
            id: { type: 'string' }, record: { type: 'object', description: 'the registry record as loaded' }, classification: { $ref: '#/components/schemas/Classification' }, disagreements: { type: 'array', items: { type: 'object' } },
            asOf: { type: 'string', format: 'date', description: 'the date the dated rules were read at' },
            frameworks: { $ref: '#/components/schemas/Frameworks' },
            advice: { type: 'array', items: { $ref: '#/components/schemas/Suggestion' }, description: 'the single releases that would raise openness most, best first (at most five)' },
          },
        },
        VerdictSummary: verdictSummary,
        Frameworks: {
          type: 'object',
          description: 'howopen\'s reading of each framework from the record (docs/FRAMEWORKS.md); each has its framework, reasons and missing items',
          properties: {
            mof: { type: 'object', properties: { framework: frameworkInfo, class: { type: ['string', 'null'], enum: ['I', 'II', 'III', null] }, progress: { type: 'object', properties: { I: { type: 'number' }, II: { type: 'number' }, III: { type: 'number' } }, description: 'percent of the required components met per class' }, components: { type: 'array', items: { type: 'object', properties: { name: { type: 'string' }, class: { type: 'integer' }, required: { type: 'boolean' }, met: { type: 'boolean' }, reason: { type: 'string' } } } }, reasons: strings, missing: strings } },
            osaid: { type: 'object', properties: { framework: frameworkInfo, verdict: { type: 'string', enum: ['pass', 'fail'] }, elements: { type: 'array', items: { type: 'object', properties: { element: { type: 'string' }, met: { type: 'boolean' }, reasons: strings } } }, reasons: strings, missing: strings } },
            osaiIndex: { type: 'object', properties: { framework: frameworkInfo, parameters: { type: 'array', items: { type: 'object', properties: { ref: { type: 'string' }, name: { type: 'string' }, category: { type: 'string' }, class: { type: 'string', enum: ['open', 'partial', 'closed'] }, rule: { type: 'string' } } } }, categories: { type: 'object', additionalProperties: { type: 'number' } }, total: { type: 'number' }, reasons: strings, missing: strings } },
            g7: { type: 'object', properties: { framework: frameworkInfo, label: { type: ['string', 'null'] }, possible: { type: ['string', 'null'] }, criteria: { type: 'array', items: { type: 'object' } }, reasons: strings, missing: strings }, description: 'G7 Vision on AI Openness label' },
            owd: { type: 'object', properties: { framework: frameworkInfo, verdict: { type: 'string', enum: ['pass', 'fail', 'unknown'] }, criteria: { type: 'array', items: { type: 'object' } }, reasons: strings, missing: strings }, description: 'Open Weight Definition' },
            euAiAct: {
              type: 'object',
              description: 'indicative, not legal advice (framework.disclaimer)',
              properties: {
                framework: { ...frameworkInfo, properties: { ...frameworkInfo.properties, disclaimer: { type: 'string' } } }, asOf: { type: 'string', format: 'date' }, gpai: tri, systemicRisk: tri,
                exemption: { type: 'object', properties: { applies: tri, reasons: strings, criteria: { type: 'array', items: { type: 'object', properties: { criterion: { type: 'string' }, result: { type: 'string', enum: ['pass', 'fail', 'unknown'] }, why: { type: 'string' }, source: { type: 'string' } } } }, limits: { type: 'array', items: { type: 'object', properties: { article: { type: 'string' }, note: { type: 'string' }, source: { type: 'string' } } } } } }, placedOnMarket: { type: 'string' },
                obligations: { type: 'array', items: { type: 'object', properties: { article: { type: 'string' }, duty: { type: 'string' }, applies: tri, from: { type: 'string', format: 'date' }, inForce: tri, why: { type: 'string' } } } },
                enforcement: { type: 'string' }, reasons: strings, missing: strings,
              },
            },
            paper: { type: 'object', properties: { framework: frameworkInfo, areas: { type: 'object', additionalProperties: { type: 'object', properties: { benefits: { type: 'array', items: { $ref: '#/components/schemas/Finding' } }, risks: { type: 'array', items: { $ref: '#/components/schemas/Finding' } } } } }, reasons: strings } },
          },
        },
        Finding: { type: 'object', properties: { id: { type: 'string' }, area: { type: 'string' }, effect: { type: 'string', enum: ['benefit', 'risk'] }, text: { type: 'string' }, source: { type: 'string', description: 'the part of the paper the rule paraphrases' } } },
        Suggestion: {
          type: 'object',
          properties: {
            release: { type: 'object', properties: { target: str('a component key, documentation.<doc> or artifacts.<artifact>'), license: { type: 'string' } } },
            level: { type: ['object', 'null'], properties: { from: { type: 'string' }, to: { type: 'string' } } },
            openness: { type: 'object', properties: { from: { type: ['number', 'null'] }, to: { type: ['number', 'null'] } } },
            frameworks: { type: 'object', description: 'each verdict summary value before and after the release', additionalProperties: { type: 'object', properties: { from: {}, to: {} } } },
            improves: { ...strings, description: 'the frameworks whose verdict improves' },
          },
        },
        License: { type: 'object', properties: { id: { type: 'string' }, name: { type: 'string' }, version: { type: 'string' }, rights: { type: 'object' }, obligations: { type: 'object' }, scores: { type: 'object' }, models: { type: 'array', items: { type: 'string' } } } },
      },
    },
  };
}
