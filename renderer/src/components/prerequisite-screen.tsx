/**
 * What a screen shows instead of its content while something it needs comes first: a partner profile
 * (from Connect), or the customer it works for (from Customers). One place, so every screen asks the
 * same way and offers the one button that gets it.
 */
import type { ScreenInfo } from '../screens';
import { useNavigation } from '../state/navigation-store';
import { NoticeBar } from './notice-bar';
import { ScreenHeader } from './screen-header';

/** What is missing, said for this screen, and the screen that provides it. */
export interface Prerequisite {
  readonly from: 'connect' | 'customers';
  /** The button's words, e.g. "Go to Connect". */
  readonly action: string;
  readonly title?: string;
  readonly message: string;
  readonly testId?: string;
}

/** What a screen of one profile's data says before any profile is connected. */
export const NEED_PROFILE: Prerequisite = {
  from: 'connect',
  action: 'Go to Connect',
  message: 'Connect a partner profile first.',
};

export function PrerequisiteScreen({ info, need }: { info: ScreenInfo; need: Prerequisite }) {
  const go = useNavigation((s) => s.go);
  return (
    <section data-testid={`screen-${info.id}`}>
      <ScreenHeader info={info} />
      <NoticeBar
        intent="info"
        title={need.title}
        testId={need.testId}
        action={{ label: need.action, onClick: () => go(need.from), primary: true }}
      >
        {need.message}
      </NoticeBar>
    </section>
  );
}
