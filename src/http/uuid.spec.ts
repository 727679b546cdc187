import { canonicalUuid, isCanonicalUuid, isOtherUuidSpelling, isUuid, nameBasedUuid } from './uuid';

describe('nameBasedUuid', () => {
  it('is a version-5 UUID, the same for the same parts', () => {
    const id = nameBasedUuid(['user', 'key', 'demo-1', '0']);
    expect(isUuid(id)).toBe(true);
    expect(id[14]).toBe('5');
    expect(['8', '9', 'a', 'b']).toContain(id[19]);
    expect(nameBasedUuid(['user', 'key', 'demo-1', '0'])).toBe(id);
  });

  it('differs when the parts differ, however they are split', () => {
    expect(nameBasedUuid(['a-b', 'c'])).not.toBe(nameBasedUuid(['a', 'b-c']));
    expect(nameBasedUuid(['user', 'key', 'demo-1', '0'])).not.toBe(nameBasedUuid(['user', 'key', 'demo-1', '1']));
  });
});

describe('one spelling of a UUID', () => {
  const id = '3b857572-25ba-40a4-b1d0-05d17384b05a';

  it('given a UUID in upper or mixed case, when made canonical, then it is lower-cased', () => {
    expect(canonicalUuid(id.toUpperCase())).toBe(id);
    expect(canonicalUuid('3B857572-25ba-40A4-b1d0-05D17384B05A')).toBe(id);
    expect(isCanonicalUuid(id)).toBe(true);
    expect(isCanonicalUuid(id.toUpperCase())).toBe(false);
  });

  it.each([[`{${id}}`], [`urn:uuid:${id}`], [`${id} `], [` ${id}`], [id.replace(/-/g, '')], ['3b85-7572-25ba-40a4-b1d0-05d1-7384-b05a']])(
    'given %p, then it is another spelling of a UUID and has no canonical form',
    (spelling) => {
      expect(canonicalUuid(spelling)).toBeUndefined();
      expect(isOtherUuidSpelling(spelling)).toBe(true);
    },
  );

  it.each([[id], ['officer-7'], ['system:ledger-sealer'], ['deadbeef']])('given %p, then it is not another spelling of a UUID', (text) => {
    expect(isOtherUuidSpelling(text)).toBe(false);
  });
});
