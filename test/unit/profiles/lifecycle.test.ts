import { describe, expect, it } from 'vitest';
import { createProfileLifecycle } from '../../../main/profiles/lifecycle';

describe('profile lifecycle', () => {
  it('asks every owner, in the order they registered, to forget the profile', async () => {
    const lifecycle = createProfileLifecycle();
    const asked: string[] = [];
    lifecycle.register({ name: 'tasks', forget: (id) => void asked.push(`tasks ${id}`) });
    lifecycle.register({
      name: 'rows',
      forget: async (id) => {
        await Promise.resolve();
        asked.push(`rows ${id}`);
      },
    });
    lifecycle.register({ name: 'keychain', forget: (id) => void asked.push(`keychain ${id}`) });
    await lifecycle.forget('p1');
    expect(asked).toEqual(['tasks p1', 'rows p1', 'keychain p1']);
  });

  it('stops at the first failure, so the rest (and the profile) stay for another try', async () => {
    const lifecycle = createProfileLifecycle();
    const asked: string[] = [];
    lifecycle.register({ name: 'rows', forget: () => void asked.push('rows') });
    lifecycle.register({
      name: 'keychain',
      forget: () => Promise.reject(new Error('The keychain is locked.')),
    });
    lifecycle.register({ name: 'later', forget: () => void asked.push('later') });
    await expect(lifecycle.forget('p1')).rejects.toThrow('The keychain is locked.');
    expect(asked).toEqual(['rows']);
  });
});
