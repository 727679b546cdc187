import { isUuid, nameBasedUuid } from './uuid';

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
