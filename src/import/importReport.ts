// The report of one import: counts, corrections, free text and notes, and its text form.

/** A remark about one line of the source document. */
export interface ReportLine {
  /** The file the line is in, when it is not the source document (the table of added dates). */
  file?: string;
  /** 1-based line of `file` or of the source document; 0 when the remark concerns no single line. */
  line: number;
  message: string;
}

export interface ImportReport {
  /** The document as named on the command line. */
  source: string;
  listId: string;
  counts: {
    sections: number;
    entries: number;
    /** Bold titles read, each repeated title and alias counted. */
    titles: number;
    /** Titles merged into an entry that an earlier title started. */
    merged: number;
    aliases: number;
    links: number;
    arxivIds: number;
    addedDates: number;
  };
  /** Changes made to the source's form: a misspelt key, a malformed title, a merged duplicate. */
  corrections: ReportLine[];
  /** Every source line kept as Markdown text, and where it went. */
  freeText: { line: number; where: string; text: string }[];
  /** Things to look at that changed nothing: a heading without entries, an unmatched date. */
  notes: ReportLine[];
}

/**
 * Writes the report as text: a summary line, then the corrections, the free text lines and the
 * notes, one a line as `file:line  message`, each group with its count.
 */
export function formatImportReport(report: ImportReport): string {
  const { counts } = report;
  const lines = [
    `Imported ${report.source} as the list "${report.listId}": ${plural(counts.sections, 'section')}, ${plural(counts.entries, 'entry', 'entries')} ` +
      `from ${plural(counts.titles, 'title')} (${counts.merged} merged, ${plural(counts.aliases, 'alias', 'aliases')}), ` +
      `${plural(counts.links, 'link')}, ${plural(counts.arxivIds, 'arXiv id')}, ${plural(counts.addedDates, 'added date')}.`,
  ];

  const group = (heading: string, items: readonly string[]) => {
    if (items.length === 0) return;
    lines.push('', `${heading} (${items.length}):`, ...items.map((item) => `  ${item}`));
  };
  const at = (item: { line: number; file?: string }) => {
    const file = item.file ?? report.source;
    return item.line > 0 ? `${file}:${item.line}` : file;
  };

  group('Corrections', report.corrections.map((item) => `${at(item)}  ${item.message}`));
  group('Kept as free text', report.freeText.map((item) => `${at(item)}  ${item.where}: ${item.text}`));
  group('Notes', report.notes.map((item) => `${at(item)}  ${item.message}`));
  return lines.join('\n');
}

function plural(count: number, one: string, many = `${one}s`): string {
  return `${count} ${count === 1 ? one : many}`;
}
