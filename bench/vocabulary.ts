// Words of the deep-learning literature from which the benchmark generator builds titles,
// intros, keywords, section trees and link addresses.

export const ARCHITECTURES = [
  'ResNet', 'ResNet-50', 'ResNet-101', 'Transformer', 'Vision Transformer', 'ViT', 'BERT', 'GPT-2',
  'LSTM', 'GRU', 'U-Net', 'VGG-16', 'Inception-v3', 'MobileNetV2', 'EfficientNet', 'DenseNet',
  'Graph Neural Network', 'Capsule Network', 'Autoencoder', 'Variational Autoencoder', 'GAN',
  'Diffusion Model', 'Mixture of Experts', 'Convolutional Network', 'Recurrent Network',
  'Swin Transformer', 'ConvNeXt', 'Wide ResNet', 'Highway Network', 'Spiking Network', 'MLP-Mixer',
  'State Space Model', 'Neural ODE', 'PointNet', 'YOLOv3', 'Faster R-CNN', 'Mask R-CNN', 'DETR',
  'Siamese Network', 'Normalizing Flow', 'Energy-Based Model', 'Hypernetwork', 'Deep Q-Network',
] as const;

export const METHODS = [
  'Batch Normalization', 'Layer Normalization', 'Group Normalization', 'Weight Standardization',
  'Dropout', 'DropConnect', 'DropBlock', 'Stochastic Depth', 'Label Smoothing', 'Mixup', 'CutMix',
  'Knowledge Distillation', 'Pruning', 'Quantization', 'Low-Rank Factorization', 'Weight Decay',
  'Gradient Clipping', 'Warm Restarts', 'Cosine Annealing', 'Learning Rate Warmup', 'Adam', 'AdamW',
  'SGD with Momentum', 'Nesterov Momentum', 'LAMB', 'LARS', 'Shampoo', 'Natural Gradient',
  'Contrastive Learning', 'Self-Distillation', 'Masked Autoencoding', 'Curriculum Learning',
  'Data Augmentation', 'Adversarial Training', 'Spectral Normalization', 'Orthogonal Initialization',
  'Xavier Initialization', 'He Initialization', 'Mixed-Precision Training', 'Gradient Checkpointing',
  'Pipeline Parallelism', 'Tensor Parallelism', 'Federated Averaging', 'Sharpness-Aware Minimization',
  'Lookahead', 'Lottery Tickets', 'Neural Architecture Search', 'Attention', 'Self-Attention',
  'Sparse Attention', 'Residual Connections', 'Skip Connections', 'Parameter Sharing', 'Early Stopping',
  'Bayesian Optimization', 'Evolution Strategies', 'Policy Gradients', 'Temperature Scaling',
  'Focal Loss', 'Triplet Loss', 'Contrastive Loss', 'Cross-Entropy', 'Hinge Loss', 't-SNE', 'PCA',
  'ReLU', 'Leaky ReLU', 'PReLU', 'GELU', 'SELU', 'Swish', 'Maxout', 'Softmax', 'Sparsemax',
] as const;

export const TASKS = [
  'Image Classification', 'Object Detection', 'Semantic Segmentation', 'Instance Segmentation',
  'Machine Translation', 'Speech Recognition', 'Language Modeling', 'Question Answering',
  'Text Classification', 'Image Generation', 'Super-Resolution', 'Pose Estimation',
  'Video Understanding', 'Action Recognition', 'Depth Estimation', 'Optical Flow',
  'Visual Tracking', 'Face Recognition', 'Person Re-Identification', 'Anomaly Detection',
  'Time-Series Forecasting', 'Recommendation', 'Graph Classification', 'Link Prediction',
  'Molecular Property Prediction', 'Protein Folding', 'Robotic Control', 'Autonomous Driving',
  'Few-Shot Learning', 'Zero-Shot Learning', 'Continual Learning', 'Domain Adaptation',
  'Semi-Supervised Learning', 'Unsupervised Representation Learning', 'Image Captioning',
  'Visual Question Answering', 'Text-to-Image Synthesis', 'Neural Rendering', 'Point Cloud Segmentation',
  'Medical Image Segmentation', 'Named Entity Recognition', 'Summarization', 'Code Generation',
] as const;

export const CONCEPTS = [
  'Generalization', 'Overfitting', 'Loss Landscapes', 'Gradient Noise', 'Vanishing Gradients',
  'Exploding Gradients', 'Internal Covariate Shift', 'Implicit Regularization', 'Double Descent',
  'Large Batches', 'Small Batches', 'Sharp Minima', 'Flat Minima', 'Calibration', 'Robustness',
  'Uncertainty', 'Sample Efficiency', 'Memorization', 'Catastrophic Forgetting', 'Scaling Laws',
  'Inductive Biases', 'Symmetry', 'Equivariance', 'Sparsity', 'Depth', 'Width', 'Overparameterization',
  'Label Noise', 'Class Imbalance', 'Distribution Shift', 'Spurious Correlations', 'Interpretability',
  'Feature Learning', 'Representation Collapse', 'Training Dynamics', 'Convergence', 'Stability',
  'Dead Neurons', 'Weight Symmetry', 'Long-Range Dependencies', 'Receptive Fields', 'Compute Budgets',
] as const;

