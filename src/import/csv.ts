/**
 * An older system's CSV export, read with csv-parse (the reading half of the csv-stringify
 * family this project already uses): RFC 4180, fields separated by commas, records by CRLF
 * or LF, a quoted field may hold commas, line breaks and doubled quotes, a byte order mark
 * is dropped. The first record names the columns.
 */
import { CsvError, parse } from 'csv-parse/sync';

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

interface ParsedRow {
  record: string[];
  info: { lines: number };
}

/** The records of `text`; a record with more or fewer fields than the header is refused with its line. */
export function parseCsv(text: string): { columns: string[]; records: CsvRecord[] } {
  const rows = parsedRows(text);
  const header = rows.shift();
  if (header === undefined) return { columns: [], records: [] };
  const columns = header.record.map((name) => name.trim());
  let previousEnd = header.info.lines;
  const records = rows.map(({ record, info }) => {
    // csv-parse says the line a record ends on; it starts on the line after the one before it.
    const line = previousEnd + 1;
    previousEnd = info.lines;
    if (record.length !== columns.length) throw new CsvSyntaxError(line, `${record.length} fields where the header has ${columns.length}`);
    return { line, fields: Object.fromEntries(columns.map((name, index) => [name, record[index]])) };
  });
  return { columns, records };
}

function parsedRows(text: string): ParsedRow[] {
  try {
    return parse(text, { bom: true, info: true, relax_column_count: true, skip_empty_lines: true }) as unknown as ParsedRow[];
  } catch (error) {
    if (error instanceof CsvError) throw new CsvSyntaxError((error as CsvError & { lines?: number }).lines ?? 0, error.message);
    throw error;
  }
}
