import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { describe, test } from 'node:test';
import { createPii, isValidIdNumber, maskIdNumber, maskPhone, withIdChecksum } from './pii.ts';

describe('pii primitives', () => {
  const pii = createPii(randomBytes(32));
  test('encrypts with a fresh IV each time and decrypts back', () => {
    const a = pii.encrypt('13800000012');
    assert.notEqual(a, pii.encrypt('13800000012'));
    assert.ok(!a.includes('13800000012'));
    assert.equal(pii.decrypt(a), '13800000012');
  });
  test('a tampered ciphertext is refused', () => {
    const parts = pii.encrypt('330802199001010387').split(':');
    parts[3] = Buffer.from('330802199001010388').toString('base64');
    assert.throws(() => pii.decrypt(parts.join(':')));
  });
  test('the keyed hash is stable, normalised and key-dependent', () => {
    assert.equal(pii.hash('33080219900101038x'), pii.hash('３３０８０２１９９００１０１０３８Ｘ'));
    assert.notEqual(pii.hash('13800000012'), createPii(randomBytes(32)).hash('13800000012'));
  });
  test('masks as the UX asks', () => {
    assert.equal(maskPhone('13800000012'), '138****0012');
    assert.equal(maskIdNumber('330802199001010387'), '3308**********0387');
  });
  test('ID checksum (GB 11643)', () => {
    const id = withIdChecksum('33080219900101038');
    assert.equal(isValidIdNumber(id), true);
    const wrong = id.slice(0, 17) + (id[17] === '0' ? '1' : '0');
    assert.equal(isValidIdNumber(wrong), false);
  });
});