export const ADJECTIVES = [
  'Efficient', 'Scalable', 'Robust', 'Fast', 'Stable', 'Adaptive', 'Sparse', 'Dynamic', 'Deep',
  'Lightweight', 'Hierarchical', 'Differentiable', 'Unified', 'Simple', 'Provable', 'Practical',
  'Memory-Efficient', 'Communication-Efficient', 'Self-Supervised', 'Multi-Scale', 'Large-Scale',
  'Data-Efficient', 'Energy-Efficient', 'Asynchronous', 'Decentralized', 'Conditional', 'Randomized',
  'Learned', 'Structured', 'Implicit', 'Continuous', 'Discrete', 'Binary', 'Low-Precision',
] as const;

export const VERBS = [
  'Training', 'Scaling', 'Accelerating', 'Regularizing', 'Understanding', 'Rethinking', 'Revisiting',
  'Improving', 'Stabilizing', 'Compressing', 'Analyzing', 'Explaining', 'Pretraining', 'Fine-Tuning',
  'Distilling', 'Pruning', 'Quantizing', 'Initializing', 'Normalizing', 'Optimizing', 'Benchmarking',
] as const;

export const DATASETS = [
  'ImageNet', 'CIFAR-10', 'CIFAR-100', 'MNIST', 'COCO', 'Pascal VOC', 'Cityscapes', 'ADE20K',
  'Kinetics-400', 'LibriSpeech', 'WMT14', 'SQuAD', 'GLUE', 'SuperGLUE', 'WikiText-103', 'C4',
  'LAION-5B', 'Open Images', 'KITTI', 'nuScenes', 'ShapeNet', 'ScanNet', 'Atari 2600', 'MuJoCo',
  'OGB', 'QM9', 'Penn Treebank', 'CelebA', 'LSUN', 'SVHN', 'Tiny ImageNet', 'iNaturalist',
] as const;

export const VENUES = [
  'NeurIPS', 'ICML', 'ICLR', 'CVPR', 'ICCV', 'ECCV', 'AAAI', 'IJCAI', 'ACL', 'EMNLP', 'NAACL',
  'KDD', 'WACV', 'BMVC', 'AISTATS', 'UAI', 'COLT', 'Interspeech', 'ICASSP', 'TPAMI', 'JMLR', 'TMLR',
] as const;

export const AFFILIATIONS = [
  'Google Brain', 'Google DeepMind', 'Google Research', 'Meta AI', 'Facebook AI Research',
  'Microsoft Research', 'Microsoft Research Asia', 'OpenAI', 'NVIDIA', 'Baidu Research', 'Alibaba',
  'Tencent AI Lab', 'SenseTime', 'Megvii', 'Huawei Noah\'s Ark Lab', 'Samsung AI Center', 'IBM Research',
  'Stanford University', 'MIT', 'CMU', 'UC Berkeley', 'University of Oxford', 'University of Cambridge',
  'ETH Zurich', 'EPFL', 'University of Toronto', 'Mila', 'University of Montreal', 'Tsinghua University',
  'Peking University', 'Chinese Academy of Sciences', 'Shanghai Jiao Tong University', 'KAIST',
  'Seoul National University', 'University of Tokyo', 'National University of Singapore', 'Inria',
  'Max Planck Institute for Intelligent Systems', 'University of Amsterdam', 'Johns Hopkins University',
  'University of Washington', 'Cornell University', 'Princeton University', 'New York University',
  'University of California, Los Angeles', 'Technical University of Munich', 'University of Edinburgh',
] as const;

/** Extra keywords beyond the method and architecture names, as lists of this field tag entries. */
export const KEYWORDS = [
  'optimization', 'regularization', 'normalization', 'initialization', 'generalization', 'theory',
  'benchmark', 'survey', 'tutorial', 'distributed training', 'mixed precision', 'large batch',
  'learning rate schedule', 'activation function', 'loss function', 'data augmentation', 'pruning',
  'quantization', 'distillation', 'transfer learning', 'self-supervised', 'contrastive', 'attention',
  'transformer', 'convolution', 'recurrent', 'graph', 'reinforcement learning', 'generative model',
  'robustness', 'adversarial', 'calibration', 'interpretability', 'efficiency', 'hardware', 'GPU',
  'TPU', 'PyTorch', 'TensorFlow', 'JAX', 'Caffe', 'MXNet', 't-SNE', 'ResNet-50', 'BERT', 'ImageNet',
] as const;

