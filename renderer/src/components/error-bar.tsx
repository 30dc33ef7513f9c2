/** A failure from main, said plainly, with a way to try again. */
import type { DeskError } from '../../../preload/contract';
import { NoticeBar } from './notice-bar';

export function ErrorBar(props: { title: string; error: DeskError; onRetry?: () => void; testId?: string }) {
  return (
    <NoticeBar
      intent="error"
      title={props.title}
      testId={props.testId}
      code={props.error.code}
      action={props.onRetry && { label: 'Try again', onClick: props.onRetry, size: 'small' }}
    >
      {props.error.message}
    </NoticeBar>
  );
}
