// The store's write limiter, on the same token buckets as the per-address middleware: per address, per account, all or nothing, refilled over the minute.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { RateLimited, WriteLimiter } from '../../src/server/rate-limit.js';
import type { Person } from '../../src/store/people.js';

const person = (id: number) => ({ id, name: `p${id}`, role: 'submitter' }) as unknown as Person;

function refused(work: () => void): number {
  try { work(); } catch (e) { assert.ok(e instanceof RateLimited); return e.retryAfter; }
  return assert.fail('expected RateLimited');
}

describe('WriteLimiter', () => {
  it('limits each address and each account, and a refused write takes from neither', () => {
    let t = 0;
    const limiter = new WriteLimiter({ address: 3, account: 2 }, () => t);
    limiter.take({ address: 'a' });
    limiter.take({ address: 'a', person: person(1) });
    limiter.take({ address: 'b', person: person(1) });
    // The account is spent; the address b still has two writes left, and refusing the account takes none of them.
    assert.ok(refused(() => limiter.take({ address: 'b', person: person(1) })) >= 1);
    limiter.take({ address: 'b' });
    limiter.take({ address: 'b' });
    refused(() => limiter.take({ address: 'b' }));
    limiter.take({ address: 'c', person: person(2) });
    limiter.take({ address: 'a' });
    refused(() => limiter.take({ address: 'a' }));
    // A third of a minute gives the address of three one write back.
    t = 20_000;
    limiter.take({ address: 'a' });
    refused(() => limiter.take({ address: 'a' }));
  });

  it('says how long to wait', () => {
    let t = 0;
    const limiter = new WriteLimiter({ address: 1, account: 1 }, () => t);
    limiter.take({ address: 'x' });
    assert.equal(refused(() => limiter.take({ address: 'x' })), 60);
    t = 45_000;
    assert.equal(refused(() => limiter.take({ address: 'x' })), 15);
  });
});
