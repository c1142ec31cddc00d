// Reads the value of a `--link` option: `kind=url` or `kind(label)=url`.
import type { Link } from '../../schemas/entry.ts';
import type { Rejection } from './NewEntryError.ts';

const LINK_OPTION = /^\s*([^=()]+?)\s*(?:\(\s*([^()]*?)\s*\))?\s*=\s*(\S+)\s*$/;

/**
 * Splits `code=https://github.com/user/repo` into a link; `code(PyTorch)=https://...` also sets
 * its label. The kind is lower-cased. Returns a Rejection when the text has no `=` or no URL;
 * the kind and URL themselves are checked later by the entry schema.
 */
export function parseLinkOption(text: string): Link | Rejection {
  const match = LINK_OPTION.exec(text);
  if (match === null) {
    return {
      code: 'invalid-link-option',
      message: `--link "${text}" is not written as kind=url`,
      fix: 'write it as kind=url, such as code=https://github.com/user/repo, or kind(label)=url',
    };
  }

  const [, kind, label, url] = match;
  const hasLabel = label !== undefined && label !== '';
  return hasLabel ? { kind: kind!.toLowerCase(), label, url: url! } : { kind: kind!.toLowerCase(), url: url! };
}
