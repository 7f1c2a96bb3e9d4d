/**
 * More passages for tuning the passage weighting (the same kinds as tuningPassages.ts: Markdown notes,
 * LaTeX paragraphs, code comments with real-file noise), written on 2026-12-06 from each target's
 * abstract, without reading the held-out passage sets, after their figures had been reported.
 * For tuning only: the held-out sets stay the only held-out sets.
 */
import type { QualityPassage } from './tuningPassages';

export const MORE_TUNING_PASSAGES: QualityPassage[] = [
  // ---------------------------------------------------------------- Markdown notes
  {
    name: 'Markdown pretraining data note, at per-example weighting by loss',
    languageId: 'markdown',
    target: 'dynamic_lossbased2025',
    text: `## Data pipeline, 1.4B pretraining run

- tokenizer: \`sp-64k\`, shards in \`s3://corpus/v3/\`
- domain mixture fixed from the proxy run (see [@admirebayesopt2025] for a smarter search)
- dedup: MinHash at 0.8, details in [the data card](https://wiki.example.org/data/v3)

The eval harness still times out on long MMLU prompts, need to bump \`max_len\`.

Right now every sequence in a batch counts the same in the loss, which seems wasteful: a lot of the web
data is near-duplicate boilerplate the model has already learned. Instead of fixing weights per domain,
give each individual example its own weight, computed online from its current loss value, so redundant,
low-loss samples get down-weighted as training goes on‸ and the updates go to the informative ones.
Apparently this even comes with convergence bounds, and it is cheap: no extra proxy model, no bilevel loop.
`,
  },
  {
    name: 'Markdown generation notes, on overfitting a tiny set to fix greedy repetition',
    languageId: 'markdown',
    target: 'hyperfitting_phenomenon',
    text: `# Generation quality notes

Decoding settings we tried on the 8B base: top-p 0.9, temperature 0.7, repetition penalty 1.1 (see
\`configs/gen_cfg.json\`). Top-p is fine for short answers but drifts off-topic after ~500 tokens.

Unrelated: the tokenizer bug with trailing spaces is fixed in [#412](https://github.com/org/repo/pull/412).

### Greedy decoding keeps looping

Greedy output gets repetitive and dull on long continuations, even at 70B, and [@model_collapse_inevitable]
is about training on own outputs, not this. The surprising fix: take the pretrained model and fine-tune it on a
tiny set (a couple of thousand samples) until the training loss is basically zero, i.e. overfit it on purpose.
The resulting model puts nearly all probability on a single token, yet greedy decoding from it produces long
texts that are more diverse and preferred by humans over top-p sampling, and it rarely just regurgitates the
training sequences. Not the same thing as grokking or double descent either.
`,
  },
  {
    name: 'Markdown scaling plan, at repeating the pretraining data for several epochs',
    languageId: 'markdown',
    target: 'repeat_insights_scaling2023',
    text: `## Scaling plan v2

| model | params | unique tokens |
|-------|--------|---------------|
| S     | 1B     | 200B          |
| L     | 13B    | 200B          |

For L we simply do not have enough high-quality text; code and math are already upsampled.
The learning-rate schedule follows [@predictable_scale2025], batch size stays at 4M tokens.

High-quality web text is running out and LLMs are token-hungry. Option A: loop over the same corpus for
4-5 epochs. Problem: going over the same data again and again makes
the larger models overfit and degrade after a few epochs, and it gets worse with model size and fewer unique
tokens, while data quality matters less than you'd think. Most regularizers don't help; dropout is the one that
does, but it needs re-tuning as the model grows‸. Side note: an MoE with a comparable number of trainable
params can be used to tune hyperparameters for the dense model much more cheaply.
`,
  },
  {
    name: 'Markdown note on editor completions, at re-rotating cached keys after an edit',
    languageId: 'markdown',
    target: 'code_llm_edit',
    text: `### Completion latency in the editor plugin

Current flow: on every keystroke we debounce 150 ms, then send the whole file (up to 8k tokens) to the local
DeepSeek-Coder 6.7B (\`llama-server --ctx 8192\`). Prompt caching works as long as the user only types at the end.

Retrieval of repo context is a separate issue, see [@unsupervised_dense2021] and \`ctx/retriever.py\`.

The problem: when the user edits a line in the middle of the file, everything after it has stale positions in
the cached keys, so we re-encode the whole suffix. Just encoding the edited span and splicing it into the old
cache confuses the model about token order. Since the keys carry rotary position embeddings, we could undo
the old rotation on the cached keys and re-apply the rotation for the corrected positions, a single matrix
multiplication instead of a full recompute, for insertions, deletions and edits in several places at once ‸
`,
  },
  {
    name: 'Markdown load-test notes, on splitting prompts to avoid decode stalls',
    languageId: 'markdown',
    target: 'taming_throughputlatency',
    text: `## vLLM vs our scheduler: notes from the load test

Setup: Mistral-7B on one A100, Poisson arrivals, P99 time-between-tokens SLO of 100 ms. Raw numbers in
\`bench/2024-05/\`, dashboards [here](https://grafana.example.org/d/serving).

- padding waste in prompt processing: handled by packing, see [@prepacking]
- KV cache memory: paged, block size 16
- the OOM on 32k prompts was a config typo, not the allocator

Observation: with large batches throughput is great, but whenever a new request arrives its whole prompt is
processed in one big iteration and all running decodes stall for hundreds of milliseconds. Decode iterations
are memory-bound and leave the GPU mostly idle, prompt iterations saturate compute. Fix: split each prompt
into fixed-size chunks and piggyback one chunk per iteration onto the ongoing decode batch, so new requests
join without pausing anyone. That way we can run the bigger batches (more throughput) and still keep the
per-token latency inside the SLO, unlike Orca-style iteration-level scheduling.
`,
  },
  {
    name: 'Markdown on-device note, at one compressed artifact whose size follows free memory',
    languageId: 'markdown',
    target: 'bitstack2024',
    text: `# On-device deployment

Target devices: laptops with 8-16 GB and phones with 6 GB, where the memory that is actually free changes all
the time (browser tabs, other apps). Battery numbers are in \`perf/mobile.md\`.

GPTQ and AWQ give fixed points (4-bit, 3-bit), each one a separate compression run and a separate file;
[@vptq2024] goes down to 2 bits but has the same issue. What I want instead is one artifact whose size can be
dialed up or down in megabyte steps at load time. Idea: decompose every weight matrix iteratively into residual
blocks of roughly one bit per parameter, sort the blocks by importance across the whole model and stack them in
storage; at runtime load as many as the free memory allows‸, and swap blocks in or out when that changes.
Training-free, and at extreme ratios it still matches the quantization baselines.
`,
  },
  {
    name: 'Markdown language-adaptation plan, on initializing embeddings for new tokens',
    languageId: 'markdown',
    target: 'empirical_comparison2024',
    text: `## Adapting LLaMA 2 to Swahili / Yoruba

Tokenizer fertility on Swahili is ~3x English, so sequences are long and inference is slow. Plan:

1. train a SentencePiece model on the target corpus, add ~10k new pieces to the tokenizer
2. keep pretraining on [mC4](https://hf.byter.me/datasets/mc4) sw + yo, LR schedule as in [@wechsel2022]
3. instruction-tune on the translated Alpaca set

The GPU reservation for step 2 starts on the 14th.

For step 1 the open question is how to initialize the embedding rows of the new tokens. Random init wastes the
first thousands of steps, and the cross-lingual approaches need aligned word embeddings that we don't have for
Yoruba. There is a theoretical argument that any initialization inside the convex hull of the existing embeddings
is a good one, and learning the new vectors as convex combinations of old ones, with no cross-lingual
resources, is as good as the fancy methods; even sampling from a multivariate normal fitted to the old
embeddings is on par, for RoBERTa as well as LLaMA 2.
`,
  },
  {
    name: 'Markdown note on updating a checkpoint with new data, at warming the LR up again',
    languageId: 'markdown',
    target: 'continual_pretraining',
    text: `### Updating the 410M checkpoint with the new crawl

We have the final Pythia-style checkpoint (cosine schedule fully decayed to 3e-5) and ~300B tokens of fresh
data. Training from scratch on old + new is too expensive. Data mix for the new crawl: see \`mix/v4.yaml\`.

- tokenizer stays the same, so no embedding surgery
- eval: validation perplexity on both the old and the new distribution

Question is the learning rate: continuing at the tiny final LR barely moves on the new data. Warming the LR
back up to a high maximum and decaying it again first makes the loss on both old and new data worse‸, but in
the longer run it beats the model trained from scratch on the new data, even with a dataset this large. The
warmup length matters less than the max LR. Some forgetting of the old data is the price [@continual_evaluation].
`,
  },
  {
    name: 'Markdown text-to-image eval note, on optimizing the initial noise against a reward',
    languageId: 'markdown',
    target: 'reno',
    text: `# Image generation eval: compositional prompts

GenEval scores for SD-Turbo and SDXL-Turbo are in \`results/geneval.csv\`; counting and spatial relations are
the weakest categories ("three red cubes left of a blue ball").

Fine-tuning the generator against a reward model (as in [@dmoerm2024] for text) worked for a while, then
started reward hacking, and it does not transfer to new prompt styles.

Alternative that leaves the weights alone:
- at inference, treat the initial latent noise as the only variable
- run ~50 steps of gradient ascent on it against one or several human-preference reward models
  (ImageReward, HPSv2, PickScore, CLIP), backpropagating through the distilled single-step generator
- 20-50 s per image; users prefer the result to SDXL nearly twice as often, on par with SD3
`,
  },
  {
    name: 'Markdown model-merging note, at folding in checkpoints one at a time by projection',
    languageId: 'markdown',
    target: 'merging_models_fly',
    text: `## Merged-model service

We get new fine-tuned CLIP ViT-B/32 checkpoints from other teams roughly every week (Cars, DTD, EuroSAT,
GTSRB, ...). Keeping all of them around and re-running TIES or Fisher merging over the whole set each time is
heavy: memory grows with the number of checkpoints, and the tasks interfere. Plain weight averaging
[@analysis_linear_mode] loses a lot of accuracy.

Not related: the eval cluster quota resets on Mondays (\`quota --reset-day\`).

Better: fold the checkpoints in one at a time, as they arrive. Project each new fine-tuning update onto the
subspace orthogonal to the updates that are already merged, so it doesn't overwrite them, and rescale adaptively
to keep the distance to the pretrained weights stable‸. Training-free, constant memory no matter how many models
come in, and robust to the order they arrive in.
`,
  },

  // ---------------------------------------------------------------- LaTeX paragraphs
  {
    name: 'LaTeX background on recurrent models, at the spectrum of the transition matrix',
    languageId: 'latex',
    target: 'unlocking_statetracking',
    text: `\\subsection{Recurrent alternatives}
Attention costs $O(T^2)$ in the sequence length, which motivated recurrent architectures with an update that is
linear in the state, $h_t = A(x_t)\\, h_{t-1} + B(x_t)\\, x_t$, such as Mamba, GLA and DeltaNet~\\cite{liger,deeper_understanding}.
% TODO: cite the RWKV paper too
These models train in parallel and decode in constant memory, yet, like transformers, they fail \\emph{in a single
forward pass} at simple tasks that require keeping track of a state, such as the parity of a bit string or counting modulo 3.
The culprit is the range of the transition matrix: if all eigenvalues of $A(x_t)$ lie in $[0,1]$, a finite-precision
model provably cannot solve parity, whereas letting the spectrum extend to $[-1,1]$‸, for instance with products of
generalized Householder matrices $I - \\beta\\, k k^\\top$ with $\\beta \\in [0,2]$, lets the recurrence recognize any
regular language, and such models still pretrain stably at 1.3B parameters.`,
  },
  {
    name: 'LaTeX setup paragraph, ending on variance-preserving initialization for message passing',
    languageId: 'latex',
    target: 'initialization_graph2023',
    text: `\\paragraph{Setup.} We train a two-layer model on ogbn-arxiv with Adam, learning rate $10^{-3}$ and dropout $0.5$,
following the protocol of~\\cite{hu2020ogb}.
% seeds 0-9, mean and std reported
Each layer computes $H^{(l+1)} = \\sigma(\\hat A H^{(l)} W^{(l)})$ with $W^{(l)} \\in \\mathbb{R}^{d\\times d}$.
The weights are usually drawn with Xavier or Kaiming scaling, which were derived to keep the variance of activations
and gradients constant in feed-forward and convolutional nets. In message-passing layers, however, the variance also
depends on the graph itself: the degree distribution, the aggregation $\\hat A$, the activation and the hidden width all
interact, so the standard schemes let the forward and backward variances drift from layer to layer. A scheme
\\emph{derived for message passing}, which equalizes forward and backward variance across successive layers, gives
more stable variance at the start of training and better accuracy on node classification, link prediction and graph classification.`,
  },
  {
    name: 'LaTeX on quantization-aware training of ViTs, at weights flipping between levels',
    languageId: 'latex',
    target: 'oscillationfree_quantization2023',
    text: `\\section{Training with the quantizer in the loop}
Post-training quantization of ViTs works well at 8 and even 6 bits~\\cite{gradientbased_posttraining}, but
below 4 bits accuracy collapses and one has to train with the quantizer in the forward pass,
$\\hat w = s\\cdot \\mathrm{clip}(\\lfloor w/s \\rceil, -2^{b-1}, 2^{b-1}-1)$, using the straight-through estimator for the gradient.
% DeiT-T at 2 bits: check the 9.8 points against the prior best
A known pathology at 2 bits is that many latent weights sit near a rounding threshold and keep flipping between two
adjacent levels from one step to the next, which destabilizes training. Making the scale $s$ \\emph{learnable}, as is
standard, actually makes this flipping worse; computing $s$ from weight statistics, freezing the weights whose level is
already confident during annealing, and reparameterizing the query and key projections jointly, since their quantized
weights interact, calms it down‸.`,
  },
  {
    name: 'LaTeX on condensing a training set by trajectory matching, with smoother teachers',
    languageId: 'latex',
    target: 'efficient_dataset2023',
    text: `Training on the full ImageNet for every hyperparameter sweep is too expensive, so we instead learn a handful of
synthetic images per class that train a network nearly as well as the real data~\\cite{cazenavette2022}. The synthetic set
$\\mathcal{S}$ is optimized so that a student trained on it for $N$ steps from $\\theta_t^*$ lands close to where a teacher
trained on real data arrives after $M$ steps,
$$\\mathcal{L} = \\frac{\\|\\hat\\theta_{t+N} - \\theta^*_{t+M}\\|^2}{\\|\\theta^*_t - \\theta^*_{t+M}\\|^2}.$$
% teacher checkpoints: 50 runs, 50 epochs each
Stronger teachers do not automatically help: their trajectories are too jagged to match. Keeping the teacher's
parameter changes smooth with a clipped loss and a gradient penalty, initializing $\\mathcal{S}$ from representative
real samples, balancing the inner-loop loss and matching intermediate checkpoints makes the condensed set
\\emph{much} more faithful, at every images-per-class budget.`,
  },
  {
    name: 'LaTeX background on intermediate decoding steps and complexity classes',
    languageId: 'latex',
    target: 'expressive_power_transformers',
    text: `\\section{Background}
Empirically, letting a model write out intermediate steps before the final answer improves reasoning on arithmetic and
symbolic tasks~\\cite{wei2022,program_synthesis}. Theory has mostly studied the opposite regime: a decoder that must
answer right after reading its input is limited to $\\mathsf{TC}^0$ and provably cannot check graph connectivity or
simulate a finite automaton.
% TODO: tighten the statement about log steps
How much do the extra decoding steps buy? With $O(\\log n)$ intermediate tokens barely anything, but with a linear
number of steps the decoder recognizes every regular language while staying within the context-sensitive languages,
and with polynomially many steps it captures exactly $\\mathsf{P}$‸. So the \\emph{length} of the scratchpad, not its
mere presence, determines what can be computed.`,
  },
  {
    name: 'LaTeX class-incremental method paragraph, on a layer of learnable key and value pairs',
    languageId: 'latex',
    target: 'discrete_keyvalue2022',
    text: `\\subsection{Class-incremental setting}
We follow the protocol of~\\cite{exemplarfree_continual}: CIFAR-100 split into 10 tasks, no task identity at test time,
and no replay buffer.
% TODO: add the ImageNet-R numbers
Fine-tuning the whole pretrained encoder on each new task overwrites what was learned before. Instead, we keep the
encoder frozen and place between it and the decoder a layer of $C$ learnable pairs $(k_i, v_i)$ with
$k_i \\in \\mathbb{R}^{d}$: every encoder output is snapped to its nearest keys, and only the corresponding values are
passed on and trained. Because a given input fetches only a sparse set of pairs, updates stay \\emph{local} and
context-dependent, which limits catastrophic forgetting without any task boundaries and provably reduces the
complexity of the hypothesis class.`,
  },
  {
    name: 'LaTeX on growing a transformer by treating its weights as attended-to tokens',
    languageId: 'latex',
    target: 'tokenformer2024',
    text: `Growing a trained transformer is awkward: changing $d_{\\text{model}}$ changes the shape of every
$W \\in \\mathbb{R}^{d\\times k}$, so in practice one retrains from scratch for each size, and the cost adds
up~\\cite{mixturegrowth2023}.
% keep this paragraph short, reviewers complained
A more flexible design treats the weights themselves as a set of learnable tokens: every linear projection becomes an
attention between the input tokens, acting as queries, and $n$ parameter vectors, acting as keys and values. Scaling up
then just means \\emph{appending} new key--value parameter pairs to the existing ones‸ and continuing training, going
from 124M to 1.4B parameters at a fraction of the cost of training each size anew.`,
  },
  {
    name: 'LaTeX on generative models with extra dimensions interpolating to diffusion',
    languageId: 'latex',
    target: 'pfgm',
    text: `\\section{Sampling by following fields}
Score-based diffusion~\\cite{song2021} perturbs data with Gaussian noise of increasing scale $\\sigma$ and learns to
reverse it. An electrostatic alternative places the $N$-dimensional data in a space with $D$ \\emph{extra} dimensions
and follows the field lines emitted by the data as charges; the norm $r = \\|z\\|$ of the extra variables
$z \\in \\mathbb{R}^{D}$ plays the role of the noise level.
With $D=1$ one recovers the earlier field-based model, and as $D \\to \\infty$ it reduces to diffusion. Intermediate $D$
trades robustness to estimation errors against rigidity; training uses an unbiased perturbation objective instead of
biased large-batch field targets, and hyperparameters tuned for diffusion carry over to any finite $D$ by aligning $r$
with $\\sigma$ (FID 1.91 on CIFAR-10 at $D=2048$).
% check the FFHQ number`,
  },
  {
    name: 'LaTeX on combining fine-tuned weight differences with one coefficient per block',
    languageId: 'latex',
    target: 'knowledge_composition2024',
    text: `\\paragraph{Composing fine-tuned models.}
Let $\\tau_i = \\theta_i - \\theta_0$ be the weight difference of a CLIP model fine-tuned on task $i$; adding or
subtracting such differences edits the behavior of the pretrained model~\\cite{ilharco2023}, and sparsifying them makes
them cheap to send~\\cite{compeft2023}.
% notation: b indexes parameter blocks, see Table 1
A single scalar per difference is crude. Splitting each $\\tau_i$ into its parameter blocks (one per layer and weight
type) and learning a separate coefficient $\\lambda_{i,b}$ for every block,
$\\theta = \\theta_0 + \\sum_i \\sum_b \\lambda_{i,b}\\, \\tau_i^{(b)}$‸, gives an \\emph{anisotropic} combination with only a
few hundred trainable numbers, which works with scarce or no labels, in few-shot and test-time adaptation, and
interferes less than a uniform sum.`,
  },
  {
    name: 'LaTeX numerical setup, on choosing the relaxation factor online across many solves',
    languageId: 'latex',
    target: 'learning_relax_setting',
    text: `\\section{Numerical setup}
The implicit time stepping requires solving $A_t x = b_t$ at every step $t = 1,\\dots,T$, with
$A_t \\in \\mathbb{R}^{n\\times n}$ sparse, symmetric positive definite and slowly varying~\\cite{saad2003}.
% n = 10^6 for the 3D case
We use successive over-relaxation, whose runtime depends strongly on the relaxation factor $\\omega \\in (0,2)$; the
best $\\omega$ depends on the spectrum of each matrix and is too expensive to compute. Rather than a fixed heuristic
value, $\\omega$ can be chosen \\emph{online} across the sequence of solves by a bandit algorithm that only observes the
number of iterations each solve took, with no extra matrix computations; its total cost approaches that of the best
fixed $\\omega$ in hindsight, and with contextual information that of the instance-optimal choice.`,
  },

  // ---------------------------------------------------------------- code comments
  {
    name: 'Python comment in a sparse MLP wrapper, at scoring inputs by weight column norms',
    languageId: 'python',
    target: 'wina2025',
    text: `import torch
import torch.nn as nn


class SparseMLP(nn.Module):
    """Wraps a gated MLP and skips inactive neurons at decode time."""

    def __init__(self, mlp: nn.Module, sparsity: float = 0.5):
        super().__init__()
        self.mlp = mlp
        self.sparsity = sparsity
        # Training-free sparse activation at inference: no router to train, unlike MoE, so it works on any
        # dense LLM checkpoint. Deciding which neurons to skip from the hidden state magnitude |x| alone (as
        # TEAL does) gives a large approximation error, because a small entry can still matter if its weight
        # column is large. So score each input channel by |x_i| * ||W[:, i]||_2, the hidden state times the
        # column-wise l2 norm of the weight matrix, and keep the top-k‸; tighter error bound at the same sparsity
        self.col_norm = mlp.down_proj.weight.norm(dim=0)  # (d_in,)

    def forward(self, x: torch.Tensor) -> torch.Tensor:
        k = int(x.shape[-1] * (1 - self.sparsity))
        scores = x.abs() * self.col_norm
`,
  },
  {
    name: 'Python comment on initializing a deep model by repeating a shallow model layers',
    languageId: 'python',
    target: 'stacking_transformers2024',
    text: `from dataclasses import dataclass

from transformers import LlamaConfig, LlamaForCausalLM


@dataclass
class GrowConfig:
    small_layers: int = 8
    factor: int = 4  # target depth = factor * small_layers
    grow_after_tokens: float = 10e9


def grow_depth(small: LlamaForCausalLM, cfg: GrowConfig) -> LlamaForCausalLM:
    # Pretraining the 7B from random init is the expensive part of the budget. Instead, reuse a smaller model
    # to speed up the larger one: train a shallow model for ~10B tokens first, then initialize the deep one by
    # copying its whole block of layers \`factor\` times on top of itself (depthwise, not width-wise, no
    # interpolation between layers). Of the four atomic growth operators we compared (depth/width x copy/new)
    # this one clearly wins: the grown 7B reaches the loss of the conventionally trained one with ~194B instead
    # of 300B tokens. Guidelines for growth timing and growth factor: see README.
    big_cfg = LlamaConfig(**{**small.config.to_dict(), "num_hidden_layers": cfg.factor * cfg.small_layers})
    big = LlamaForCausalLM(big_cfg)
    for i, layer in enumerate(big.model.layers):
        layer.load_state_dict(small.model.layers[i % cfg.small_layers].state_dict())
    return big
`,
  },
  {
    name: 'TypeScript comment in a grammar-constrained sampler, at checking only sampled tokens',
    languageId: 'typescript',
    target: 'fast_controlled_generation',
    text: `import { Grammar } from './grammar';
import type { LanguageModel } from './lm';

export async function sampleWithGrammar(lm: LanguageModel, grammar: Grammar, prompt: string, maxTokens = 256): Promise<string> {
  let text = '';
  for (let step = 0; step < maxTokens; step++) {
    const logits = await lm.nextLogits(prompt + text);
    // Masking the whole vocabulary (128k tokens) against the JSON grammar at every step is what made this
    // slow: most of the time goes into checking tokens we would never sample. Instead draw a token from the
    // unconstrained distribution, check only that one, and if it violates the grammar remove it and redraw
    // from the renormalized rest. Usually a handful of checks per step instead of 128k‸, and the rejected mass
    // gives an unbiased importance weight that the SMC resampler can use to undo the myopic local bias.
    const { token, weight } = drawUntilValid(logits, (t) => grammar.accepts(text + lm.decode(t)));
    particles.reweight(weight);
    text += lm.decode(token);
    if (token === lm.eosId) break;
  }
  return text;
}
`,
  },
  {
    name: 'C++ comment above a CUDA GEMM kernel on bit-plane products for odd bit widths',
    languageId: 'cpp',
    target: 'efficient_arbitrary',
    text: `#include <cuda_fp16.h>
#include <mma.h>

namespace kernels {

// W3A8 / W5A8 GEMM for the quantized decoder layers.
//
// The tensor-core MMA instructions only support int8/int4 (and 1-bit) operands, so odd widths like 3 or 5 bits usually fall back to
// dequantizing to fp16, which throws away most of the speedup. Here every weight and activation matrix is split
// into bit planes, each pair of planes is multiplied with the 1-bit tensor-core MMA, and the partial products are
// recombined with shifts. Bits are encoded as -1/+1 instead of 0/1, so the format is symmetric and needs no
// zero-point correction. Planes are pre-packed in a layout that matches the fragment shape and staged through
// shared memory; at these widths it is about 2x faster than CUTLASS.
template <int WBITS, int ABITS>
__global__ void bitplane_gemm(const uint32_t* __restrict__ Wp, const uint32_t* __restrict__ Xp,
                              half* __restrict__ Y, int M, int N, int K) {
  using namespace nvcuda::wmma::experimental;
`,
  },
  {
    name: 'Rust comment on a depthwise conv whose few kernel taps have learned positions',
    languageId: 'rust',
    target: 'dilated_convolution2021',
    text: `use candle_core::{Result, Tensor};
use candle_nn::{Module, VarBuilder};

/// Depthwise convolution used in the ConvNeXt blocks of the backbone.
pub struct SparseTapConv {
    weights: Tensor,   // (channels, taps)
    positions: Tensor, // (channels, taps, 2), learnable, in pixels
    kernel_extent: usize,
}

impl SparseTapConv {
    // We want a 17x17 receptive field, but a dense 17x17 kernel is 289 weights per channel and hard to train.
    // A dilated kernel has the same reach with a few taps, but its grid is fixed. Here each channel has only
    // \`taps\` non-zero weights whose positions are learned by backprop as well: fractional offsets are spread
    // to the neighbouring integer cells with bilinear interpolation, so the gradient reaches the positions‸.
    // Drop-in replacement for the depthwise conv, same parameter count, better ImageNet accuracy.
    pub fn new(vb: VarBuilder, channels: usize, taps: usize, kernel_extent: usize) -> Result<Self> {
        let weights = vb.get((channels, taps), "weights")?;
`,
  },
  {
    name: 'Go doc comment on picking the best of streamed arms with a single pass and one arm of memory',
    languageId: 'go',
    target: 'tight_regret_bounds',
    text: `package bandit

import (
	"math"
	"math/rand"
)

// StreamSelector picks a ranking variant from candidates that arrive one at a time.
//
// Arms (variants) arrive in a stream and we see each one only once: after we move on from an arm we cannot
// come back, and we can keep only one arm in memory besides the current one. Uniform exploration gets
// regret O(K^{1/3} T^{2/3} log^{1/3} T); the log factor turns out to be unnecessary. Explore each arriving
// arm just enough to keep an epsilon-best one as the champion, then commit to it for the remaining trials,
// which gives O(K^{1/3} T^{2/3}) and matches the lower bound for any algorithm with sublinear memory.
type StreamSelector struct {
	champion   int
	championMu float64
	budget     int
	rng        *rand.Rand
}

func (s *StreamSelector) pullsPerArm(k, t int) int {
	return int(math.Ceil(math.Pow(float64(t)/float64(k), 2.0/3.0)))
}
`,
  },
  {
    name: 'Java comment on recovering a K-sparse Walsh spectrum from noisy samples',
    languageId: 'java',
    target: 'spright',
    text: `package org.example.spectral;

import java.util.ArrayList;
import java.util.List;

/**
 * Recovers the few large coefficients of a pseudo-Boolean function f: {0,1}^n -> R,
 * e.g. the interactions of a model's output over n binary features.
 */
public final class SparseSpectrumRecovery {

    // Computing the full spectrum in the Hadamard basis for N = 2^n points costs O(N log N) and needs all N
    // queries, which is hopeless for n = 40. If only K of the Walsh coefficients are non-zero, we can subsample
    // with hashing, alias the spectrum into small bins and peel off singletons, like decoding a sparse-graph
    // code. The noiseless peeling breaks as soon as the samples are noisy; the robust variant keeps the same
    // O(K log N) samples and O(K log^2 N) time‸, only a constant factor more, while tolerating noise.
    private final int n;
    private final int k;
    private final List<long[]> bins = new ArrayList<>();
`,
  },
  {
    name: 'Python comment on an adapter whose frozen random down-projection acts as the router',
    languageId: 'python',
    target: 'flylora2025',
    text: `import torch
import torch.nn as nn


class RankwiseAdapter(nn.Module):
    def __init__(self, base: nn.Linear, r: int = 32, k: int = 8, density: float = 0.1):
        super().__init__()
        self.base = base.requires_grad_(False)
        # Low-rank adapter where the rank-one components act as experts. The mixture-of-adapters variants need a
        # separate trainable router and still interfere when we merge adapters trained on different tasks.
        # Here the down-projection A is a frozen sparse random matrix and doubles as the router: for each
        # token only the top-k components of A @ x are kept, and only those columns of B are used and trained.
        # No router parameters, and since random projections are nearly orthogonal, adapters from separate
        # tasks interfere much less when we add them together.
        A = torch.randn(r, base.in_features) * (torch.rand(r, base.in_features) < density)
        self.register_buffer("A", A)
        self.B = nn.Parameter(torch.zeros(base.out_features, r))
        self.k = k
`,
  },
  {
    name: 'C++ comment on a hash-grid encoder, at a pruned 3D saliency mask against collisions',
    languageId: 'cpp',
    target: 'hollownerf2023',
    text: `#include <torch/extension.h>
#include "hash_encoding.h"

// Multiresolution hash-grid encoding (Instant-NGP style), 16 levels, 2^19 entries per level.
//
// Most of the grid encodes empty space, and because cells hash into a fixed-size table, empty cells collide
// with the ones on the object surface and degrade them. Rather than estimating occupancy by re-evaluating the
// model every few hundred steps, we train a coarse 3D saliency mask alongside the grid, sparsify it with an
// ADMM pruner during training, and multiply the hashed features by it‸; pruned regions stop competing for
// table entries, so quality goes up while using roughly a third of the parameters.
torch::Tensor masked_hash_encode(const torch::Tensor& xyz, const torch::Tensor& table,
                                 const torch::Tensor& saliency, int levels) {
  TORCH_CHECK(xyz.size(-1) == 3, "expected 3D points");
`,
  },
  {
    name: 'Python comment on a layer gated by hyperparameters for tuning them within one run',
    languageId: 'python',
    target: 'selftuning_networks2019',
    text: `import torch
import torch.nn as nn


class HyperGatedLinear(nn.Module):
    """Linear layer whose hidden units are modulated by the current hyperparameters."""

    def __init__(self, d_in: int, d_out: int, n_hparams: int):
        super().__init__()
        self.elem = nn.Linear(d_in, d_out)
        self.gate = nn.Linear(n_hparams, d_out)

    # Grid or random search means one full training run per configuration. Here the tuning happens inside a
    # single run: the network approximates how the optimal weights respond to the regularization
    # hyperparameters (dropout rates, augmentation strength, weight decay) by gating its hidden units on them.
    # Training alternates between fitting that approximation around the current hyperparameters on the
    # training loss and updating the hyperparameters on the validation loss through it. We never differentiate
    # the training loss w.r.t. the hyperparameters, so discrete ones work too, and we get a schedule instead of
    # a fixed value.
    def forward(self, x: torch.Tensor, h: torch.Tensor) -> torch.Tensor:
        return self.elem(x) * torch.sigmoid(self.gate(h))
`,
  },
];
