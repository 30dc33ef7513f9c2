/**
 * The profile lifecycle: every capability that keeps something for a profile (database rows, files,
 * keychain entries, running tasks, clients in memory) registers here how to remove it, so removing a
 * profile removes all of it, and a new capability cannot forget to.
 */

/** What one capability keeps for a profile, and how to remove it. */
export interface ProfileOwner {
  /** Who owns it, for the developer when removal fails: "catalog rows", "keychain entries". */
  readonly name: string;
  /** Removes everything this owner keeps for the profile. Must be safe to call again after a failure. */
  readonly forget: (profileId: string) => Promise<void> | void;
}

export interface ProfileLifecycle {
  /** Adds an owner; owners are asked in the order they registered. */
  register(owner: ProfileOwner): void;
  /**
   * Removes everything every owner keeps for the profile, in order. The first failure stops it and is
   * thrown, so whatever registered last (the profile itself, in settings) stays, and the removal can
   * be tried again.
   */
  forget(profileId: string): Promise<void>;
}

export function createProfileLifecycle(): ProfileLifecycle {
  const owners: ProfileOwner[] = [];
  return {
    register(owner) {
      owners.push(owner);
    },
    async forget(profileId) {
      for (const owner of owners) await owner.forget(profileId);
    },
  };
}
