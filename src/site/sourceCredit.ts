// The credit line of a list imported from another document: where it comes from and its licence.
import type { CatalogList } from '../catalog/types.ts';
import { html, type SafeHtml } from './html.ts';

/**
 * Renders a paragraph crediting the list's source, its copyright and licence, or nothing for a
 * list without a source. With `named`, the sentence starts with the list's title, for the footer.
 */
export function renderSourceCredit(list: CatalogList, options: { named?: boolean } = {}): SafeHtml {
  const source = list.data.source;
  if (!source) return html``;

  const licence = source.licenceUrl ? html`<a href="${source.licenceUrl}">${source.licence}</a>` : source.licence;
  const subject = options.named ? html`&ldquo;${list.data.title}&rdquo; is adapted` : 'Adapted';
  return html`<p class="source-credit">${subject} from <a href="${source.url}">the original document</a>${source.copyright ? html`, ${source.copyright}` : ''}. Licence: ${licence}.</p>`;
}
