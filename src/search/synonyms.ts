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

/** Returns the expansion of `term` if it is one of ABBREVIATIONS' own keys, so that `constructor` or `__proto__` is no abbreviation. */
export function abbreviationOf(term: string): string | undefined {
  return Object.hasOwn(ABBREVIATIONS, term) ? ABBREVIATIONS[term] : undefined;
}