export const TOP_SECTIONS = [
  'Tutorials', 'Papers', 'Activation Functions', 'Weights Initialization', 'Normalization',
  'Loss Functions', 'Learning Rates', 'Convolution Filters', 'Pooling', 'Mini-Batch',
  'Optimization Methods', 'Tensor Methods', 'Regularization', 'Gradient Descent', 'Backpropagation',
  'Accelerate Training', 'Handling Datasets', 'Low Numerical Precision', 'Distributed Training',
  'Architectures', 'Attention Mechanisms', 'Generative Models', 'Model Compression',
  'Self-Supervised Learning', 'Transfer Learning', 'Adversarial Examples', 'Visualization',
  'Theory', 'Benchmarks', 'Datasets', 'Applications', 'Projects', 'Blogs', 'Talks',
] as const;

/** Headings that repeat under many parents, as in real lists (`Papers` under several sections). */
export const GENERIC_SECTIONS = [
  'Papers', 'Blogs', 'Projects', 'Tutorials', 'Surveys', 'Code', 'Talks', 'Benchmarks', 'Tools',
] as const;

/** Topics that name the lists of a generated site, one list each. */
export const LIST_TOPICS = [
  'Training Deep Neural Networks', 'Object Detection', 'Semantic Segmentation', 'Image Classification',
  'Natural Language Processing', 'Machine Translation', 'Speech Recognition', 'Reinforcement Learning',
  'Graph Neural Networks', 'Generative Adversarial Networks', 'Diffusion Models', 'Transformers',
  'Self-Supervised Learning', 'Model Compression', 'Neural Architecture Search', 'Meta Learning',
  'Adversarial Attacks and Defences', 'Visual Tracking', 'Face Recognition', 'Pose Estimation',
  'Video Understanding', 'Point Clouds', 'Medical Imaging', 'Recommender Systems', 'Optical Character Recognition',
  'Image Captioning', 'Visual Question Answering', 'Super-Resolution', 'Depth Estimation', 'Autonomous Driving',
  'Deep Learning Frameworks', 'Deep Learning on Mobile Devices', 'Distributed Deep Learning',
  'Interpretability', 'Anomaly Detection', 'Time-Series Forecasting', 'Few-Shot Learning', 'Continual Learning',
  'Domain Adaptation', 'Federated Learning',
] as const;

export const LIST_QUALIFIERS = ['', 'Papers', 'Resources', 'Code and Papers', 'Reading Notes'] as const;

/** Pieces joined into method acronyms such as `MixNorm` or `DropFormer`. */
export const ACRONYM_PARTS = [
  'Re', 'Pr', 'Net', 'Gen', 'Mix', 'Drop', 'Norm', 'Flow', 'Former', 'Lo', 'Ra', 'Sparse', 'Meta',
  'Auto', 'Fast', 'Deep', 'Cross', 'Swin', 'Dyna', 'Grad', 'Prune', 'Quant', 'Dist', 'Mo', 'Ada',
  'Sni', 'Per', 'Cap', 'Hyper', 'Omni', 'Tiny', 'Big', 'Eff', 'Mem', 'Pipe', 'Shard',
] as const;

export const FIRST_NAMES = [
  'wei', 'li', 'jun', 'anna', 'marco', 'sara', 'yuki', 'omar', 'priya', 'lukas', 'elena', 'chen',
  'min', 'david', 'nina', 'ravi', 'tomas', 'ines', 'kai', 'leila', 'pablo', 'hana', 'ivan', 'zoe',
] as const;

export const LAST_NAMES = [
  'zhang', 'wang', 'liu', 'kim', 'park', 'smith', 'muller', 'rossi', 'garcia', 'nguyen', 'tanaka',
  'kumar', 'singh', 'ivanov', 'novak', 'silva', 'cohen', 'lopez', 'brown', 'martin', 'chen', 'huang',
] as const;

export const BLOG_HOSTS = [
  'medium.com', 'towardsdatascience.com', 'distill.pub', 'lilianweng.github.io', 'blog.acolyer.org',
  'ai.googleblog.com', 'research.facebook.com', 'www.microsoft.com', 'openai.com', 'karpathy.github.io',
  'colah.github.io', 'sebastianruder.com', 'jalammar.github.io', 'www.inference.vc',
] as const;

/** Sentence pieces for entry notes and one-line summaries. */
export const SUMMARY_OPENINGS = [
  'This paper studies', 'We propose', 'We analyze', 'A simple recipe for', 'An empirical study of',
  'A theoretical account of', 'We revisit', 'We introduce', 'A survey of', 'A practical guide to',
] as const;

export const NOTE_SENTENCES = [
  'The method needs no extra hyperparameters and adds little overhead at inference time.',
  'Results hold across several batch sizes, but the gains shrink on the largest models.',
  'The authors release code and pretrained weights.',
  'Compared with the baseline, training converges in roughly half the number of epochs.',
  'The ablation shows that most of the improvement comes from the initialization scheme.',
  'A follow-up work extends the analysis to recurrent networks.',
  'Reported numbers use the standard train/validation split.',
  'The appendix contains a proof of the convergence rate under smoothness assumptions.',
  'Memory use grows linearly with sequence length instead of quadratically.',
  'The trick is easy to add to an existing training loop.',
] as const;
