/**
 * Says, in the web build, that the app behind this page's address is gone (it was restarted with a
 * new address). Shows nothing in Electron, where there is no `window.deskConnection`.
 */
import { MessageBar, MessageBarBody } from '@fluentui/react-components';
import { useSyncExternalStore } from 'react';
import {
  BRIDGE_RESTARTED_MESSAGE,
  type BridgeStatus,
  type DeskConnection,
} from '../../../preload/bridge-status';

declare global {
  interface Window {
    readonly deskConnection?: DeskConnection;
  }
}

const subscribe = (listener: () => void) => window.deskConnection?.onStatus(listener) ?? (() => {});
const currentStatus = (): BridgeStatus => window.deskConnection?.status() ?? 'connected';

export function RestartBanner() {
  const status = useSyncExternalStore(subscribe, currentStatus);
  if (status !== 'restarted') return null;
  return (
    <MessageBar intent="warning" role="alert" data-testid="bridge-restarted">
      <MessageBarBody>{BRIDGE_RESTARTED_MESSAGE}</MessageBarBody>
    </MessageBar>
  );
}
