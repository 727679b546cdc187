import { stringify } from 'csv-stringify/sync';
import { CsvSyntaxError, parseCsv } from './csv';

describe('parseCsv', () => {
  it('reads what csv-stringify writes: quotes, commas, doubled quotes and line breaks in a field', () => {
    const rows = [
      { a: 'plain', b: '{"x":"1, 2"}' },
      { a: 'two\nlines', b: 'say "hello"' },
    ];
    const { columns, records } = parseCsv(stringify(rows, { header: true, columns: ['a', 'b'] }));
    expect(columns).toEqual(['a', 'b']);
    expect(records).toEqual([
      { line: 2, fields: rows[0] },
      { line: 3, fields: rows[1] },
    ]);
  });

  it('reads CRLF records, a byte order mark and no final line break', () => {
    expect(parseCsv('\uFEFFa,b\r\n1,2\r\n3,').records).toEqual([
      { line: 2, fields: { a: '1', b: '2' } },
      { line: 3, fields: { a: '3', b: '' } },
    ]);
  });

  it('counts the lines a quoted field spans', () => {
    expect(parseCsv('a\n"x\ny"\nz\n').records.map((record) => record.line)).toEqual([2, 4]);
  });

  it('refuses a record whose fields do not match the header, naming its line', () => {
    expect(() => parseCsv('a,b\n1,2\n3\n')).toThrow(new CsvSyntaxError(3, '1 fields where the header has 2'));
  });

  it('refuses an unclosed quote and text after a closing quote', () => {
    expect(() => parseCsv('a\n"open\n')).toThrow(CsvSyntaxError);
    expect(() => parseCsv('a\n"x"y\n')).toThrow(CsvSyntaxError);
  });
});
