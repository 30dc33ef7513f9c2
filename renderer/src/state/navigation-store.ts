/** The navigation store: the pure functions in `navigation.ts`, bound to zustand. */
import { create } from 'zustand';
import { navigate, screenFromHash, type NavigationState } from './navigation';

interface NavigationStore extends NavigationState {
  readonly go: (target: string) => void;
}

export const useNavigation = create<NavigationStore>((set) => ({
  current: screenFromHash(window.location.hash),
  go: (target) => set((state) => navigate(state, target)),
}));
