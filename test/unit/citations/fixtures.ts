import type { Paper } from '../../../src/core/types';

/** A paper with the given fields and empty defaults for the rest. */
export function makePaper(fields: Partial<Paper> & Pick<Paper, 'title'>): Paper {
  return {
    id: 'paper', key: 'paper', abstract: '', published: null, upvotes: null, authorsCount: null,
    organization: null, topics: [], links: [], sources: [], ...fields,
  };
}

/** Real papers as the corpus holds them (titles, dates and counts copied from the bundled pages). */
export const AWQ = makePaper({
  id: 'awq-activation-aware-weight-quantization-for-llm-compression',
  key: 'awq2023',
  title: 'AWQ: Activation-aware Weight Quantization for LLM Compression and Acceleration',
  published: '2023-06-01',
  upvotes: 1,
  authorsCount: 6,
  topics: ['Quantization', 'Efficient Inference'],
});

export const S2FT = makePaper({
  id: 's-2-ft-efficient-scalable-and-generalizable-llm-fine-tuning',
  key: 's2ft',
  title: 'S$^{2}$FT: Efficient, Scalable and Generalizable LLM Fine-tuning by Structured Sparsity',
  topics: ['Parameter-Efficient Fine-Tuning', 'Pruning & Sparsity'],
});

export const INFLLM = makePaper({
  id: 'infllm-v2-dense-sparse-switchable-attention-for-seamless',
  key: 'infllmv2_2025',
  title: 'InfLLM-V2: Dense-Sparse Switchable Attention for Seamless Short-to-Long Adaptation',
  published: '2025-09-29',
  upvotes: 2,
  organization: 'OpenBMB',
  topics: ['Architectures'],
});

/** Real titles from the bundled pages with their dates and the key each must get. */
export const REAL_TITLE_KEYS: [title: string, published: string | null, key: string][] = [
  ['AWQ: Activation-aware Weight Quantization for LLM Compression and Acceleration', '2023-06-01', 'awq2023'],
  ['GaLore: Memory-Efficient LLM Training by Gradient Low-Rank Projection', null, 'galore'],
  ['S$^{2}$FT: Efficient, Scalable and Generalizable LLM Fine-tuning by Structured Sparsity', null, 's2ft'],
  ['HyperZ$\\cdot$Z$\\cdot$W Operator Connects Slow-Fast Networks for Full Context Interaction', null, 'hyperzzw_operator'],
  ['LoRA vs Full Fine-tuning: An Illusion of Equivalence', null, 'lora_full_finetuning'],
  ['InfLLM-V2: Dense-Sparse Switchable Attention for Seamless Short-to-Long Adaptation', '2025-09-29', 'infllmv2_2025'],
  ['BAM! Just Like That: Simple and Efficient Parameter Upcycling for Mixture of Experts', '2024-08-15', 'bam2024'],
  ['PFGM++: Unlocking the Potential of Physics-Inspired Generative Models', null, 'pfgm'],
  ['KV Prediction for Improved Time to First Token', null, 'kv_prediction_improved'],
  ['Towards Greater Leverage: Scaling Laws for Efficient Mixture-of-Experts Language Models', '2025-07-23', 'greater_leverage_scaling2025'],
  ['A Hierarchical Bayesian Model for Deep Few-Shot Meta Learning', null, 'hierarchical_bayesian'],
  ['To FP8 and Back Again: Quantifying the Effects of Reducing Precision on LLM Training Stability', null, 'fp8_back_again'],
  ['Pre-training under infinite compute', '2025-09-18', 'pretraining_infinite2025'],
  ["Let's Make Block Coordinate Descent Converge Faster: Faster Greedy Rules, Message-Passing, Active-Set Complexity, and Superlinear Convergence", null, 'make_block_coordinate'],
  ['How connectivity structure shapes rich and lazy learning in neural circuits', '2023-10-12', 'connectivity_structure2023'],
  ['To prune, or not to prune: exploring the efficacy of pruning for model compression', '2017-10-05', 'prune_exploring_efficacy2017'],
  ['One Initialization to Rule them All: Fine-tuning via Explained Variance Adaptation', '2024-10-09', 'initialization_rule2024'],
  ['Parameter-Efficient Fine-Tuning for Foundation Models', '2025-01-23', 'parameterefficient_finetuning2025'],
];
