import { headerText } from './access-purpose';

const asBytes = (text: string, encoding: BufferEncoding): string => Buffer.from(text, encoding).toString('latin1');

describe('reading a header as text', () => {
  it('given UTF-8 bytes (Welsh ŵ, ŷ), then it reads them as UTF-8', () => {
    expect(headerText(asBytes('Adolygu’r ffeil: ŵyn ac ŷd', 'utf8'))).toBe('Adolygu’r ffeil: ŵyn ac ŷd');
  });

  it('given bytes that are not UTF-8 (ISO-8859-1 é), then it keeps their latin1 reading', () => {
    expect(headerText(asBytes('Révision du dossier', 'latin1'))).toBe('Révision du dossier');
  });

  it('given plain ASCII, then it is unchanged', () => {
    expect(headerText('Reviewing the file')).toBe('Reviewing the file');
  });
});
