import type { Pii } from '../../../kernel/pii/pii.ts';
import { isValidIdNumber, isValidMobile, maskIdNumber, maskPhone, normalise } from '../../../kernel/pii/pii.ts';
import { RegistryErrors } from '../registry.errors.ts';

/**
 * Turns a phone and ID number as typed into the stored columns: encrypted value, keyed hash for
 * exact lookup, masked display form. `undefined` leaves a field as it is; `null` or '' clears it.
 */
export function personPiiColumns(pii: Pii, input: { phone?: string | null; idNumber?: string | null }) {
  const out: Record<string, string | null> = {};
  if (input.phone !== undefined) {
    const phone = input.phone ? normalise(input.phone) : null;
    if (phone && !isValidMobile(phone)) throw RegistryErrors.PHONE_INVALID();
    out.phone_enc = phone ? pii.encrypt(phone) : null;
    out.phone_hash = phone ? pii.hash(phone) : null;
    out.phone_masked = phone ? maskPhone(phone) : null;
  }
  if (input.idNumber !== undefined) {
    const id = input.idNumber ? normalise(input.idNumber) : null;
    if (id && !isValidIdNumber(id)) throw RegistryErrors.ID_NUMBER_INVALID();
    out.id_number_enc = id ? pii.encrypt(id) : null;
    out.id_number_hash = id ? pii.hash(id) : null;
    out.id_number_masked = id ? maskIdNumber(id) : null;
  }
  return out;
}
