// A store refusal (bad field, unknown id, wrong role, conflict) is bad input on the command line: its message, exit 2.
import { StoreError } from '../store/people.js';
import { InputError } from './output.js';

export async function storeErrorAsInput<T>(work: Promise<T>): Promise<T> {
  try {
    return await work;
  } catch (e) {
    if (e instanceof StoreError) throw new InputError(`${e.message}${e.status === 409 ? ' (conflict)' : ''}`);
    throw e;
  }
}
