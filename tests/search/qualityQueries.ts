// Queries a reader of "Training Deep Neural Networks" would type, each with the entries they
// expect near the top. Titles are as in the imported list. An expectation's `titles` are the
// titles under which one work may appear (an entry and its alternative title), and any of them
// satisfies the check.

export interface Expectation {
  titles: string[];
  /** The rank the entry must reach: 3 for the obvious result, 10 for a good one. */
  within: 3 | 10;
}

export interface QualityQuery {
  query: string;
  /** What kind of query it is, for the precision table. */
  kind: 'topic' | 'acronym' | 'title' | 'arxiv' | 'misspelling' | 'partial';
  expect: Expectation[];
}

const BN_PAPER = 'Batch Normalization: Accelerating Deep Network Training by Reducing Internal Covariate Shift';
const ADAM_PAPER = 'Adam: A Method for Stochastic Optimization';
const DROPOUT_PAPER = 'Dropout: A Simple Way to Prevent Neural Networks from Overfitting';
const SWISH = ['Searching for Activation Functions', 'Swish: a Self-Gated Activation Function'];
const LEAKY = 'Rectifier Nonlinearities Improve Neural Network Acoustic Models';
const PRELU = 'Delving Deep into Rectifiers: Surpassing Human-Level Performance on ImageNet Classification';

const top3 = (...titles: string[]): Expectation => ({ titles, within: 3 });
const top10 = (...titles: string[]): Expectation => ({ titles, within: 10 });

