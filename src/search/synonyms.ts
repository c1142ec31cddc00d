// Abbreviations that readers of machine-learning lists type for a longer name, searched as either.

/**
 * Each abbreviation (normalised, lower case) with the words it stands for. A query word listed
 * here also matches entries that contain all of those words, so `BN` finds "Batch Normalization".
 */
export const ABBREVIATIONS: Readonly<Record<string, string>> = {
  bn: 'batch normalization',
  ln: 'layer normalization',
  gn: 'group normalization',
  wn: 'weight normalization',
  gan: 'generative adversarial',
  gans: 'generative adversarial',
  sgd: 'stochastic gradient descent',
  gd: 'gradient descent',
  cnn: 'convolutional neural',
  cnns: 'convolutional neural',
  rnn: 'recurrent neural',
  dnn: 'deep neural',
  dnns: 'deep neural',
  lr: 'learning rate',
  relu: 'rectified linear',
  lrelu: 'leaky relu',
  prelu: 'parametric rectified',
  elu: 'exponential linear',
  selu: 'scaled exponential linear',
  gelu: 'gaussian error linear',
  crelu: 'concatenated rectified',
  bp: 'backpropagation',
  nag: 'nesterov',
};
