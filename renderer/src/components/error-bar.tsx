/** A failure from main, said plainly, with a way to try again. */
import {
  Button,
  MessageBar,
  MessageBarActions,
  MessageBarBody,
  MessageBarTitle,
} from '@fluentui/react-components';
import type { DeskError } from '../../../preload/contract';

export function ErrorBar(props: { title: string; error: DeskError; onRetry?: () => void; testId?: string }) {
  return (
    <MessageBar intent="error" data-testid={props.testId} data-error-code={props.error.code}>
      <MessageBarBody>
        <MessageBarTitle>{props.title}</MessageBarTitle>
        {props.error.message}
      </MessageBarBody>
      {props.onRetry && (
        <MessageBarActions>
          <Button size="small" onClick={props.onRetry}>
            Try again
          </Button>
        </MessageBarActions>
      )}
    </MessageBar>
  );
}
