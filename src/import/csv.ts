/**
 * CSV as RFC 4180 writes it: fields separated by commas, records by CRLF or LF, a field in
 * double quotes may hold commas, line breaks and doubled quotes. The first record names the
 * columns. Kept small and here until `csv-parse` (the reading half of the `csv-stringify`
 * family this project already uses) is a dependency: the import reads only this dialect.
 */

/** One record, by column name, with the line of the file it starts on (1-based, the header is line 1). */
export interface CsvRecord {
  line: number;
  fields: Record<string, string>;
}

export class CsvSyntaxError extends Error {
  constructor(
    readonly line: number,
    message: string,
  ) {
    super(`line ${line}: ${message}`);
    this.name = 'CsvSyntaxError';
  }
}

/** The records of `text`; a record with more or fewer fields than the header is refused with its line. */
export function parseCsv(text: string): { columns: string[]; records: CsvRecord[] } {
  const rows = csvRows(text.startsWith('\uFEFF') ? text.slice(1) : text);
  const header = rows.shift();
  if (header === undefined) return { columns: [], records: [] };
  const columns = header.fields.map((name) => name.trim());
  const records = rows
    .filter((row) => !(row.fields.length === 1 && row.fields[0] === ''))
    .map((row) => {
      if (row.fields.length !== columns.length) throw new CsvSyntaxError(row.line, `${row.fields.length} fields where the header has ${columns.length}`);
      return { line: row.line, fields: Object.fromEntries(columns.map((name, index) => [name, row.fields[index]])) };
    });
  return { columns, records };
}

function csvRows(text: string): { line: number; fields: string[] }[] {
  const rows: { line: number; fields: string[] }[] = [];
  let fields: string[] = [];
  let field = '';
  let line = 1;
  let rowLine = 1;
  let index = 0;
  const endField = (): void => {
    fields.push(field);
    field = '';
  };
  const endRow = (): void => {
    endField();
    rows.push({ line: rowLine, fields });
    fields = [];
    rowLine = line;
  };
  while (index < text.length) {
    const character = text[index];
    if (character === '"' && field === '') {
      const close = quotedFieldEnd(text, index + 1, line);
      field = text.slice(index + 1, close).replaceAll('""', '"');
      line += countLineBreaks(field);
      index = close + 1;
      const next = text[index];
      if (next !== undefined && next !== ',' && next !== '\n' && next !== '\r') throw new CsvSyntaxError(line, 'text after a closing quote');
      continue;
    }
    if (character === ',') endField();
    else if (character === '\n' || character === '\r') {
      if (character === '\r' && text[index + 1] === '\n') index += 1;
      line += 1;
      endRow();
    } else field += character;
    index += 1;
  }
  if (field !== '' || fields.length > 0) endRow();
  return rows;
}

/** The index of the quote closing a field whose text starts at `from`. */
function quotedFieldEnd(text: string, from: number, line: number): number {
  let index = from;
  for (;;) {
    const quote = text.indexOf('"', index);
    if (quote < 0) throw new CsvSyntaxError(line, 'a quoted field is not closed');
    if (text[quote + 1] !== '"') return quote;
    index = quote + 2;
  }
}

function countLineBreaks(text: string): number {
  return (text.match(/\r\n|\r|\n/g) ?? []).length;
}
