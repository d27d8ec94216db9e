// AI model licenses recognised by their text: the title near the top, the phrases that tell versions apart, and phrases of the body.
// Not on the SPDX list, so no reference text to compare with; these phrases are the fingerprint. Ids are the knowledge base's.

export interface Fingerprint {
  /** The knowledge base's license id; null for a document that goes with a license (a use policy). */
  license: string | null;
  name: string;
  kind: 'license' | 'policy';
  /** One of these must appear near the top of the file. */
  title: string[];
  /** All of these must appear: what tells this version from its siblings. */
  requires?: string[];
  /** Phrases of the body; each one found raises the confidence. */
  phrases: string[];
}

const LLAMA_BODY = ['llama materials', '700 million monthly active users', 'acceptable use policy'];
const RAIL_BODY = ['use-based restrictions', 'complementary material', 'derivatives of the model'];

export const FINGERPRINTS: readonly Fingerprint[] = [
  { license: 'llama-1', name: 'LLaMA License Agreement', kind: 'license', title: ['llama license agreement'], phrases: ['non-commercial research purposes', 'software products', 'meta platforms, inc.'] },
  { license: 'llama2', name: 'Llama 2 Community License Agreement', kind: 'license', title: ['llama 2 community license agreement'], requires: ['llama 2 version release date'], phrases: [...LLAMA_BODY, 'july 18, 2023'] },
  { license: 'llama3', name: 'Meta Llama 3 Community License Agreement', kind: 'license', title: ['meta llama 3 community license agreement'], phrases: [...LLAMA_BODY, 'built with meta llama 3', 'april 18, 2024'] },
  { license: 'llama3.1', name: 'Llama 3.1 Community License Agreement', kind: 'license', title: ['llama 3.1 community license agreement'], requires: ['llama 3.1 version release date'], phrases: [...LLAMA_BODY, 'built with llama', 'july 23, 2024'] },
  { license: 'llama3.2', name: 'Llama 3.2 Community License Agreement', kind: 'license', title: ['llama 3.2 community license agreement'], phrases: [...LLAMA_BODY, 'built with llama', 'september 25, 2024'] },
  { license: 'llama3.3', name: 'Llama 3.3 Community License Agreement', kind: 'license', title: ['llama 3.3 community license agreement'], phrases: [...LLAMA_BODY, 'built with llama', 'december 6, 2024'] },
  { license: 'llama4', name: 'Llama 4 Community License Agreement', kind: 'license', title: ['llama 4 community license agreement'], phrases: [...LLAMA_BODY, 'built with llama', 'april 5, 2025'] },
  { license: null, name: 'Llama 2 Acceptable Use Policy', kind: 'policy', title: ['llama 2 acceptable use policy'], phrases: ['prohibited uses', 'llama 2 safely and responsibly'] },
  { license: null, name: 'Llama 3 Acceptable Use Policy', kind: 'policy', title: ['meta llama 3 acceptable use policy', 'llama 3.1 acceptable use policy', 'llama 3.2 acceptable use policy', 'llama 3.3 acceptable use policy', 'llama 4 acceptable use policy'], phrases: ['prohibited uses'] },
  { license: 'gemma-2024', name: 'Gemma Terms of Use (2024-02-21)', kind: 'license', title: ['gemma terms of use'], requires: ['last modified: february 21, 2024'], phrases: ['gemma prohibited use policy', 'model derivatives'] },
  { license: 'gemma', name: 'Gemma Terms of Use', kind: 'license', title: ['gemma terms of use'], phrases: ['gemma prohibited use policy', 'model derivatives', 'last modified: march 24, 2025'] },
  { license: null, name: 'Gemma Prohibited Use Policy', kind: 'policy', title: ['gemma prohibited use policy'], phrases: ['you may not use'] },
  { license: 'bigscience-openrail-m', name: 'BigScience Open RAIL-M License', kind: 'license', title: ['bigscience open rail-m license'], phrases: [...RAIL_BODY, 'august 18, 2022'] },
  { license: 'bigscience-bloom-rail-1.0', name: 'BigScience RAIL License v1.0', kind: 'license', title: ['bigscience rail license v1.0'], phrases: [...RAIL_BODY, 'bloom'] },
  { license: 'creativeml-openrail-m', name: 'CreativeML Open RAIL-M', kind: 'license', title: ['creativeml open rail-m'], phrases: [...RAIL_BODY, 'stable diffusion'] },
  { license: 'openrail++', name: 'CreativeML Open RAIL++-M License', kind: 'license', title: ['open rail++-m license'], phrases: [...RAIL_BODY] },
  // The BigCode text says 'Modifications of the Model' and 'Use restrictions' where the BigScience texts say 'Derivatives' and 'Use-based restrictions'.
  { license: 'bigcode-openrail-m', name: 'BigCode Open RAIL-M v1 License Agreement', kind: 'license', title: ['bigcode open rail-m v1 license agreement'], phrases: ['modifications of the model', 'attachment a', 'use restrictions', 'explanatory documentation', 'bigcode'] },
  { license: 'falcon-180b-tii-license', name: 'Falcon-180B TII License', kind: 'license', title: ['falcon 180b tii license'], phrases: ['acceptable use policy', 'hosting use'] },
  { license: 'falcon-mamba-7b-license', name: 'TII Falcon-Mamba License 2.0', kind: 'license', title: ['tii falcon-mamba license', 'falcon mamba 7b tii license'], phrases: ['acceptable use policy'] },
  { license: 'tii-falcon-license-2.0', name: 'TII Falcon License 2.0', kind: 'license', title: ['tii falcon license 2.0', 'tii falcon license version 2.0'], phrases: ['acceptable use policy'] },
  { license: 'falcon-llm-license', name: 'TII Falcon License 1.0', kind: 'license', title: ['tii falcon license 1.0', 'tii falcon license version 1.0', 'tii falcon llm license'], phrases: ['acceptable use policy'] },
  { license: 'qwen', name: 'Qwen License Agreement', kind: 'license', title: ['qwen license agreement'], phrases: ['qwen license agreement release date', '100 million monthly active users', 'built with qwen'] },
  { license: 'qwen-research', name: 'Qwen Research License Agreement', kind: 'license', title: ['qwen research license agreement'], phrases: ['non-commercial', 'built with qwen'] },
  { license: 'tongyi-qianwen', name: 'Tongyi Qianwen License Agreement', kind: 'license', title: ['tongyi qianwen license agreement'], phrases: ['100 million monthly active users'] },
  { license: 'tongyi-qianwen-research', name: 'Tongyi Qianwen Research License Agreement', kind: 'license', title: ['tongyi qianwen research license agreement'], phrases: ['non-commercial'] },
  { license: 'deepseek-license', name: 'DeepSeek License Agreement', kind: 'license', title: ['deepseek license agreement'], phrases: ['use restrictions', 'attachment a', 'deepseek'] },
  { license: 'mrl', name: 'Mistral AI Research License', kind: 'license', title: ['mistral ai research license'], phrases: ['research purposes', 'mistral models', 'derivatives made by or for mistral ai'] },
  { license: 'mnpl', name: 'Mistral AI Non-Production License', kind: 'license', title: ['mistral ai non-production license'], phrases: ['non-production environment', 'mistral models'] },
  { license: 'yi-license-2.1', name: 'Yi Series Models Community License Agreement', kind: 'license', title: ['yi series models community license agreement'], phrases: ['yi series models'] },
  { license: 'yi-license-1.0', name: 'Yi Series Models License Agreement', kind: 'license', title: ['yi series models license agreement'], phrases: ['yi series models'] },
  { license: 'databricks-open-model', name: 'Databricks Open Model License', kind: 'license', title: ['databricks open model license'], phrases: ['dbrx', 'acceptable use policy', '700 million monthly active users'] },
  { license: 'stabilityai-ai-community', name: 'Stability AI Community License Agreement', kind: 'license', title: ['stability ai community license agreement'], phrases: ['annual revenue', 'stability ai', 'powered by stability ai'] },
  { license: 'nvidia-open-model-license', name: 'NVIDIA Open Model License Agreement', kind: 'license', title: ['nvidia open model license agreement'], phrases: ['nvidia', 'derivative models', 'trustworthy ai terms', 'licensed by nvidia corporation under the nvidia open model license'] },
  // MIT with one added paragraph: the exact-text matcher does not take it, so the fingerprint decides before Dice similarity would call it MIT.
  { license: 'kimi-k2-modified-mit', name: 'Modified MIT License (Moonshot AI, Kimi K2)', kind: 'license', title: ['modified mit license', 'mit license'], requires: ['our only modification', 'kimi k2'], phrases: ['permission is hereby granted free of charge', 'monthly active users'] },
  { license: 'minimax-m2-modified-mit', name: 'Modified MIT License (MiniMax, MiniMax-M2)', kind: 'license', title: ['mit license'], requires: ['our only modification', 'minimax m2'], phrases: ['permission is hereby granted free of charge', 'annual recurring revenue'] },
  { license: 'apple-amlr', name: 'Apple Machine Learning Research Model License Agreement', kind: 'license', title: ['apple machine learning research model license agreement'], phrases: ['research purposes'] },
  { license: 'c4ai-aup', name: 'C4AI Acceptable Use Policy', kind: 'policy', title: ['c4ai acceptable use policy'], phrases: ['cohere for ai'] },
  { license: 'fair-noncommercial-research-license', name: 'FAIR Noncommercial Research License', kind: 'license', title: ['fair noncommercial research license'], phrases: ['noncommercial research uses'] },
  { license: 'deepfloyd-if-license', name: 'DeepFloyd IF Research License Agreement', kind: 'license', title: ['deepfloyd if research license agreement', 'deepfloyd if license agreement'], phrases: ['deepfloyd'] },
];
