import type { TopicRule, TopicTerm } from '../types';

/** Phrases matched on word boundaries; a trailing `*` matches any word ending ("quantiz*"). */
function terms(weight: number, ...phrases: string[]): TopicTerm[] {
  return phrases.map((match) => ({ match, weight }));
}

/** A regular expression matched as written, case-sensitively (for acronyms whose case matters). */
function pattern(weight: number, source: string): TopicTerm {
  return { match: source, weight, regex: true };
}

/**
 * Paper Scout's bundled taxonomy. Topics are assigned from these weighted terms (see `assignTopics`),
 * never from a list of titles; users add or override topics with the same shape in settings.
 */
export const DEFAULT_TOPICS: TopicRule[] = [
  {
    name: 'Quantization',
    icon: 'symbol-numeric',
    description: 'Low-bit weights and activations, binarization, FP8 and low-precision formats, quantization-aware training',
    terms: [
      ...terms(3, 'quantiz*', 'binariz*', 'binary neural network*', 'low-bit', '1-bit', '2-bit', '3-bit', '4-bit', '8-bit', 'ternary'),
      ...terms(2, 'fp8', 'fp4', 'int8', 'int4', 'low-precision', 'mixed-precision', 'bit-width*', 'bitwidth*', 'qat', 'ptq'),
      ...terms(1, 'outlier*', 'rounding', 'codebook*'),
    ],
  },
  {
    name: 'Pruning & Sparsity',
    icon: 'filter',
    description: 'Pruning, sparse training, N:M and structured sparsity, sparse transforms',
    terms: [
      ...terms(3, 'prun*', 'sparsity', 'sparsif*', 'n:m', '2:4', 'lottery ticket*'),
      ...terms(2, 'sparse training', 'sparse network*', 'sparse model*', 'structured sparse', 'unstructured', 'sparse', 'slicing', 'delete rows'),
      ...terms(1, 'compression', 'compress*', 'remove*'),
    ],
  },
  {
    name: 'Parameter-Efficient Fine-Tuning',
    icon: 'settings-gear',
    description: 'LoRA and its variants, adapters, prompt tuning',
    terms: [
      ...terms(4, 'lora', 'parameter-efficient', 'parameter efficient', 'peft', 'low-rank adaptation', 'low-rank adapter*'),
      ...terms(3, 'adapter*', 'prompt tuning', 'prefix tuning', 'fine-tuning', 'finetuning', 'fine-tune*', 'fine tuning', 'delta tuning', 'visual prompt*'),
      ...terms(1, 'downstream task*', 'trainable parameters'),
      pattern(3, '\\b\\w*LoRA\\w*\\b'),
    ],
  },
  {
    name: 'Memory-Efficient Training',
    icon: 'database',
    description: 'Low-rank gradient or optimizer-state methods, memory-efficient pretraining, low-precision training',
    terms: [
      ...terms(4, 'memory-efficient training', 'memory efficient training', 'memory-efficient pre-training', 'memory-efficient pretraining', 'gradient projection', 'low-rank projection', 'optimizer state*', 'optimizer memory', 'galore'),
      ...terms(3, 'memory-efficient', 'memory efficient', 'memory footprint', 'memory consumption', 'memory usage', 'activation memory', 'low-precision training', 'low-rank gradient*', 'memory cost*'),
      ...terms(1, 'gpu memory', 'memory', 'pre-training', 'pretraining'),
    ],
  },
  {
    name: 'Mixture of Experts',
    icon: 'type-hierarchy-sub',
    description: 'Expert routing, MoE models, upcycling',
    terms: [
      ...terms(5, 'mixture of experts', 'mixture-of-experts', 'moe', 'upcycl*'),
      ...terms(3, 'experts', 'expert routing', 'router*', 'routing', 'gating network', 'sparse gating', 'top-k gating', 'softmax gating'),
      pattern(4, '\\b\\w*MoE\\w*\\b'),
    ],
  },
  {
    name: 'Efficient Inference',
    icon: 'rocket',
    description: 'KV cache, speculative decoding, prefilling, serving, early exit, acceleration',
    terms: [
      ...terms(4, 'kv cache', 'kv-cache', 'key-value cach*', 'speculative decoding', 'speculative', 'prefill*', 'early exit*', 'early-exit*', 'inference acceleration', 'inference efficiency', 'efficient inference', 'serving', 'draft model'),
      ...terms(2, 'inference', 'latency', 'throughput', 'speedup', 'accelerat*', 'decoding', 'dynamic neural network*', 'token pruning', 'token merging', 'long-context', 'long context', 'sparse attention'),
      ...terms(1, 'efficien*', 'deploy*', 'compute cost', 'faster'),
    ],
  },
  {
    name: 'Architectures',
    icon: 'symbol-structure',
    description: 'Transformer variants, linear RNNs and state-space models, new layer types, memory layers, model growth',
    terms: [
      ...terms(4, 'state space model*', 'state-space model*', 'linear attention', 'linear rnn*', 'recurrent', 'mamba', 'memory layer*', 'model growth', 'growing', 'stacking', 'new architecture', 'novel architecture', 'layer type*', 'attention mechanism', 'convolution*'),
      ...terms(2, 'transformer*', 'architecture*', 'attention', 'rnn*', 'layers', 'depth', 'width', 'wider', 'deeper', 'residual', 'normalization', 'layer norm*', 'positional encoding*', 'tokenformer', 'hypernetwork*', 'linearizing'),
      ...terms(1, 'network design', 'neurons', 'module*'),
    ],
  },
  {
    name: 'Optimization',
    icon: 'graph-line',
    description: 'SGD and adaptive methods, learning rates, batch size, convergence, bilevel optimization, hyperparameter tuning',
    terms: [
      ...terms(4, 'sgd', 'stochastic gradient', 'adam', 'adamw', 'optimizer*', 'learning rate*', 'batch size*', 'convergence', 'convergent', 'converge*', 'bilevel', 'bi-level', 'hyperparameter*', 'hyper-parameter*', 'variance reduc*', 'gradient descent', 'momentum', 'coordinate descent'),
      ...terms(2, 'optimization', 'optimisation', 'saddle', 'minimax', 'monotone', 'iteration*', 'step size*', 'weight decay', 'preconditioner*', 'second-order', 'bayesian optimization', 'warmup', 'schedule*', 'solver*'),
      ...terms(1, 'gradient*', 'loss landscape', 'objective'),
    ],
  },
  {
    name: 'Initialization & Weight Generation',
    icon: 'wand',
    description: 'Initialization schemes, hypernetworks, generating network parameters',
    terms: [
      ...terms(5, 'initializ*', 'initialis*', 'hypernetwork*', 'weight generation', 'parameter generation', 'generating parameters', 'generate parameters', 'generating network parameters', 'learngene', 'weight sharing'),
      ...terms(2, 'init', 'pre-trained weights', 'weight space', 'neural network weights', 'model weights', 'diffusion model* for parameters'),
    ],
  },
  {
    name: 'Scaling Laws & Pretraining',
    icon: 'graph',
    description: 'Scaling laws, data repetition, data mixtures and reweighting, continual pretraining',
    terms: [
      ...terms(5, 'scaling law*', 'data mixture*', 'data mixing', 'data repetition', 'repeat*', 'reweight*', 're-weight*', 'continual pre-training', 'continual pretraining', 'compute-optimal', 'token-crisis'),
      ...terms(2, 'scaling', 'pretraining', 'pre-training', 'pretrain*', 'training data', 'tokens', 'data selection', 'data quality', 'corpus'),
    ],
  },
  {
    name: 'Learning Theory & Dynamics',
    icon: 'mortar-board',
    description: 'Generalization, expressivity, grokking, feature learning, rich and lazy regimes, provable results',
    terms: [
      ...terms(4, 'generaliz*', 'generalis*', 'expressiv*', 'grokking', 'feature learning', 'lazy', 'rich regime', 'neural tangent', 'ntk', 'provabl*', 'theorem*', 'theoretical*', 'theory', 'sample complexity', 'learning dynamics', 'training dynamics', 'implicit bias', 'over-parameteriz*', 'overparameteriz*', 'spectral bias', 'benign overfitting'),
      ...terms(2, 'we prove', 'prove', 'bound*', 'analysis', 'dynamics', 'infinite width', 'mean-field', 'perceptron', 'regime', 'asymptotic*', 'kernel*', 'statistical'),
    ],
  },
  {
    name: 'Retrieval & Embeddings',
    icon: 'search',
    description: 'Dense retrieval, embedding models',
    terms: [
      ...terms(5, 'dense retrieval', 'retriev*', 'embedding model*', 'text embedding*', 'sentence embedding*', 'rerank*', 're-rank*', 'search engine*', 'information retrieval', 'bi-encoder', 'dual encoder', 'rag'),
      ...terms(2, 'embedding*', 'query', 'queries', 'passage*', 'contrastive', 'compatible representation*', 'representation*', 'search'),
    ],
  },
  {
    name: 'Vision & Generative Models',
    icon: 'device-camera',
    description: 'Vision transformers, diffusion, image generation, detection, segmentation, NeRF, vision-language models',
    terms: [
      ...terms(5, 'vision transformer*', 'vit', 'vits', 'diffusion', 'image generation', 'text-to-image', 'object detection', 'detection', 'segmentation', 'nerf', 'vision-language', 'vision language', 'multimodal', 'multi-modal', 'generative model*', 'gan', 'gans', 'image classification', 'imagenet', 'visual'),
      ...terms(2, 'image*', 'vision', 'video*', 'pixel*', 'computer vision', 'cnn*', 'crowd counting', 'speech', '3d', 'scene', 'autoregressive model*', 'generation'),
    ],
  },
  {
    name: 'Model Merging & Continual Learning',
    icon: 'git-merge',
    description: 'Merging, task vectors, continual and lifelong learning, distillation, model collapse',
    terms: [
      ...terms(5, 'model merging', 'merging', 'merge*', 'task vector*', 'task arithmetic', 'continual learning', 'lifelong', 'incremental learning', 'class-incremental', 'class incremental', 'catastrophic forgetting', 'forgetting', 'distill*', 'model collapse', 'knowledge transfer', 'federated'),
      ...terms(2, 'teacher', 'student', 'multi-task', 'multitask', 'model soup*', 'weight averaging'),
    ],
  },
];

/** The topic papers go to when no rule fits. */
export const OTHER_TOPIC: TopicRule = {
  name: 'Other',
  icon: 'question',
  description: 'Papers no topic rule matched',
  terms: [],
};
