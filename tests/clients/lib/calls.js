// Small helpers the library suites share.
import assert from 'node:assert/strict';

/** The ids of a list of objects (undefined for a null entry). */
export const ids = items => items.map(item => item?.id);

/** Runs call, which must reject, and returns the library's error. */
export async function failure(call) {
  try {
    await call();
  } catch (error) {
    return error;
  }
  assert.fail('the call succeeded');
}
