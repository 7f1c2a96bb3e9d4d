/**
 * Held-out passages: written after the weighting was tuned on `tuningPassages.ts` and never used to
 * tune it, so their figures show how the suggestion does on passages it was not fitted to. Same
 * style: a paragraph or comment block about several things, the cursor at the part that needs a
 * citation.
 */
import type { QualityPassage } from './tuningPassages';

export const HELD_OUT_PASSAGES: QualityPassage[] = [
  {
    name: 'Markdown note on 2-bit weights, at vector quantization',
    languageId: 'markdown',
    target: 'vptq2024',
    text: `### 2-bit weights?

Pruning 50% of the weights halves memory at best, and distillation needs a full training run.
Scalar methods fall apart below 3 bits (see [@awq2023; @pbllm]), and activation outliers make
W4A4 hard anyway. Try vector quantization instead: group weights into short vectors and replace each
by an index into a learned codebook, optimized with second-order information, post-training‸
`,
  },
  {
    name: 'LaTeX paragraph on adapters, at whether LoRA equals full fine-tuning',
    languageId: 'latex',
    target: 'lora_full_finetuning',
    text: `Parameter-efficient fine-tuning trains a small number of extra parameters: adapters, prefixes, or
low-rank updates whose rank can be allocated adaptively~\\citep{adaptive_budget_allocation,increlora2023}. Low-rank
adapters often match full fine-tuning on the target task. But are the learned solutions equivalent?
In the spectrum of the fine-tuned weight matrices, low-rank updates introduce new high-ranking
singular vectors, intruder dimensions, that full fine-tuning does not‸, and these models forget more.`,
  },
  {
    name: 'Python comment in an optimizer, at the full-rank residual',
    languageId: 'python',
    target: 'fira',
    text: `    # Optimizer step. Gradients are clipped to norm 1.0 and accumulated over 4 micro-batches; the
    # learning rate follows a cosine schedule. GaLore-style projection keeps optimizer memory
    # low-rank, but then the weight update is stuck in a low-rank subspace too. We keep the
    # low-rank optimizer states and still apply a full-rank update by scaling the residual
    # gradient with a norm-based factor ‸
    update = P @ adam_step(P.T @ grad) + phi * (grad - P @ (P.T @ grad))
`,
  },
  {
    name: 'TypeScript comment on decoding, at draft trees without replacement',
    languageId: 'typescript',
    target: 'recursive_speculative',
    text: `// Decoding strategies: greedy for tests, nucleus sampling (p = 0.9) for chat, and beam search
// for translation. Speculative decoding uses a draft-token tree; sampling children with
// replacement wastes branches on duplicate tokens, so we sample without replacement and verify
// the tree recursively, which accepts more diverse drafts ‸
function buildTree(draft: Model, width: number): Node[] { return []; }
`,
  },
  {
    name: 'Markdown serving note, at chunked prefill scheduling',
    languageId: 'markdown',
    target: 'taming_throughputlatency',
    text: `Serving: we moved from static batching to continuous batching, and paged attention removed most of
the KV cache fragmentation. Quantized weights (int4) doubled throughput. Latency still spikes whenever
a long prompt arrives, because its prefill stalls the decodes of all other requests in the batch:
chunk the prefill and mix the chunks with ongoing decodes in stall-free batches ‸ — see
\`vllm/scheduler.py\`.
`,
  },
  {
    name: 'LaTeX paragraph on number formats, at floating-point W4A8',
    languageId: 'latex',
    target: 'zeroquantfp2023',
    text: `Reduced precision is used both in training, where BF16 is standard, and in inference. Integer
formats struggle with outliers; smoothing moves the difficulty from activations to
weights~\\cite{awq2023}. With hardware support for FP8 on the H100, we study floating-point
quantization for LLMs: 8-bit floating-point activations with 4-bit floating-point weights keep
accuracy better than their integer counterparts‸ \\cite{fp8_back_again}.`,
  },
  {
    name: 'Python docstring, at the intrinsic dimension of fine-tuning',
    languageId: 'python',
    target: 'intrinsic_dimensionality2020',
    text: `def subspace_finetune(model, d: int = 200):
    """Fine-tune in a random d-dimensional subspace of the parameters.

    Uses the Fastfood transform for the projection, so memory stays linear in the number of
    parameters, and trains with AdamW for 3 epochs. Pretrained language models have a very low
    intrinsic dimension: a few hundred parameters are enough to reach 90% of full fine-tuning
    performance‸, which explains why fine-tuning works with little data.
    """
    theta0 = flatten(model.parameters())
`,
  },
  {
    name: 'C comment in a pruning library, at gradual magnitude pruning',
    languageId: 'c',
    target: 'prune_exploring_efficacy2017',
    text: `/* Sparse kernels store weights in CSR with 16-bit indices; structured 2:4 sparsity uses the
 * tensor cores instead. The schedule is gradual magnitude pruning: sparsity rises from 0 to the
 * final level over n steps, masking the smallest-magnitude weights each time. Large sparse models
 * beat small dense ones with the same memory footprint ‸ */
static void prune_step(float *w, unsigned char *mask, size_t n, float sparsity);
`,
  },
  {
    name: 'Go comment in a model config, at sparse vision-language experts',
    languageId: 'go',
    target: 'moellava2024',
    text: `// Config for the multimodal model. The vision encoder is a frozen CLIP ViT-L/14 and a two-layer
// MLP projects image patches into the LLM's embedding space. Activating every parameter for every
// token is expensive, so the LLM gets mixture-of-experts layers where a router activates only the
// top-k experts, trained in stages to avoid performance loss‸
type Config struct { Experts int; TopK int }
`,
  },
  {
    name: 'Markdown architecture note, at parameters as tokens',
    languageId: 'markdown',
    target: 'tokenformer2024',
    text: `Architecture review: RoPE for positions, SwiGLU feed-forward blocks, grouped-query attention to
shrink the KV cache. Model growth: linear projections fix the parameter count, so a bigger model is
trained from scratch. Treat the model parameters as tokens and let input tokens attend to them; then
scaling is adding new parameter tokens and reusing the old ones ‸
`,
  },
  {
    name: 'LaTeX paragraph on retriever training, at topic aware sampling',
    languageId: 'latex',
    target: 'efficiently_teaching2021',
    text: `Dense retrievers encode queries and passages separately and score them by a dot product; late
interaction keeps token vectors instead. Training usually relies on costly hard-negative
mining~\\cite{unsupervised_dense2021}. A cheaper recipe composes batches from queries of the same topic
cluster, balances the pairs by their margin and distils from a pairwise and an in-batch negative
teacher‸, so a single consumer GPU suffices.`,
  },
  {
    name: 'R comment in a simulation, at feature learning at infinite width',
    languageId: 'r',
    target: 'feature_learning_infinitewidth2020',
    text: `# Simulate wide MLPs trained with SGD on a toy regression task, 10 seeds per width. Under the
# NTK parametrization the features do not move as width grows, so the network is a kernel
# machine. With the maximal update parametrization the infinite-width limit keeps feature
# learning ‸ and we check that here.
widths <- c(64, 256, 1024, 4096)
`,
  },
  {
    name: 'Rust comment on a weight type, at sparse plus low-rank pretraining',
    languageId: 'rust',
    target: 'sltrain',
    text: `// Weight storage for the trainer: bf16 master weights, fp32 optimizer state, sharded across
// ranks. For pretraining from scratch with fewer parameters each weight is the sum of a low-rank
// product and a sparse matrix with a fixed random support, both trained ‸
fn weight(b: &Matrix, a: &Matrix, s: &SparseMatrix) -> Matrix { b.mul(a).add(s) }
`,
  },
  {
    name: 'Julia comment in an inference kernel, at shift-and-add',
    languageId: 'julia',
    target: 'shiftaddllm',
    text: `# Inference on the microcontroller: no GPU, little memory, and floating-point multiplies are slow.
# The weights of the pretrained model are reparameterized after training into binary matrices with
# group-wise scaling factors, so the products become shifts and additions ‸
y = shift_add(W_bits, scales, x)
`,
  },
  {
    name: 'Markdown PEFT note, at incremental rank allocation',
    languageId: 'markdown',
    target: 'increlora2023',
    text: `PEFT experiments, week 3: prompt tuning is unstable below 1B parameters, adapters are fine.
AdaLoRA [@adaptive_budget_allocation] prunes ranks from a large start, which caps how much a module can get.
Alternative: start small and incrementally add trainable parameters to the low-rank modules that
score highest in importance during training ‸
`,
  },
  {
    name: 'LaTeX paragraph on MoE training, at upcycling attention experts',
    languageId: 'latex',
    target: 'bam2024',
    text: `Mixture-of-experts models scale parameters without scaling compute, but routing is unstable and
load balancing needs auxiliary losses. Training them from scratch is expensive; upcycling starts
from dense checkpoints instead. Previous work only reuses their feed-forward layers; initializing
both the FFN experts and the attention experts from specialized dense models keeps all of what they
learned‸ (Eq.~\\eqref{eq:bam}).`,
  },
  {
    name: 'Python comment in a pretraining script, at stacking layers',
    languageId: 'python',
    target: 'stacking_transformers2024',
    text: `def grow(small, factor=4):
    # Pretraining budget is 300B tokens. Warmup is 2k steps and the data mix follows the
    # previous run. To save compute we train a small model first and then stack copies of its
    # layers depthwise to initialize a deeper one; depthwise stacking was the best of the
    # growth operators ‸
    return stack_layers(small, factor)
`,
  },
  {
    name: 'SQL comment in a data pipeline, at repeating data',
    languageId: 'sql',
    target: 'repeat_insights_scaling2023',
    text: `-- Token budget per source. Web text is deduplicated with MinHash and filtered by a quality
-- classifier; code and papers are upsampled. We are running out of fresh high-quality text,
-- and repeating the pre-training data for several epochs degrades the model ‸
SELECT source, SUM(tokens) FROM corpus GROUP BY source;
`,
  },
  {
    name: 'TypeScript doc comment, at chain of thought expressivity',
    languageId: 'typescript',
    target: 'expressive_power_transformers',
    text: `/**
 * Number of reasoning steps the agent may take before answering. Longer traces cost tokens and
 * latency, and self-consistency samples several of them. Transformers that answer right away
 * cannot even check graph connectivity; with intermediate decoding steps growing linearly in the
 * input, they recognize all regular languages‸.
 */
export const reasoningSteps = (n: number): number => n;
`,
  },
  {
    name: 'Markdown note on recurrent models, at negative eigenvalues',
    languageId: 'markdown',
    target: 'unlocking_statetracking',
    text: `Linear attention and state-space models give constant memory per token, which is why we looked
at them for long documents. But Mamba and DeltaNet fail at parity, a simple state-tracking task. The
reason is the eigenvalues of the state-transition matrices, restricted to $[0, 1]$; allowing
negative eigenvalues in $[-1, 1]$ ‸ fixes it.
`,
  },
  {
    name: 'LaTeX paragraph on long sequences, at robust diagonalization',
    languageId: 'latex',
    target: 'robustifying_statespace',
    text: `Long-range benchmarks favour recurrent and convolutional models over attention. The S4 layer
relies on the diagonal-plus-low-rank structure of the HiPPO matrix; diagonal variants such as S4D are
simpler but unstable, since the diagonalization is ill-posed. A perturb-then-diagonalize approach
makes the state-space model robust to noise‸ while keeping its long-sequence performance.`,
  },
  {
    name: 'Shell comment in an evaluation script, at program synthesis benchmarks',
    languageId: 'shellscript',
    target: 'program_synthesis',
    text: `# Nightly evaluation: HumanEval with pass@1 and pass@10 at temperature 0.8, unit tests run in a
# sandbox without network. Also the mostly basic Python problems (MBPP) and MathQA-Python, few-shot
# and fine-tuned; synthesis performance scales log-linearly with model size ‸
python eval.py --benchmark mbpp --shots 3 > results/mbpp.jsonl
`,
  },
  {
    name: 'Java comment on a training recipe, at lessons for code LLMs',
    languageId: 'java',
    target: 'codegen2_2023',
    text: `// Training recipe for the code model. The tokenizer keeps runs of spaces as single tokens and the
// context is 2048 tokens. We unify the architecture (prefix-LM), infilling objectives, and the mix
// of programming and natural languages in one run ‸
public final class TrainingRecipe { }
`,
  },
  {
    name: 'Markdown note on decoding quality, at overfitting on tiny data',
    languageId: 'markdown',
    target: 'hyperfitting_phenomenon',
    text: `Decoding quality: top-p sampling is diverse but drifts off topic, contrastive search is slow, and
greedy decoding gives repetitive, dull text. Oddly, overfitting a pretrained LLM on a tiny dataset
until the training loss is near zero makes greedy open-ended generation much better ‸
`,
  },
  {
    name: 'Python comment in a calibration function, at robust conformal prediction',
    languageId: 'python',
    target: 'provably_robust_conformal',
    text: `def calibrate(scores, alpha=0.1):
    # Temperature scaling fixed the confidence calibration of the classifier; for sets we use split
    # conformal prediction with coverage guarantees, but adversarial perturbations break them.
    # A robust conformal method with improved efficiency gives smaller prediction sets that keep
    # the guaranteed coverage under attack ‸
    q = np.quantile(scores, 1 - alpha)
`,
  },
  {
    name: 'LaTeX paragraph on privacy, at continual release',
    languageId: 'latex',
    target: 'price_differential',
    text: `Differential privacy bounds what an output reveals about one record; the Gaussian and Laplace
mechanisms add calibrated noise. In the continual release model a mechanism sees a stream of $T$
inputs and publishes an output after each one. How much accuracy does privacy cost compared with
releasing once? Continual observation can require error growing polynomially in $T$‸.`,
  },
  {
    name: 'HTML comment on a figure, at learnable dilation',
    languageId: 'html',
    target: 'dilated_convolution2021',
    text: `<figure>
  <img src="figs/rf.png" alt="receptive field">
  <!-- Caption draft: ConvNeXt-style stage with depthwise convolutions and layer norm. Large
       receptive fields without more parameters: the kernel has a few non-zero taps whose
       positions are learned by interpolation, dilated convolution with learnable spacings. ‸ -->
</figure>
`,
  },
  {
    name: 'C++ comment in an ablation, at training only BatchNorm',
    languageId: 'cpp',
    target: 'training_batchnorm2020',
    text: `// Ablations for the appendix: width multipliers 0.5 to 2, random crops, no weight decay. Last one:
// freeze all conv weights at their random initialization and train only the affine parameters
// of BatchNorm (gamma and beta); random features plus trained normalization are expressive ‸
for (auto& layer : net.layers()) layer.freeze(!layer.isBatchNorm());
`,
  },
];
