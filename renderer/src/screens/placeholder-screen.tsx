/** A journey screen that is not built yet: says what it will do, so nobody mistakes it for broken. */
import { MessageBar, MessageBarBody } from '@fluentui/react-components';
import { ScreenHeader } from '../components/screen-header';
import type { ScreenInfo } from '../screens';

export function PlaceholderScreen({ info }: { info: ScreenInfo }) {
  return (
    <section data-testid={`screen-${info.id}`}>
      <ScreenHeader info={info} />
      <MessageBar intent="info">
        <MessageBarBody>This screen is coming in a later release.</MessageBarBody>
      </MessageBar>
    </section>
  );
}
