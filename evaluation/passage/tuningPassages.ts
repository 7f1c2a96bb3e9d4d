/**
 * Passages a writer might be working on, each with the bundled paper it should bring up: notes in
 * Markdown, LaTeX paragraphs, and comments in code of several languages, with the noise real files
 * have (code, math, markup, other citations). `‸` marks the cursor (none: the end of the text).
 * This set tunes the weighting (`DEFAULT_WEIGHTING`); `heldOutPassages.ts` only checks it.
 */
export interface QualityPassage {
  name: string;
  languageId: string;
  text: string;
  /** Citation key of the paper the passage is about. */
  target: string;
}

export const TUNING_PASSAGES: QualityPassage[] = [
  {
    name: 'Markdown note on optimizer memory, among other memory notes',
    languageId: 'markdown',
    target: 'galore',
    text: `## Memory budget for the 7B run

Activations are handled by checkpointing every second block, and the KV cache only matters at
inference time. Weights in bf16 take 14 GB; see \`configs/7b.yaml\` and [the wiki](https://wiki.example.org/mem).
Adapters [@lora_full_finetuning] would cut the trainable parameters, but we want full-parameter training, and
the quantized base of QLoRA hurts our evals. What does not fit is Adam: the two moments double the
weights again. Idea: project each layer's gradient to a low-rank subspace, keep the optimizer states
there, and switch the projection every few hundred steps ‸
`,
  },
  {
    name: 'LaTeX related work moving from pruning to weight-only quantization',
    languageId: 'latex',
    target: 'awq2023',
    text: `\\section{Related Work}
Pruning removes weights or whole structures~\\cite{slicegpt,prune_exploring_efficacy2017}, and distillation trains a
smaller student. Post-training quantization instead maps weights to $b$-bit integers,
$\\hat W = s \\cdot \\mathrm{round}(W/s)$, usually per channel~\\cite{zeroquantfp2023}. % TODO check GPTQ numbers
Not all weights matter equally: protecting the few salient channels, found by looking at the
activation magnitudes rather than the weights themselves, and scaling them before rounding keeps
4-bit models close to full precision‸. Vector quantization pushes further, down to two bits, at a higher
decoding cost, and binarization is the extreme case.`,
  },
  {
    name: 'Python comment block of a compression module, on slicing',
    languageId: 'python',
    target: 'slicegpt',
    text: `import torch

def compress(model, ratio: float = 0.25):
    # Three ways to make the model smaller were tried here. Quantizing the weights to 4 bits worked
    # but needs custom kernels; distillation into a smaller student took too long to train.
    # Instead of unstructured sparsity we remove whole rows and columns of every weight
    # matrix: rotate with the PCA basis of the activations (computational invariance),
    # then delete the smallest principal directions, which shrinks the embedding dimension.‸
    # The rotation is folded into the neighbouring layers, so inference needs no extra ops.
    Q = torch.linalg.eigh(cov)[1]  # (d, d)
    return slice_layers(model, Q, ratio)
`,
  },
  {
    name: 'TypeScript comment on a generation loop, at the draft-length part',
    languageId: 'typescript',
    target: 'specdec',
    text: `export function generate(target: Model, draft: Model, prompt: number[]): number[] {
  // Generation loop. Prefill the prompt in chunks so long prompts do not stall other requests,
  // then decode with a KV cache (see cache.ts) quantized to 8 bits. For decoding we use a small
  // draft model that proposes K tokens which the target verifies in one pass; a fixed K wastes
  // work, so after each drafted token a classifier decides whether to stop drafting, i.e. the
  // candidate length is chosen adaptively ‸
  const k = chooseK(draft.confidence());
  return target.verify(draft.generate(prompt, k));
}
`,
  },
  {
    name: 'Markdown serving note ending on KV cache compression',
    languageId: 'markdown',
    target: 'gear',
    text: `### Serving notes

Throughput is fine with continuous batching; latency spikes come from long prompts (chunked prefill
helps). With 32k contexts the KV cache dominates GPU memory (\`2 * layers * heads * d * seq\` floats).
Speculative decoding does not help with that. Dropping tokens [@kv_prediction_improved] loses quality on long answers.
Better: quantize most cache entries to very low bits, fix the quantization error with a low-rank
matrix, and keep a sparse set of outliers in full precision, near-lossless compression of the cache‸
`,
  },
  {
    name: 'LaTeX paragraph on efficient layers, at structured matrices',
    languageId: 'latex',
    target: 'monarch',
    text: `Efficient transformers reduce the cost of attention with sparse or linear approximations, and
mixture-of-experts layers activate only part of the feed-forward network per token. Dense layers
still cost $O(n^2)$; many works replace them by sparse, low-rank or Fourier-based
factorizations~\\citep{pela2023}, but these rarely speed up end-to-end training on GPUs.
We use products of block-diagonal matrices interleaved with permutations, a class of
structured matrices that is hardware-efficient and expressive‸, and that can even be fitted to
pretrained dense weights before fine-tuning.
\\begin{equation} M = P L P^\\top R \\end{equation}`,
  },
  {
    name: 'Python docstring of an adapter module, at the Kronecker construction',
    languageId: 'python',
    target: 'compacter2021',
    text: `class Adapter(nn.Module):
    """Bottleneck adapter inserted after each attention and feed-forward block.

    Only the adapters and layer norms are trained; the pretrained transformer stays frozen,
    so one copy of the model serves every task. Unlike prompt tuning nothing is prepended
    to the input. Each projection is a sum of Kronecker products of small shared matrices
    and rank-one factors (parameterized hypercomplex multiplication)‸, so an adapter costs
    far fewer parameters than a dense bottleneck.

    Args:
        d_model: hidden size of the transformer.
    """
    def __init__(self, d_model: int, n: int = 4):
        super().__init__()
`,
  },
  {
    name: 'Rust doc comment on an adapter type, at the random basis',
    languageId: 'rust',
    target: 'nola2023',
    text: `/// Adapter for one linear layer. The frozen base weight is shared between tasks and each task
/// stores only its own small update, which is merged into the weight at load time. The update is
/// low-rank, but its factors are not trained directly: each factor is a linear combination of
/// fixed random matrices generated from a seed, and only the mixing coefficients are learned‸,
/// so the number of trainable parameters no longer depends on the rank.
pub struct RandomBasisAdapter<'a> {
    seed: u64,
    coeffs: &'a mut [f32],
}
`,
  },
  {
    name: 'Go comment of a quantization package, at partial binarization',
    languageId: 'go',
    target: 'pbllm',
    text: `package quant

// Quantizers for the edge build. Int8 with per-channel scales is the default and int4 with groups
// of 128 is used for the big models. BinarizeMost goes further: it keeps a small fraction of
// salient weights in higher precision and binarizes everything else to one bit. Fully binarized
// LLMs collapse; keeping the salient part lets the model recover after some quantization-aware
// training‸. Activation quantization is not done here.
func BinarizeMost(w []float32, keep float64) []int8 {
	out := make([]int8, len(w))
	return out
}
`,
  },
  {
    name: 'Markdown checklist on finetuning plans, at the decomposition item',
    languageId: 'markdown',
    target: 'lqlora',
    text: `Plan for the finetuning experiments:

- [x] try the QLoRA baseline ([@lora_full_finetuning]) with rank 64 and paged optimizers
- [x] measure memory with \`torch.cuda.max_memory_allocated()\`
- [ ] decompose each pretrained matrix into a quantized part and a high-precision low-rank part with
  an iterative algorithm, then finetune only the low-rank part while the quantized one stays
  frozen ‸
- [ ] sweep learning rates 1e-4 .. 3e-4 and compare against full finetuning on the 1B model
`,
  },
  {
    name: 'LaTeX paragraph on how many parameters are needed, at the random subspace',
    languageId: 'latex',
    target: 'measuring_intrinsic2018',
    text: `Overparameterized networks train easily and generalize well, and pruning shows that most weights
can be removed after training~\\cite{prune_exploring_efficacy2017}. How many parameters does a problem really need?
Rather than counting the parameters of a network, one can train it in a random subspace
$\\theta = \\theta_0 + P z$ with $z \\in \\mathbb{R}^d$ and increase $d$ until the solution appears;
the smallest such $d$ measures the intrinsic dimension of the objective landscape‸. Later work
applied the same idea to fine-tuning language models.`,
  },
  {
    name: 'R comment in an analysis script, at population based training',
    languageId: 'r',
    target: 'population_based_training2017',
    text: `library(dplyr)
# Analysis of the sweep. Grid search over learning rate and dropout wasted most runs, and Bayesian
# optimization needs many sequential trials. The second sweep trains a population of models in
# parallel; every few epochs the worst members copy the weights of the best ones (exploit) and
# perturb their hyperparameters (explore), so the hyperparameter schedule is found in one run‸
# Plot the best member's score per epoch below.
results <- runs %>% group_by(member) %>% summarise(best = max(score))
`,
  },
  {
    name: 'C++ comment on an inference engine, at mixture-of-experts serving',
    languageId: 'cpp',
    target: 'deepspeedmoe2022',
    text: `// Inference engine overview. Dense layers run through cuBLAS with fused bias and GeLU kernels,
// attention uses the paged KV cache. Expert layers are served expert-parallel: routing sends each
// token to its top-1 expert, and following an end-to-end system for training and serving
// mixture-of-experts models at scale (pyramid-residual layers, distillation into a smaller MoE)
// makes inference cheaper than a quality-equivalent dense model‸.
template <typename T>
void dispatch(const Tensor<T>& tokens, std::vector<int>& expert_ids);
`,
  },
  {
    name: 'Julia block comment on deployment sizes, at nested models',
    languageId: 'julia',
    target: 'matformer2023',
    text: `#=
Deployment targets range from a phone to an 8-GPU server. Distilling a separate student for every
size is expensive, and pruning after training loses accuracy at high sparsity. One training run,
many deployable sizes: the feed-forward block nests smaller sub-networks inside larger ones (the
first m neurons), trained jointly, so we can extract submodels of any size for elastic inference‸
=#
function extract(model, m::Int)
    return model[1:m]
end
`,
  },
  {
    name: 'Markdown retrieval note, at unsupervised contrastive training',
    languageId: 'markdown',
    target: 'unsupervised_dense2021',
    text: `## Retrieval baseline

BM25 is still strong out of domain, and supervised dense retrievers trained on MS MARCO do not transfer
to our scientific queries. Rerankers help but are slow. Can a dense retriever be trained without any
labelled query-document pairs? Contrastive learning with random crops of the same document as positive
pairs ‸ (see \`retriever/train.py\`).
`,
  },
  {
    name: 'LaTeX paragraph on batch size, at closing the generalization gap',
    languageId: 'latex',
    target: 'train_longer_generalize2017',
    text: `Data parallelism scales training to many accelerators by growing the batch, and learning rate
schedules have to follow~\\cite{power_scheduler_batch2024}. Large batches are known to generalise worse, and sharp
minima were blamed for it. We argue that the gap is not inherent: the weights move as a random walk on
a random landscape, so with a large batch one should train for more updates, adapt the learning rate
and use ghost batch normalization‸ (Table~\\ref{tab:batch}). Layer-wise adaptive rates are another
remedy.`,
  },
  {
    name: 'Python comment in a training loop, at the noisy-label regularizer',
    languageId: 'python',
    target: 'earlylearning_regularization',
    text: `def train_epoch(model, loader, targets_ema):
    for x, y, idx in loader:
        logits = model(x)
        # Loss: cross-entropy with label smoothing 0.1 and mixup on the images (alpha 0.2).
        # Our labels come from crowd workers and about 20% are wrong. Networks fit the clean
        # labels first and only later memorize the wrong ones, so we add a regularization term
        # that keeps predictions close to targets estimated during this early learning phase‸
        loss = F.cross_entropy(logits, y) + lam * elr_term(logits, targets_ema[idx])
`,
  },
  {
    name: 'Markdown Q&A note on synthetic data, at accumulation',
    languageId: 'markdown',
    target: 'model_collapse_inevitable',
    text: `**Q:** if the next model is trained on text the last model wrote, does quality keep dropping?

Data filtering and deduplication matter more than scale here, and watermarking could tell synthetic
text apart. Replacing real data with each generation's synthetic data makes test error grow without
bound. But if the synthetic data is accumulated alongside the real data instead of replacing it,
the error stays bounded and collapse is avoided ‸
`,
  },
  {
    name: 'TypeScript block comment on batching, at prompt packing',
    languageId: 'typescript',
    target: 'prepacking',
    text: `/*
 * Request batching. Requests are grouped by arrival time and decoded together with a shared KV cache
 * pool; speculative decoding is switched off for batches larger than 8. Batching prompts of different
 * lengths pads them to the longest, and prefilling spends compute on padding tokens, so we pack several
 * prompts into one sequence with a block-diagonal attention mask and restored positions‸
 */
const masks = prompts.map((p) => p.length);
`,
  },
  {
    name: 'Lua comment on an on-device chat app, at predicting the cache',
    languageId: 'lua',
    target: 'kv_prediction_improved',
    text: `-- On-device chat. The model is quantized to 4 bits and decoding runs at 20 tokens per second,
-- but the prompt processing step dominates latency before the first token appears. An auxiliary
-- small model could process the prompt and predict the KV cache of the base model, so the base
-- model starts generating right away ‸
local function prefill(model, prompt)
  return model:forward(prompt)
end
`,
  },
  {
    name: 'Shell comment in a launch script, at the optimizer',
    languageId: 'shellscript',
    target: 'frugal',
    text: `#!/usr/bin/env bash
# Launch pretraining on 8 GPUs with FSDP, bf16 and activation checkpointing; data comes from the
# tokenized shards in $DATA. The optimizer gives full-rank updates with a small state: the gradient
# is split into a low-dimensional state-full part trained with Adam and a state-free part updated
# with signSGD, which removes most of the optimizer state memory ‸
torchrun --nproc_per_node=8 train.py --optimizer frugal --rank 256
`,
  },
  {
    name: 'LaTeX paragraph on extreme compression, at fine-tuning the quantized model',
    languageId: 'latex',
    target: 'pvtuning',
    text: `Quantization-aware training learns low-bit weights from the start but is costly for LLMs. At
1--2 bits per parameter, one-shot methods such as \\citet{vptq2024} lose accuracy and need a
fine-tuning phase, usually done with the straight-through estimator. We question this choice: a
framework that optimizes both the continuous and the discrete parameters of the quantized
representation, with convergence guarantees‸, is Pareto-optimal for Llama 2 at two bits.`,
  },
  {
    name: 'Java doc comment on a layer, at memory lookups',
    languageId: 'java',
    target: 'memoryformer',
    text: `/**
 * Transformer block used by the small on-device model. Attention is linear (kernel feature maps)
 * and the KV cache is not kept. The fully-connected layers are replaced with memory lookups: each
 * input is hashed (locality-sensitive hashing) into buckets of a memory table and the retrieved
 * vectors approximate the linear projection, removing most of the computation‸
 * @param table the hashed memory layer
 */
public Tensor forward(Tensor x, MemoryTable table) { return table.lookup(x); }
`,
  },
  {
    name: 'Markdown note on adapter ranks, at adaptive budgets',
    languageId: 'markdown',
    target: 'adaptive_budget_allocation',
    text: `Results so far: prefix tuning underperforms on generation, adapters are fine but add latency, and
LoRA with rank 8 on the attention projections is the best trade-off. Uniform rank for every matrix is
wasteful: some weight matrices matter more than others. Parameterize the update as an SVD-like
product and allocate the parameter budget by importance score, pruning singular values ‸
Compare with [@increlora2023], which grows ranks instead.
`,
  },
  {
    name: 'Python comment in a merging script, at delta pruning',
    languageId: 'python',
    target: 'dare_extreme_revisiting2024',
    text: `def merge(base, finetuned, p=0.9):
    delta = {k: finetuned[k] - base[k] for k in base}
    # Merging: task arithmetic adds the deltas of several fine-tuned models with a scale, and
    # TIES resolves sign conflicts. Before merging we randomly drop most delta parameters and
    # rescale the rest; at extreme pruning rates the rescaling must be fixed and regularized so
    # delta-parameter pruning still works at 99% sparsity ‸
    return {k: base[k] + drop_rescale(delta[k], p) for k in base}
`,
  },
  {
    name: 'LaTeX paragraph on hyperparameters, at the learning rate scheduler',
    languageId: 'latex',
    target: 'power_scheduler_batch2024',
    text: `Scaling laws predict the loss from model size and data, and warmup-stable-decay schedules allow
continual training without a fixed horizon. The optimal learning rate still depends on the batch size
and on the number of training tokens, which makes hyperparameter search at scale prohibitive
(cf.\\ \\cite{train_longer_generalize2017}). With $\\mu$P the optimal rate follows a power law in batch size and token
count, giving a learning rate scheduler agnostic to both‸.`,
  },
];
