// Serialises the XML outputs (Atom feeds, sitemap) with fast-xml-parser's builder, which escapes
// every text node and attribute value.
import { XMLBuilder } from 'fast-xml-parser';

/**
 * A node for the builder: attributes are keys starting with `@_`, text is `#text`, and an
 * array under a key repeats the element.
 */
export type XmlNode = { [name: string]: XmlNode | XmlNode[] | string | number | undefined };

// Characters that XML 1.0 forbids anywhere, even escaped: most C0 controls, lone surrogates,
// U+FFFE and U+FFFF. Text from content files may carry them, so they are dropped.
const INVALID_XML_CHARACTERS = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

const builder = new XMLBuilder({
  ignoreAttributes: false,
  attributeNamePrefix: '@_',
  textNodeName: '#text',
  format: true,
  indentBy: '  ',
  suppressEmptyNode: true,
  processEntities: true,
});

/**
 * Serialises `root` (one top-level element) as an XML document with a UTF-8 declaration.
 * Keys whose value is undefined are left out.
 */
export function buildXml(root: XmlNode): string {
  const body = builder.build(root) as string;
  return `${XML_DECLARATION}${removeInvalidXmlCharacters(body)}`;
}

/** The first line of every XML document that buildXml writes. */
export const XML_DECLARATION = '<?xml version="1.0" encoding="utf-8"?>\n';

/** Removes the characters that XML 1.0 forbids, as buildXml does. */
export function removeInvalidXmlCharacters(text: string): string {
  return text.replace(INVALID_XML_CHARACTERS, '');
}

/**
 * Escapes text for an element or a quoted attribute value as the builder does: `&`, `<`, `>`,
 * `'` and `"` become entity references.
 */
export function escapeXml(text: string): string {
  return XML_SPECIAL_CHARACTER.test(text) ? text.replace(XML_SPECIAL_CHARACTERS, (character) => XML_ESCAPES[character] ?? character) : text;
}

const XML_SPECIAL_CHARACTER = /[&<>'"]/;
const XML_SPECIAL_CHARACTERS = /[&<>'"]/g;
const XML_ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', "'": '&apos;', '"': '&quot;' };
