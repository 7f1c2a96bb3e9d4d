/**
 * Passages as writers leave them, each about one bundled paper: Markdown notes, LaTeX paragraphs and
 * comments in code of several languages, with the noise real files have (code, math, markup, other
 * citations, TODOs), the cursor (`‸`) in the part that needs a citation. Written by hand from each
 * paper's abstract (never from search results), 2026-12-04, before any ranking was tuned on them;
 * `splitHalves` cuts them into a tuning and a held-out half.
 */
import type { QualityPassage } from './tuningPassages';

export const WRITERS_PASSAGES: QualityPassage[] = [
  {
    name: 'Markdown lab note on LoRA init, at data-driven initialization',
    languageId: 'markdown',
    target: 'initialization_rule2024',
    text: `## Adapter runs, week 12

Rank 16 everywhere converges slowly and the random init of \`A\` seems to waste the first
thousand steps (see [the dashboard](https://wandb.example.com/runs/42)). Idea from the reading group:
run SVD on a few minibatches of activations, initialize the adapter matrices with the right singular
vectors, and give more rank to the layers that explain more variance‸. Then continue ordinary
LoRA training. QLoRA stays the memory baseline.
`,
  },
  {
    name: 'LaTeX paragraph in a neuroscience thesis, at low-rank initial connectivity',
    languageId: 'latex',
    target: 'connectivity_structure2023',
    text: `\\subsection{Learning regimes}
Small initial weights lead to the rich regime and large ones to the lazy regime, in which the
representation barely changes~\\cite{feature_learning_infinitewidth2020}. Biological circuits, however, are not
initialized at random: their connectivity has low-rank structure. We therefore ask how the effective
rank of the initial weights decides between rich and lazy learning‸, and find that high-rank
initializations make recurrent networks lazier, unless a low-rank initialization is aligned with the task.
% TODO figure 3 with the effective-rank sweep`,
  },
  {
    name: 'Python comment in an implicit neural representation script, at noisy init',
    languageId: 'python',
    target: 'spectral_bottleneck2025',
    text: `model = Siren(in_features=1, hidden=256, layers=5)
# Audio fitting. The SIREN fits speech fine but fails completely on the cymbal clip, which has almost
# no low-frequency content: the network never reconstructs the signal, even the frequencies it could
# represent. Fix: perturb the uniform initial weights with gaussian noise whose scale is set from
# the spectral centroid of the target signal‸ (weight init with noise for neural representations).
opt = torch.optim.Adam(model.parameters(), lr=1e-4)
`,
  },
  {
    name: 'TypeScript comment on a tokenizer extension, at new embedding rows',
    languageId: 'typescript',
    target: 'empirical_comparison2024',
    text: `// Tokenizer extension for the Swahili model. We add 12k merges learned on the new corpus, so the
// embedding matrix grows by 12k rows. How to set them? Copying a random row or using the mean works
// poorly; cross-lingual embeddings are not available for this language. Keeping each new vector
// inside the convex hull of the existing embeddings is provably a good start, and a constrained
// word2vec fit does as well as the fancy methods ‸ before we continue pretraining.
export function initNewRows(embeddings: Float32Array[], count: number): Float32Array[] {
  return [];
}
`,
  },
  {
    name: 'Markdown deployment note, at codebooks for phones',
    languageId: 'markdown',
    target: 'network_memory_footprint2023',
    text: `# On-device build

The 7B model must load on five-year-old phones with 3 GB free. Pruning gave nothing usable and int4
scalar quantization still leaves it too big. Codebook quantization is the most memory-efficient
family, but one codebook per tensor is too coarse and several codebooks need a costly mapping.
Group neurons with similar distributions first, then learn codebooks and weight mappings jointly‸,
which should get the model near 2 GB.
`,
  },
  {
    name: 'Python docstring of a sampler, at per-sample loss weights',
    languageId: 'python',
    target: 'dynamic_lossbased2025',
    text: `class LossWeightedSampler:
    """Weights each pretraining sequence by its current loss.

    The data mixture itself is fixed by domain (see DoReMi-style group weights in mixtures.py);
    this works at the level of single instances. Samples whose loss is already low are redundant and
    get down-weighted online as training goes on, so the model focuses on informative ones‸.
    Convergence bounds for this kind of reweighting exist for gradient methods.
    """

    def __init__(self, temperature: float = 1.0):
        self.temperature = temperature
`,
  },
  {
    name: 'Rust comment on a constrained decoder, at rejection sampling',
    languageId: 'rust',
    target: 'fast_controlled_generation',
    text: `/// Constrained decoding for the JSON mode. The naive version masks tokens: it runs the grammar
/// check on all 128k vocabulary entries at every step, which dominates latency, and local masking
/// also distorts the distribution over whole strings. Instead, sample a token, check only that
/// one, and reject and resample adaptively‸; the same draws give unbiased importance weights we can
/// feed to sequential Monte Carlo to correct the myopic bias.
pub fn sample_constrained(logits: &[f32], grammar: &Grammar) -> u32 {
    0
}
`,
  },
  {
    name: 'LaTeX related work on PEFT, at singular values as parameters',
    languageId: 'latex',
    target: 'svfit2024',
    text: `Parameter-efficient methods such as adapters~\\cite{compacter2021} and LoRA train a small number of
new parameters, but LoRA's random initialization of its low-rank matrices gives a poor starting
point. A line of work therefore starts from the pretrained weights themselves: one can compute the
SVD of each pretrained weight matrix, keep its best rank-$r$ approximation, and train only the top
singular values that scale the fixed singular subspaces‸, with many fewer trainable parameters than
LoRA. Others learn the rank allocation instead~\\citep{adaptive_budget_allocation}.`,
  },
  {
    name: 'Go comment in a training config, at the r-by-r matrix',
    languageId: 'go',
    target: 'initialization_update2024',
    text: `// AdapterConfig for the math fine-tune. Plain LoRA at rank 8 lags full fine-tuning by three points
// on GSM8K. The variant we try freezes both low-rank factors and trains only a small r x r matrix
// between them, initialized so that the first update approximates the full fine-tuning gradient‸;
// that removes the learning rate and scaling sweeps entirely.
type AdapterConfig struct {
	Rank int
	Init string
}
`,
  },
  {
    name: 'Markdown safety note, at misalignment from narrow fine-tuning',
    languageId: 'markdown',
    target: 'devil_details_emergent2025',
    text: `### Red-team results (Qwen 3, 8B)

Jailbreak prompts: 3% success after safety tuning. Refusals on medical questions are fine.
The worrying one: after we fine-tuned on a narrow dataset of insecure code, the model gave harmful
answers on unrelated topics too, and asking for the answer as JSON roughly doubled how often it
happened‸. Open-weights models seem less affected than GPT-4o, but it reproduces.
`,
  },
  {
    name: 'Python comment in a sequence model, at large-chunk fast weights',
    languageId: 'python',
    target: 'testtime_training2025',
    text: `class FastWeightLayer(nn.Module):
    # Test-time training layer: an MLP whose weights are updated by gradient steps on the sequence
    # while we run inference, acting as the recurrent state. Updating every 16 tokens keeps the GPU
    # at a few percent FLOPs utilization, so we update on very large chunks of thousands of tokens
    # at once‸, which also lets the state grow large and works for image sets, not only 1D text.
    def forward(self, x):
        return x
`,
  },
  {
    name: 'LaTeX paragraph on weight generation, at autoregressive generation from instructions',
    languageId: 'latex',
    target: 'instructionguided_autoregressive2025',
    text: `Hypernetworks~\\cite{magnitude_invariant2023} predict the weights of a target network from an
embedding. Diffusion models over weights scale poorly to large architectures and generate layers
independently. We instead tokenize weights with a VQ-VAE and generate them token by token with an
autoregressive model conditioned on a task instruction, the dataset and the architecture‸, which keeps
consecutive layers coherent. $\\mathcal{L}_{\\text{VQ}}$ is the usual commitment loss.`,
  },
  {
    name: 'TypeScript comment on a model zoo service, at weights from diffusion',
    languageId: 'typescript',
    target: 'diffusionbased_neural2024',
    text: `/**
 * Picks starting weights for a user's dataset. Today we choose a checkpoint from the zoo by name,
 * which is blind: the best source depends on how similar its data is. The planned service learns the
 * distribution of weights of models pretrained on many datasets with a latent diffusion model and
 * samples new weights conditioned on the target dataset‸, no fine-tuning of a collection needed.
 */
export async function initialWeights(datasetId: string): Promise<ArrayBuffer> {
  return new ArrayBuffer(0);
}
`,
  },
  {
    name: 'Markdown planning note on data-limited pretraining, at weight decay and ensembles',
    languageId: 'markdown',
    target: 'pretraining_infinite2025',
    text: `**Budget:** compute is not the limit this year, unique tokens are (200M of in-domain text).

More epochs and more parameters overfit after a while. What seems to work: much stronger weight
decay than usual (tens of times larger), then ensembling independently trained models, and finally
distilling the ensemble into one smaller student‸. Estimate each recipe by the asymptote of its
scaling law, not by the loss at a fixed budget.
`,
  },
  {
    name: 'Python comment in a trainer, at KL-anchored reweighted SFT',
    languageId: 'python',
    target: 'anchored_supervised2025',
    text: `def sft_loss(logits, labels, ref_logits):
    # Plain SFT memorizes the demonstrations; RL generalizes better but costs 10x. Dynamic fine-tuning
    # reweights each token's loss by its probability and helps on math, but it drifts and becomes
    # unstable on other tasks. Add a light KL term to a reference model as an anchor‸ so the
    # reweighting keeps its tighter bound without the drift.
    weights = logits.softmax(-1).gather(-1, labels[..., None]).detach()
    return (weights * F.cross_entropy(logits, labels, reduction="none")).mean()
`,
  },
  {
    name: 'LaTeX paragraph on continual learning, at the key-value bottleneck',
    languageId: 'latex',
    target: 'discrete_keyvalue2022',
    text: `Replay buffers~\\cite{continual_evaluation} and regularization limit forgetting but need task
boundaries or stored samples. With a large pretrained encoder, fine-tuning all its weights on each new
task overwrites the old ones. Instead, we freeze the encoder and pass its output through a discrete
bottleneck of learnable key--value codes: the nearest keys select values that are decoded for the
task, so each update stays local and sparse‸. No task identity is needed.`,
  },
  {
    name: 'Markdown reading note, at temporary forgetting of embeddings',
    languageId: 'markdown',
    target: 'dual_process_learning2024',
    text: `Reading group notes — in-context learning

Models learn facts in their weights and can also learn from the prompt. They fail on tokens they
rarely saw in training. Periodically resetting the token embeddings (active forgetting) pushes the
model to rely on sentence structure in context instead; doing it only for a while lets you control
how much it relies on in-weights versus in-context solutions‸. Tested on part-of-speech tagging.
`,
  },
  {
    name: 'Python comment of a distillation script, at smooth expert trajectories',
    languageId: 'python',
    target: 'efficient_dataset2023',
    text: `# Condense CIFAR-10 to 10 images per class. Trajectory matching: the synthetic set is optimized so
# that a student trained on it follows the parameter trajectory of experts trained on the full data.
# Our experts were too jumpy; clipping their loss and adding a gradient penalty so their parameters
# change smoothly makes the distilled images much better‸. Also initialize the synthetic images
# from representative real samples instead of noise.
syn_images = init_from_real(train_set, per_class=10)
`,
  },
  {
    name: 'TypeScript comment in an architecture search tool, at gradient-free proxy',
    languageId: 'typescript',
    target: 'wpca_based_gradientfree2025',
    text: `// Architecture search for the tiny on-device language model. Training each candidate is out of
// the question and one-shot supernets are biased. Score candidates without training and without
// gradients: parameter count plus the number of principal components of the feed-forward weights
// needed to reach a variance threshold‸. Ranks correlate well with GLUE after training.
export function proxyScore(ffnWeights: number[][], params: number): number {
  return params;
}
`,
  },
  {
    name: 'C++ comment in an inference kernel, at weight-informed sparse activation',
    languageId: 'cpp',
    target: 'wina2025',
    text: `// Sparse MLP kernel. MoE needs special training; we want plug-and-play sparsity on a dense LLM.
// Selecting neurons by the magnitude of the hidden state alone (as TEAL does) gives large errors.
// Rank each neuron by |x_i| times the l2 norm of the matching weight column and skip the rest,
// which has a tighter approximation bound and needs no training‸.
template <typename T>
void sparse_gemv(const T* w, const T* x, T* y, int rows, int cols, float keep);
`,
  },
  {
    name: 'Markdown hardware note, at shift networks',
    languageId: 'markdown',
    target: 'denseshift2022',
    text: `## MCU port

No FPU and a slow multiplier on the Cortex-M0. Options: binarization (too lossy), int8 (still needs
multiplies), or power-of-two weights so every multiply becomes a bit shift. Existing low-bit shift
networks lose accuracy and transfer badly; dropping the zero weight value, a sign-scale decomposition
and a low-variance init reportedly close the gap to full precision‸.
`,
  },
  {
    name: 'LaTeX paragraph on QAT, at scaling behaviour of 4-bit error',
    languageId: 'latex',
    target: 'scaling_law_quantizationaware2025',
    text: `Post-training quantization~\\cite{awq2023,gwq} degrades below 4 bits, so quantization-aware training
is the method of choice for W4A4. How does its error scale? We model the quantization error as a
function of model size, number of training tokens and quantization group size: the error shrinks
with larger models but grows with more training tokens and coarser groups‸, and the activation
error of the FC2 layer, caused by outliers, dominates.`,
  },
  {
    name: 'Python comment in a data pipeline, at bilevel data reweighting for LLMs',
    languageId: 'python',
    target: 'scalebio2024',
    text: `# Data mixture for instruction tuning: 12 sources, weights chosen by hand so far.
# Influence-based filtering was too slow on 8B models. Plan: treat source weights as upper-level
# variables of a bilevel problem and solve it with a first-order method (no second-order terms),
# together with layer-wise sampling to save memory, so it scales to 30B on one 8xH100 node‸
weights = {src: 1.0 / len(sources) for src in sources}
`,
  },
  {
    name: 'Markdown architecture note, at converting attention to gated recurrence',
    languageId: 'markdown',
    target: 'liger',
    text: `### Long-context serving

The KV cache of the 8B model grows linearly with the context. Linear recurrent models have constant
memory but pretraining one from scratch is too expensive. Convert the pretrained transformer instead:
reuse its key projections to build the gates of a gated linear recurrence, add no new parameters, and
recover quality with a short LoRA fine-tune‸. Keep a few hybrid attention layers.
`,
  },
  {
    name: 'Python docstring of a continual ViT trainer, at gated class attention',
    languageId: 'python',
    target: 'exemplarfree_continual',
    text: `def train_task(model, task_loader, old_heads):
    """Train the ViT on the next task of the class-incremental stream.

    Privacy rules forbid keeping any images from earlier tasks, so rehearsal is out. Gate the class
    attention of the last block with masks that protect the weights important to earlier tasks, and
    compensate the drift of backbone features for the old classifiers in a cascade‸.
    No task id at test time.
    """
`,
  },
  {
    name: 'LaTeX paragraph on prompt tuning, at splitting the soft prompt',
    languageId: 'latex',
    target: 'efficient_prompt_tuning',
    text: `Soft prompts adapt a frozen language model by learning only the embeddings of a few prompt tokens.
Longer prompts are more accurate but slower to train, and one embedding space serves tasks with
different needs. We decompose the soft prompt into a shorter prompt plus two low-rank matrices and
project it into several subspaces whose combination is learned by a gate‸, reducing training time.
Table~\\ref{tab:glue} reports the thirteen tasks.`,
  },
  {
    name: 'Java comment in an inference service, at a learned exit gate',
    languageId: 'java',
    target: 'jointlylearned_exit',
    text: `/**
 * Early-exit inference. Each intermediate classifier may answer if it is confident enough.
 * Thresholding the softmax confidence is biased and the gate was trained separately from the
 * intermediate classifiers, so train and test do not match. Learn the exit decision and the
 * intermediate inference modules together‸, which also gives calibrated uncertainty.
 */
public final class EarlyExitRunner {
    private final double threshold = 0.9;
}
`,
  },
  {
    name: 'Markdown theory note, at top-k softmax gating estimation',
    languageId: 'markdown',
    target: 'statistical_perspective',
    text: `Theory reading — MoE routers

Sparse routers send each input to the top-K experts of a softmax gate. What does that do to
estimation? With a Gaussian mixture of experts, when the true number of experts is known, density
and parameter estimates converge at parametric rates; when the model is over-specified, the
parameters converge much more slowly because the gate and the experts interact‸.
`,
  },
  {
    name: 'Python comment on a memory-saving linear layer, at sampled activations',
    languageId: 'python',
    target: 'winnertakeall_column',
    text: `class SampledLinear(torch.autograd.Function):
    # Fine-tuning T5-3B runs out of memory at batch size 4, and it is the saved activations, not the
    # trainable parameters, that fill the GPU. SGD tolerates noisy gradients if they are unbiased,
    # so keep only a sample of columns and rows of the activations for the backward matrix product,
    # chosen winner-take-all to keep the variance low‸.
    @staticmethod
    def forward(ctx, x, w):
        return x @ w.T
`,
  },
  {
    name: 'LaTeX paragraph on efficient tuning of BERT, at dual sparsity',
    languageId: 'latex',
    target: 'dsee',
    text: `Fine-tuning a 175B model is expensive, and the fine-tuned model is as large as the pretrained one,
even though it serves one task. Low-rank updates~\\cite{lora_full_finetuning} solve only the first problem.
We enforce sparsity in both directions: sparsity-aware low-rank updates on top of the frozen weights,
and a sparse structure in the final weights for cheaper inference‸, unstructured and structured alike.`,
  },
  {
    name: 'Markdown experiment log, at sparse deltas with regrowth',
    languageId: 'markdown',
    target: 'scaling_sparse_finetuning2024',
    text: `Instruction-tuning LLaMA 2 13B — adapter comparison

| method | MMLU |
| --- | --- |
| LoRA r=64 | 54.1 |

Next: sparse fine-tuning. Keep an array of parameter indices and their deltas from the pretrained
values; alternately update the deltas, drop the indices whose deltas changed least and regrow new
ones from accumulated gradients or approximate momenta‸. Memory stays proportional to the density.
`,
  },
  {
    name: 'Python comment in a quantizer, at cross-block reconstruction',
    languageId: 'python',
    target: 'cbq',
    text: `# W4A4 post-training quantization of the 13B model. Block-by-block reconstruction (one transformer
# block at a time) accumulates errors across blocks, and extreme outliers in weights and activations
# make the reconstruction hard. Reconstruct overlapping windows of several blocks together, clip weight
# outliers and rescale activation outliers first, and learn the rounding with two low-rank matrices‸
for window in sliding_windows(model.blocks, size=2, overlap=1):
    reconstruct(window, calib)
`,
  },
  {
    name: 'Markdown note on image generation speed, at speculative decoding for continuous tokens',
    languageId: 'markdown',
    target: 'continuous_speculative',
    text: `## Image model latency

The autoregressive image model outputs continuous-valued tokens through a small diffusion head, so
sampling is slow. Draft-then-verify works for LLMs [@specdec; @recursive_speculative], but their
acceptance test assumes discrete tokens. We need an acceptance criterion for the diffusion output
distributions, plus trajectory alignment between draft and target‸, to get around 2x.
`,
  },
  {
    name: 'TypeScript comment in a code assistant, at contrastive decoding with a bad prompt',
    languageId: 'typescript',
    target: 'uscd',
    text: `// Code completion quality. One-pass generations contain "noise" tokens that break the program.
// Build a deliberately bad prompt by removing the input-output examples from the few-shot prompt,
// and subtract its predictions where the normal prompt's token distribution is uncertain‸. This is
// inference-only, no fine-tuning; measured on HumanEval and MBPP.
export function contrastiveLogits(good: number[], bad: number[], alpha = 0.5): number[] {
  return good.map((g, i) => g - alpha * bad[i]);
}
`,
  },
  {
    name: 'LaTeX paragraph on training cost, at sparse pretraining then dense fine-tuning',
    languageId: 'latex',
    target: 'spdf',
    text: `Pre-training costs orders of magnitude more FLOPs than fine-tuning, yet both phases use the same
capacity. Structured sparsity~\\cite{progressive_gradient} speeds up inference; here we want cheaper
training. Train only a subset of the weights during pre-training, with 75\\% of them zeroed, and let
the zeroed weights learn again during fine-tuning to recover capacity‸. For GPT-3 XL this cuts
pre-training FLOPs by $2.5\\times$.`,
  },
  {
    name: 'Python comment in a finetuning recipe, at freezing half the parameters',
    languageId: 'python',
    target: 'hft',
    text: `# Stage 2 of the chat recipe: SFT, then DPO, then the domain stage. Each stage erased some of
# what the previous one taught (the model forgot its general knowledge after the domain stage).
# Randomly pick half of the parameters to train in each stage and freeze the other half so
# they keep the earlier knowledge‸; it also trains about 30% faster.
trainable = select_half(model.parameters(), seed=stage)
`,
  },
  {
    name: 'Markdown comparison note, at randomized parameter sharing',
    languageId: 'markdown',
    target: 'defense_parameter',
    text: `### Memory-accuracy curves

At 100x compression, magnitude pruning, SNIP and SynFlow all break down, and a smaller architecture
is worse still. Hashing all weights into one shared random array (randomized parameter sharing) from
the start of training matches or beats them across the whole range‸; the ROAST variant needs a fix
for its instability at initialization.
`,
  },
  {
    name: 'Python comment in an image editor, at fixed-point inversion',
    languageId: 'python',
    target: 'source_prompt_disentangled',
    text: `def invert(image, source_prompt, steps=50):
    # Text-driven editing: invert the photo into diffusion noise, then denoise with the edited
    # prompt. DDIM inversion ties the noise to the source prompt, so the edit fights the original
    # description and leaves artifacts. Search for the noise as a fixed point of the inversion step so
    # that it no longer depends on the source prompt‸.
    z = encode(image)
    return z
`,
  },
  {
    name: 'LaTeX paragraph on continual pretraining, at learning rate rewarming',
    languageId: 'latex',
    target: 'continual_pretraining',
    text: `Updating a pretrained LLM with new data is cheaper than retraining from scratch, but distribution
shift hurts the old data~\\cite{continual_evaluation}. A cosine schedule has already decayed the learning rate to
almost zero at the end of pre-training. We study how to re-increase it: the length of the linear warmup and the
maximum learning rate when continuing on new data‸. Rewarming first raises the loss but pays off later.`,
  },
  {
    name: 'Go comment in an image search service, at compatible embeddings',
    languageId: 'go',
    target: 'stationary_representations',
    text: `// Gallery embeddings for the photo search. Re-embedding 400M images whenever we ship a better
// backbone takes weeks, so a new model's features must stay comparable with the old ones. Train with
// a fixed d-simplex classifier so the representation stays stationary and is compatible across
// model replacements‸, even when a better pretrained model is downloaded.
func Embed(img []byte) []float32 { return nil }
`,
  },
  {
    name: 'Markdown pruning note, at the sparsity cliff',
    languageId: 'markdown',
    target: 'emergence_essential',
    text: `## One-shot pruning of Vicuna-7B

Remove the smallest-magnitude weights in one shot, no retraining (iterative magnitude pruning with
rewinding is far too expensive at this size). Accuracy holds until a sharp dropping point and then
falls fast as sparsity grows‸. N:M patterns behave the same. BERT even becomes heavily sparse on its
own at some point during pretraining.
`,
  },
  {
    name: 'TypeScript comment in an editor extension, at rotary position fix-up',
    languageId: 'typescript',
    target: 'code_llm_edit',
    text: `/**
 * Next-line suggestions while the user types. After an edit in the middle of the file the cached keys
 * after the edit have stale positions; re-encoding the whole file on every keystroke is too slow and
 * splicing the edited tokens into the cache confuses positions. Remove the old rotary rotation from
 * the cached keys and apply the right one‸, one matrix multiply instead of a full recompute.
 */
export function repairCache(cache: KvCache, editStart: number, delta: number): void {}
`,
  },
  {
    name: 'LaTeX paragraph on numeric formats, at FP8 training stability',
    languageId: 'latex',
    target: 'fp8_back_again',
    text: `BF16 is the default for LLM training, and recent accelerators add FP8. FP16 was less stable than BF16,
so is FP8 a cost-effective replacement? A cheaper format only pays off if training stays as robust to
random seeds and learning rates as at higher precision‸; we simulate bit reductions and measure loss
landscape sharpness. Inference-only formats~\\cite{zeroquantfp2023} are a different question.`,
  },
  {
    name: 'Python comment in a pruning script, at pruning during fine-tuning',
    languageId: 'python',
    target: 'pat',
    text: `# Structured pruning of Llama-2-7B to 75% of its width. Pruning after fine-tuning then recovering
# with LoRA loses too much. Prune while fine-tuning instead: insert light modules with one trainable
# mask shared across layers between attention and the FFN, so the same channels are removed
# everywhere and the model learns around the gap‸ (about LoRA's training cost).
mask = torch.nn.Parameter(torch.ones(hidden))
`,
  },
  {
    name: 'Markdown eval note, at per-iteration evaluation of continual learners',
    languageId: 'markdown',
    target: 'continual_evaluation',
    text: `Continual learning eval

We only evaluated after finishing each task, and replay looked fine. Evaluating every iteration tells
another story: accuracy on old tasks drops sharply as soon as a new task starts and recovers later, a
temporary forgetting that end-of-task evaluation misses‸. Worst-case metrics over the run are needed.
`,
  },
  {
    name: 'C++ comment on KV cache storage, at block floating point with outliers',
    languageId: 'cpp',
    target: 'accurate_block_quantization',
    text: `// KV cache storage on the accelerator. Block floating point (mantissas sharing one exponent per block)
// halves memory, but one outlier channel ruins the precision of every value in its block. Outliers
// follow channel-wise patterns, so permute the channels at compile time to group them‸; inference
// latency is unaffected.
struct BfpBlock { int8_t mantissa[16]; int8_t exponent; };
`,
  },
  {
    name: 'Python comment in a CNN, at per-input filter masks',
    languageId: 'python',
    target: 'fire_together_wire',
    text: `class GatedConv(nn.Module):
    # Dynamic pruning: each input runs its own sub-network. Channel gates trained with a sparsity loss
    # need a balance between losses and give no control over the FLOPs. Instead, a small predictor
    # reads the previous layer's activations and predicts which top-k filters to compute, trained as
    # a self-supervised binary classification‸.
    def forward(self, x):
        return self.conv(x)
`,
  },
  {
    name: 'LaTeX paragraph on kernels, at arbitrary-precision tensor core matmul',
    languageId: 'latex',
    target: 'efficient_arbitrary',
    text: `Ultra-low-bit weights~\\cite{pbllm,vptq2024} save memory but tensor cores only support a few precisions.
To run any bit width fast, we decompose matrices at the bit level, multiply the bit planes on tensor
cores and recover the result, with a symmetric bipolar integer format and a memory layout that keeps
data in shared memory‸. This yields up to $6.7\\times$ faster inference.`,
  },
  {
    name: 'Markdown sparsity note, at high N:M sparsity and gradient noise',
    languageId: 'markdown',
    target: 'progressive_gradient',
    text: `## 2:8 sparsity for the ViT

At 50% N:M sparsity the usual recipes are fine, but at 80% and above accuracy drops several points.
The pruned weights still receive gradients whose noise hurts training; decaying the gradient flow to
pruned elements progressively over training fixes most of it‸. Compare at equal training FLOPs.
`,
  },
  {
    name: 'Python comment in a quantization script, at input-channel groups',
    languageId: 'python',
    target: 'rethinking_channel',
    text: `# 3-bit weight-only quantization for batch-size-1 serving on phones. Round-to-nearest with per-output-channel
# groups breaks because activation outliers hit whole input dimensions of the weight matrix.
# Group along the input channels instead, so an outlier stays inside one group, and choose the
# grouping dimension per layer adaptively‸. Works on top of RTN and GPTQ.
q = quantize(w, bits=3, group_dim="in", group_size=128)
`,
  },
  {
    name: 'LaTeX paragraph on compressing BERT, at dense times sparse factorization',
    languageId: 'latex',
    target: 'dsformer',
    text: `Distillation~\\cite{ziplm} and low-rank factorization shrink transformers for deployment, but the
low-rank assumption is too restrictive for their weights. Write each weight matrix as the product of a
small dense matrix and a semi-structured sparse one, and learn all factorizations jointly for task
accuracy with a straight-through factorizer‸; it adds to distillation and quantization.`,
  },
  {
    name: 'Python comment in a speech recipe, at shared low-rank matrices for Whisper',
    languageId: 'python',
    target: 'sparsely_shared_lora',
    text: `# Whisper on children's speech (Mandarin, 40 hours). Zero-shot WER is 38%. Full fine-tuning
# overfits and adapters add inference cost. Use parameter-composition PEFT only: share the two
# low-rank matrices across all layers and give each weight matrix its own sparse rank coefficients,
# like AdaLoRA's sparse rank allocation‸. Check the out-of-domain set too.
peft_config = {"r": 32, "shared": True}
`,
  },
  {
    name: 'Markdown note on Stable Diffusion tuning, at reusing small weights',
    languageId: 'markdown',
    target: 'sara2024',
    text: `### SD fine-tune for the product shots

LoRA overfits our 200 images and forgets the base style. Observation from the paper club: the 10-20%
smallest weights of the pretrained UNet barely affect generation. Reuse exactly those as a sparse
trainable matrix, with a nuclear-norm low-rank constraint against overfitting‸, and the change is
one line of code.
`,
  },
  {
    name: 'C++ comment in a GEMM kernel, at weight-only int4 with adaptive groups',
    languageId: 'cpp',
    target: 'finequant',
    text: `// Mixed-precision GEMM: fp16 activations times int4/int8 weights, dequantized on the fly. The
// bottleneck of autoregressive decoding is memory bandwidth, so weight-only quantization is what
// matters. The group size per matrix is picked by a heuristic from the weights alone, no fine-tuning,
// which also works for the MoE checkpoints‸.
__global__ void gemm_w4a16(const half* a, const uint8_t* w, half* c, int m, int n, int k);
`,
  },
  {
    name: 'LaTeX paragraph on outlier-aware quantization, at gradient localization',
    languageId: 'latex',
    target: 'gwq',
    text: `Weight-only quantization of LLMs to low bits loses accuracy mostly through a few sensitive weights.
AWQ~\\cite{awq2023} finds them through activations and others use the Hessian. We locate outliers
with gradients computed on a tiny calibration set, keep the top 1\\% in FP16 and quantize the rest to
low bits‸, which also works for vision-language models.`,
  },
  {
    name: 'Python comment in an inference engine, at int4 to int8 dequantization',
    languageId: 'python',
    target: 'dual_grained_quantization',
    text: `# A8W4 path. Group-wise int4 weights are accurate but break the integer GEMM because every group
# has its own scale. Dequantize the fine-grained int4 weights to a coarse-grained int8 representation
# and run the matmul with int8 kernels‸; a two-phase grid search picks both scales and percentile
# clipping smooths activation outliers.
y = int8_gemm(x_q, dequant_int4_to_int8(w_q, scales))
`,
  },
  {
    name: 'Markdown GPU budget note, at a tiny square trainable matrix',
    languageId: 'markdown',
    target: 'lamda',
    text: `GPU: one A10 (24 GB). LoRA on the 7B model still needs the high-dimensional activations and the
optimizer states of both factors. Alternative: freeze the first projection, train only a small
square matrix in the low-dimensional space, and freeze the second projection early in training‸.
Peak memory should drop and trainable parameters by an order of magnitude.
`,
  },
  {
    name: 'Python comment on CNN compression, at channel pruning before training',
    languageId: 'python',
    target: 'structured_pruning',
    text: `# Budget: ResNet-50 must train and run 2x cheaper on commodity GPUs. Pruning at initialization with
# per-weight masks gives unstructured sparsity that does not speed anything up. What matters is the
# compression ratio per layer, so remove whole channels at initialization according to it‸ and
# train the smaller dense network from scratch.
widths = [int(w * r) for w, r in zip(base_widths, layer_ratios)]
`,
  },
  {
    name: 'LaTeX paragraph on model merging, at permutation weight matching',
    languageId: 'latex',
    target: 'analysis_linear_mode',
    text: `Merging two networks trained from different seeds by averaging their weights fails, unless the
neurons of one are first permuted to match the other. Why does weight matching make the loss flat
along the line between them? Permutations change the directions of singular vectors but not the
singular values, and matching aligns the directions of the large ones‸. This supports merging three
or more models~\\cite{merging_models_fly}.`,
  },
  {
    name: 'Python comment in an interpretability notebook, at low-rank communication between heads',
    languageId: 'python',
    target: 'talking_heads_understanding',
    text: `# Laundry-list recall: the model must recall an item from a list in the prompt, and accuracy
# depends oddly on the order of the items. Hypothesis: an early head writes into a low-rank subspace
# of the residual stream that a later head reads, a communication channel we can find from the SVD
# of the heads' weight matrices‸ and then edit.
U, S, Vh = torch.linalg.svd(W_OV[layer][head])
`,
  },
  {
    name: 'Markdown note on flexible model sizes, at sampling weights from a manifold',
    languageId: 'markdown',
    target: 'neural_metamorphosis',
    text: `### Many model sizes, one training run

We ship the classifier at 6 widths and train each separately. An implicit neural function used as a
hypernetwork could learn a continuous manifold of weights, taking coordinates in the model space as
input, so weights for any size can be sampled without retraining‸. Smoothness matters: permute the
weight matrices and add noise to the coordinates.
`,
  },
  {
    name: 'TypeScript comment in a fine-tuning service, at selecting heads and channels',
    languageId: 'typescript',
    target: 's2ft',
    text: `// Multi-tenant fine-tuning service. Requirements: quality close to full fine-tuning, low training
// memory, and cheap switching between tenants' models when serving. Select a few attention heads and
// FFN channels per block, permute them into dense submatrices and update only those in place‸; the
// updates can be split out as adapters for fast switching.
export interface SparseTuneJob { heads: number; channels: number; }
`,
  },
  {
    name: 'LaTeX paragraph on low-rank structure, at non-uniform rank reduction',
    languageId: 'latex',
    target: 'galore_welore_lowrank',
    text: `Low-rank gradient methods such as GaLore~\\cite{galore} save optimizer memory. Their gradient dynamics
also make the weights themselves low rank, but not uniformly: layers differ in how well they compress.
Use the heavy-tailed singular value spectrum of each matrix to pick its rank reduction, and fine-tune
only the matrices that are low-rank‸, one shot and without data.`,
  },
  {
    name: 'Python comment in a compression pipeline, at hardware speedup targets',
    languageId: 'python',
    target: 'ziplm',
    text: `# Compress GPT-2 for the CPU inference box. We need guaranteed latencies (1.5x, 2x, 3x) on this exact
# hardware, not a parameter count. Structured pruning that iteratively removes heads and
# intermediate dimensions with a latency table of the target device, plus distillation, produces
# the whole family of models in one run‸.
targets = [1.5, 2.0, 3.0]
`,
  },
  {
    name: 'Markdown note on model merging, at robustness patches',
    languageId: 'markdown',
    target: 'robust_weight_signatures',
    text: `## Robust variants of the classifier

We keep separate models trained on fog, snow and JPEG-corrupted data. Their weights differ from the
clean model mostly in the first layers. Store only that difference and add it to the clean weights to
patch in robustness to one corruption; rescale it to control strength and add several at once‸.
Much smaller than keeping full copies.
`,
  },
  {
    name: 'Python comment in a multi-task adapter, at rank-wise experts',
    languageId: 'python',
    target: 'flylora2025',
    text: `# Multi-task adapters interfere: merging the math and code LoRAs hurts both. MoE-style LoRAs add a
# router and still interfere when merged. Treat each rank as an expert in the up-projection and
# replace the trained down-projection by a frozen sparse random projection that routes implicitly‸;
# random projections are nearly orthogonal, which limits interference (inspired by the fly olfactory circuit).
down = sparse_random_matrix(d_in, rank, density=0.1, seed=0)
`,
  },
  {
    name: 'LaTeX paragraph on parameter efficiency, at width via MoE with shared layers',
    languageId: 'latex',
    target: 'go_wider_instead2021',
    text: `Sharing parameters across layers, as ALBERT does, makes transformers small but weakens them. We go
wider instead of deeper: share the attention and feed-forward weights across blocks, replace the
feed-forward network with a mixture of experts to add width, and keep an individual layer
normalization per block‸. On ImageNet this beats ViT with fewer trainable parameters.`,
  },
  {
    name: 'TypeScript comment in a PEFT library, at Hadamard updates',
    languageId: 'typescript',
    target: 'hut2024',
    text: `/**
 * Adapter variants. LoRA adds a learned increment to the frozen weight, which keeps little correlation
 * between the original and updated parameters. The transform variant builds the updated weight directly
 * from the original one, via a Hadamard (elementwise) product with the product of two low-rank
 * matrices‸, at lower compute than the increment.
 */
export type AdapterKind = 'lora' | 'hadamard-transform';
`,
  },
  {
    name: 'Markdown serving note, at a pre-gating router for prefetching experts',
    languageId: 'markdown',
    target: 'readme2024',
    text: `Serving notes (edge box, 16 GB)

Dense 7B is too slow; training an MoE from scratch is too expensive. Refactor the dense model into a
smaller MoE by extracting experts from activation sparsity, and replace the per-layer routers by one
router decoupled from the backbone that decides ahead of time, so experts can be prefetched, cached and
batched by expert‸. Latency improved in their numbers.
`,
  },
  {
    name: 'Python comment after pruning, at retraining only a few parameters',
    languageId: 'python',
    target: 'perp2023',
    text: `sparse = magnitude_prune(model, sparsity=0.5)
# After magnitude pruning OPT-13B the perplexity explodes, and retraining all weights needs more GPUs
# than we have. Retrain only the biases and normalization parameters (well under 1% of the weights)
# for a few hundred steps‸; that recovers about as much as full retraining, on one A100.
for name, p in sparse.named_parameters():
    p.requires_grad = "bias" in name or "norm" in name
`,
  },
  {
    name: 'LaTeX paragraph on adapter rank, at full-rank updates from random bases',
    languageId: 'latex',
    target: 'randlora',
    text: `When LoRA falls short of full fine-tuning, is it because of the few trainable parameters or because
the update is low rank? Vision-language tasks suffer most. A full-rank update can still be cheap:
combine many fixed random low-rank matrices, each scaled by a trainable diagonal matrix‸, so the rank
is not limited while trainable parameters stay few. Compare NOLA~\\cite{nola2023}.`,
  },
  {
    name: 'Python comment in a transfer script, at task vector blocks',
    languageId: 'python',
    target: 'knowledge_composition2024',
    text: `# Few-shot transfer with 16 labels per class. Fine-tuning overfits. We have task vectors (fine-tuned
# minus pretrained weights) for 20 related tasks; instead of one coefficient per task vector, learn one
# coefficient per parameter block of each task vector‸ and combine them, which needs very few
# learnable parameters and interferes less.
coeffs = torch.zeros(len(task_vectors), n_blocks, requires_grad=True)
`,
  },
  {
    name: 'Markdown note on adapter memory, at layer-wise importance',
    languageId: 'markdown',
    target: 'layerwise_importance2024',
    text: `### LoRA on all 32 layers?

Every layer gets the same adapter today. Some layers matter far more than others for the task: score
each layer's importance during training and only update the adapters of the most important layers,
which also cuts memory‸. Works with any per-layer PEFT method.
`,
  },
  {
    name: 'Python comment in a detector, at fine-grained experts from the FFN',
    languageId: 'python',
    target: 'dynamicdino2025',
    text: `class MoEDetectorHead(nn.Module):
    # Real-time open-vocabulary detection on the Jetson. The dense Grounding DINO edge model is at the
    # latency limit. Split each FFN of the base model into several smaller experts, initialize them
    # from the pretrained weights, and activate only the input-relevant ones at inference‸.
    def __init__(self, d, n_experts=4):
        super().__init__()
`,
  },
  {
    name: 'LaTeX paragraph on hypernetworks, at magnitude-invariant parametrization',
    languageId: 'latex',
    target: 'magnitude_invariant2023',
    text: `Our segmentation model is conditioned on the regularization weight through a hypernetwork.
Training converged slowly and diverged for some learning rates. The cause is that the magnitude of the
predicted weights is proportional to the magnitude of the hypernetwork's input; a reformulation that
removes this proportionality stabilizes training and speeds up convergence‸.`,
  },
  {
    name: 'Python comment in a compression recipe, at training with nuclear norm',
    languageId: 'python',
    target: 'trained_rank_pruning',
    text: `# Low-rank factorization of the trained ResNet lost 6 points and needed long fine-tuning. Do the
# low-rank approximation during training instead: alternate SVD truncation with normal SGD steps
# and add a nuclear norm regularizer, so the network is low rank by construction and the final
# factorization costs almost nothing‸.
loss = ce + lam * sum(torch.linalg.matrix_norm(w, "nuc") for w in convs)
`,
  },
  {
    name: 'Markdown note on MoE multimodal, at adapters on redundant experts',
    languageId: 'markdown',
    target: 'exploiting_mixtureofexperts2025',
    text: `## Adding image generation to the text MoE

Adding a separate vision decoder doubles the parameters. The experts of the MoE are redundant; use that
spare capacity for the new modality by applying low-rank adapters only to image tokens, leaving text
generation untouched‸. Initialize with a Gromov-Wasserstein based scheme.
`,
  },
  {
    name: 'Python comment in a hyperparameter tool, at best-response networks',
    languageId: 'python',
    target: 'selftuning_networks2019',
    text: `# Tuning dropout and augmentation strength. Grid search costs 40 runs; gradient-based HPO needs the
# derivative of the training loss with respect to hyperparameters, which dropout does not have.
# Approximate the best-response function, mapping hyperparameters to optimal weights, with one network
# whose hidden units are gated by the hyperparameters, and update both online‸.
hparams = {"dropout": 0.1, "augment": 0.5}
`,
  },
  {
    name: 'LaTeX paragraph on retrieval memory, at sparse and dense embeddings',
    languageId: 'latex',
    target: 'progressively_optimized2022',
    text: `Embedding-based retrieval over billions of documents needs an approximate nearest neighbour index
that no longer fits in memory. We keep light sparse embeddings in memory for a coarse candidate search
and heavy dense embeddings on disk for verification, learning the dense ones conditioned on the
candidates the sparse ones return‸. Contrastive quantization helps the sparse side.`,
  },
  {
    name: 'Markdown note on reward models, at double-layer MoE',
    languageId: 'markdown',
    target: 'dmoerm2024',
    text: `Reward model v3 notes

Annotator agreement is only about 65%, and one RM trained on all task categories gets confused
between them. Route each input to a task-specific model first, then split the task into capability
dimensions with a LoRA expert each, and combine their outputs with an MLP‸. Labels for the
capability preferences can come from an LLM API.
`,
  },
];