export const QUALITY_QUERIES: QualityQuery[] = [
  { query: 'batch normalization', kind: 'topic', expect: [top3(BN_PAPER), top10('Understanding Batch Normalization')] },
  { query: 'layer normalization', kind: 'topic', expect: [top3('Layer Normalization')] },
  { query: 'group norm', kind: 'partial', expect: [top3('Group Normalization')] },
  { query: 'weight initialization', kind: 'topic', expect: [top10('On weight initialization in deep neural networks'), top10('An Explanation of Xavier Initialization')] },
  { query: 'xavier initialization', kind: 'topic', expect: [top3('An Explanation of Xavier Initialization')] },
  { query: 'large batch training', kind: 'topic', expect: [top3('Large Batch Training of Convolutional Networks'), top10('On Large-Batch Training for Deep Learning: Generalization Gap and Sharp Minima')] },
  { query: 'data augmentation gan', kind: 'topic', expect: [top10('Data Augmentation in Classification using GAN'), top10('BAGAN: Data Augmentation with Balancing GAN'), top10('Data Augmentation Generative Adversarial Networks')] },
  { query: 'class imbalance', kind: 'topic', expect: [top3('A systematic study of the class imbalance problem in convolutional neural networks')] },
  { query: 'noisy labels', kind: 'topic', expect: [top10('Generalized Cross Entropy Loss for Training Deep Neural Networks with Noisy Labels'), top10('Learning Deep Networks from Noisy Labels with Dropout Regularization')] },
  { query: 'vanishing gradient', kind: 'topic', expect: [top3('The vanishing gradient problem: Oh no — an obstacle to deep learning!')] },
  { query: 'mixed precision', kind: 'topic', expect: [top3('Mixed Precision Training')] },
  { query: 'distributed tensorflow spark', kind: 'topic', expect: [top3("Distributed TensorFlow on Spark: Scaling Google's Deep Learning Library (Spark Summit)")] },
  { query: 'cosine annealing', kind: 'topic', expect: [top3('SGDR: Stochastic Gradient Descent with Restarts')] },
  { query: 'l2 regularization', kind: 'topic', expect: [top3('A New Angle on L2 Regularization')] },
  { query: 'momentum', kind: 'topic', expect: [top10('On the importance of initialization and momentum in deep learning'), top10('YellowFin and the Art of Momentum Tuning')] },

  { query: 'BN', kind: 'acronym', expect: [top10(BN_PAPER)] },
  { query: 'adam', kind: 'acronym', expect: [top3(ADAM_PAPER)] },
  { query: 'dropout', kind: 'acronym', expect: [top3(DROPOUT_PAPER)] },
  { query: 'LReLU', kind: 'acronym', expect: [top3(LEAKY)] },
  { query: 'leaky relu', kind: 'acronym', expect: [top10(LEAKY)] },
  { query: 'PReLU', kind: 'acronym', expect: [top3(PRELU)] },
  { query: 'SELU', kind: 'acronym', expect: [top3('Self-Normalizing Neural Networks')] },
  { query: 'GELU', kind: 'acronym', expect: [top3('Bridging Nonlinearities and Stochastic Regularizers with Gaussian Error Linear Units')] },
  { query: 'swish', kind: 'acronym', expect: [top3(...SWISH)] },
  { query: 'adagrad', kind: 'acronym', expect: [top3('Adaptive Subgradient Methods for Online Learning and Stochastic Optimization')] },
  { query: 'RMSProp', kind: 'acronym', expect: [top3('RMSProp: Divide the gradient by a running average of its recent magnitude')] },
  { query: 'LARS', kind: 'acronym', expect: [top3('Large Batch Training of Convolutional Networks with Layer-wise Adaptive Rate Scaling')] },
  { query: 'L0', kind: 'acronym', expect: [top3('Learning Sparse Neural Networks through L0 Regularization')] },
  { query: 'GAN', kind: 'acronym', expect: [top10('Data Augmentation in Classification using GAN'), top10('Data Augmentation Generative Adversarial Networks')] },
  { query: 'SGD', kind: 'acronym', expect: [top3('SGDR: Stochastic Gradient Descent with Restarts'), top10('Revisiting Distributed Synchronous SGD')] },
  { query: 'large minibatch sgd', kind: 'topic', expect: [top3('Accurate, Large Minibatch SGD: Training ImageNet in 1 Hour'), top3('Extremely Large Minibatch SGD: Training ResNet-50 on ImageNet in 15 Minutes')] },

  { query: 'all you need is a good init', kind: 'title', expect: [top3('All you need is a good init')] },
  { query: "Don't Decay the Learning Rate", kind: 'title', expect: [top3("Don't Decay the Learning Rate, Increase the Batch Size")] },
  { query: 'don’t decay the learning rate', kind: 'title', expect: [top3("Don't Decay the Learning Rate, Increase the Batch Size")] },
  { query: 'training imagenet in 1 hour', kind: 'title', expect: [top3('Accurate, Large Minibatch SGD: Training ImageNet in 1 Hour')] },
  { query: 'ResNet-50 on ImageNet in 15 minutes', kind: 'title', expect: [top3('Extremely Large Minibatch SGD: Training ResNet-50 on ImageNet in 15 Minutes')] },
  { query: 'resnet-50', kind: 'title', expect: [top3('Extremely Large Minibatch SGD: Training ResNet-50 on ImageNet in 15 Minutes'), top3('Second-order Optimization Method for Large Mini-batch: Training ResNet-50 on ImageNet in 35 Epochs')] },
  { query: 'how does batch normalization help optimization', kind: 'title', expect: [top3('How Does Batch Normalization Help Optimization?')] },
  { query: 'learning to learn by gradient descent by gradient descent', kind: 'title', expect: [top3('Learning to learn by gradient descent by gradient descent')] },
  { query: 'training deep nets with sublinear memory cost', kind: 'title', expect: [top3('Training Deep Nets with Sublinear Memory Cost')] },
  { query: 'mixup beyond empirical risk minimization', kind: 'title', expect: [top3('mixup: Beyond Empirical Risk Minimization')] },
  { query: 'super-convergence', kind: 'title', expect: [top3('Super-Convergence: Very Fast Training of Residual Networks Using Large Learning Rates')] },
  { query: 'gumbel softmax', kind: 'title', expect: [top3('Categorical Reparameterization with Gumbel-Softmax')] },
  { query: 'random erasing', kind: 'title', expect: [top3('Random Erasing Data Augmentation')] },

  { query: '1502.03167', kind: 'arxiv', expect: [top3(BN_PAPER)] },
  { query: '1502.03167v2', kind: 'arxiv', expect: [top3(BN_PAPER)] },
  { query: '1412.6980', kind: 'arxiv', expect: [top3(ADAM_PAPER)] },
  { query: 'https://arxiv.org/abs/1502.01852v1', kind: 'arxiv', expect: [top3(PRELU)] },
  { query: '1710.03740', kind: 'arxiv', expect: [top3('Mixed Precision Training')] },

  { query: 'dropuot', kind: 'misspelling', expect: [top10(DROPOUT_PAPER)] },
  { query: 'batch nomralization', kind: 'misspelling', expect: [top10(BN_PAPER)] },
  { query: 'batch normalisation', kind: 'misspelling', expect: [top10(BN_PAPER)] },
  { query: 'adagard', kind: 'misspelling', expect: [top10('Adaptive Subgradient Methods for Online Learning and Stochastic Optimization')] },
  { query: 'regularisation', kind: 'misspelling', expect: [top10('Regularization in deep learning')] },
  { query: 'initilization', kind: 'misspelling', expect: [top10('On weight initialization in deep neural networks')] },
  { query: 'adma', kind: 'misspelling', expect: [top3(ADAM_PAPER)] },

  { query: 'batch norm', kind: 'partial', expect: [top3(BN_PAPER)] },
  { query: 'dropo', kind: 'partial', expect: [top3(DROPOUT_PAPER)] },
  { query: 'autoaug', kind: 'partial', expect: [top3('AutoAugment: Learning Augmentation Policies from Data')] },
  { query: 'binariz', kind: 'partial', expect: [top3('Binarized Neural Networks', 'Binarized Neural Networks: Training Deep Neural Networks with Weights and Activations Constrained to +1 or -1')] },
  { query: 'freezeo', kind: 'partial', expect: [top3('FreezeOut: Accelerate Training by Progressively Freezing Layers')] },
  { query: 'deep gradient compr', kind: 'partial', expect: [top3('Deep Gradient Compression: Reducing the Communication Bandwidth for Distributed Training')] },
];
