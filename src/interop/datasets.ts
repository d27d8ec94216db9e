// Well-known datasets on the Hugging Face Hub: each one's license, with the page that states it, and what it is used for.
// Deliberately small: a dataset not listed leaves its component Unknown rather than guessed.

/** What a dataset is for, as its page describes it: the pipeline stage it feeds. */
export type DatasetUse = 'pretraining' | 'instruction' | 'preference' | 'evaluation';

export interface DatasetLicense {
  /** A license expression of the knowledge base's ids. */
  license: string;
  /** Where the license is stated. */
  source: string;
  use: DatasetUse;
}

/**
 * The component a dataset of each use belongs to. A public evaluation benchmark has none: the taxonomy's
 * evaluation data are a developer's internal benchmarks (common public benchmarks are not scored).
 */
export const USE_COMPONENT: Record<DatasetUse, 'training.data.pretraining' | 'training.data.sft' | 'training.data.alignment' | null> = {
  pretraining: 'training.data.pretraining',
  instruction: 'training.data.sft',
  preference: 'training.data.alignment',
  evaluation: null,
};

const hub = (id: string) => `https://huggingface.co/datasets/${id}`;
const P = 'pretraining' as const;
const I = 'instruction' as const;
const F = 'preference' as const;
const E = 'evaluation' as const;

const TABLE: Record<string, DatasetLicense> = {
  'allenai/dolma': { license: 'ODC-By-1.0', source: hub('allenai/dolma'), use: P },
  'allenai/c4': { license: 'ODC-By-1.0', source: hub('allenai/c4'), use: P },
  'c4': { license: 'ODC-By-1.0', source: hub('allenai/c4'), use: P },
  'allenai/tulu-3-sft-mixture': { license: 'ODC-By-1.0', source: hub('allenai/tulu-3-sft-mixture'), use: I },
  // The annealing (mid-training) mix of OLMo 2's pre-training, arXiv 2501.00656: pre-training data.
  'allenai/dolmino-mix-1124': { license: 'ODC-By-1.0', source: hub('allenai/dolmino-mix-1124'), use: P },
  'tiiuae/falcon-refinedweb': { license: 'ODC-By-1.0', source: hub('tiiuae/falcon-refinedweb'), use: P },
  'huggingfacefw/fineweb': { license: 'ODC-By-1.0', source: hub('HuggingFaceFW/fineweb'), use: P },
  'huggingfacefw/fineweb-edu': { license: 'ODC-By-1.0', source: hub('HuggingFaceFW/fineweb-edu'), use: P },
  'huggingfacetb/smollm-corpus': { license: 'ODC-By-1.0', source: hub('HuggingFaceTB/smollm-corpus'), use: P },
  'mlfoundations/dclm-baseline-1.0': { license: 'CC-BY-4.0', source: hub('mlfoundations/dclm-baseline-1.0'), use: P },
  'skylion007/openwebtext': { license: 'CC0-1.0', source: hub('Skylion007/openwebtext'), use: P },
  'bigcode/the-stack': { license: 'the-stack-tou', source: hub('bigcode/the-stack'), use: P },
  'bigcode/the-stack-v2': { license: 'the-stack-v2-tou', source: hub('bigcode/the-stack-v2'), use: P },
  'databricks/databricks-dolly-15k': { license: 'CC-BY-SA-3.0', source: hub('databricks/databricks-dolly-15k'), use: I },
  'tatsu-lab/alpaca': { license: 'CC-BY-NC-4.0', source: hub('tatsu-lab/alpaca'), use: I },
  'openassistant/oasst1': { license: 'Apache-2.0', source: hub('OpenAssistant/oasst1'), use: I },
  'openassistant/oasst2': { license: 'Apache-2.0', source: hub('OpenAssistant/oasst2'), use: I },
  'huggingfaceh4/ultrachat_200k': { license: 'MIT', source: hub('HuggingFaceH4/ultrachat_200k'), use: I },
  'huggingfaceh4/ultrafeedback_binarized': { license: 'MIT', source: hub('HuggingFaceH4/ultrafeedback_binarized'), use: F },
  'openbmb/ultrafeedback': { license: 'MIT', source: hub('openbmb/UltraFeedback'), use: F },
  'anthropic/hh-rlhf': { license: 'MIT', source: hub('Anthropic/hh-rlhf'), use: F },
  'open-orca/openorca': { license: 'MIT', source: hub('Open-Orca/OpenOrca'), use: I },
  // "a permissively licensed preference dataset" for reward models, arXiv 2406.08673.
  'nvidia/helpsteer2': { license: 'CC-BY-4.0', source: hub('nvidia/HelpSteer2'), use: F },
  'openai/gsm8k': { license: 'MIT', source: hub('openai/gsm8k'), use: E },
  'gsm8k': { license: 'MIT', source: hub('openai/gsm8k'), use: E },
  'rajpurkar/squad': { license: 'CC-BY-SA-4.0', source: hub('rajpurkar/squad'), use: E },
  'squad': { license: 'CC-BY-SA-4.0', source: hub('rajpurkar/squad'), use: E },
};

/** The license of a Hub dataset id (case-insensitive), or undefined when it is not in the table. */
export function datasetLicense(id: string): DatasetLicense | undefined {
  return BY_ID.get(id) ?? BY_ID.get(id.trim().toLowerCase());
}

/** Keyed by the lowercase id and by each dataset's own spelling (the one in its source URL), so most lookups hit at once. */
const BY_ID = new Map<string, DatasetLicense>([
  ...Object.entries(TABLE),
  ...Object.values(TABLE).map((d): [string, DatasetLicense] => [d.source.slice('https://huggingface.co/datasets/'.length), d]),
]);

export const KNOWN_DATASETS: readonly string[] = Object.keys(TABLE);
