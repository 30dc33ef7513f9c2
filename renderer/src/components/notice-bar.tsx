/** A message bar with an optional title, one sentence, and at most one action: the app's one notice. */
import {
  Button,
  MessageBar,
  MessageBarActions,
  MessageBarBody,
  MessageBarTitle,
  type MessageBarIntent,
} from '@fluentui/react-components';
import type { ReactNode } from 'react';

/** The one thing a notice offers to do about itself. */
export interface NoticeAction {
  readonly label: string;
  readonly onClick: () => void;
  readonly primary?: boolean;
  readonly size?: 'small' | 'medium';
}

export interface NoticeBarProps {
  readonly intent: MessageBarIntent;
  readonly title?: string;
  readonly children: ReactNode;
  readonly action?: NoticeAction;
  readonly testId?: string;
  /** A stable code tests and styles can read (the `DeskError` code of a failure). */
  readonly code?: string;
}

export function NoticeBar(props: NoticeBarProps) {
  const { action } = props;
  return (
    <MessageBar intent={props.intent} data-testid={props.testId} data-error-code={props.code}>
      <MessageBarBody>
        {props.title !== undefined && <MessageBarTitle>{props.title}</MessageBarTitle>}
        {props.children}
      </MessageBarBody>
      {action && (
        <MessageBarActions>
          <Button
            size={action.size}
            appearance={action.primary ? 'primary' : undefined}
            onClick={action.onClick}
          >
            {action.label}
          </Button>
        </MessageBarActions>
      )}
    </MessageBar>
  );
}
