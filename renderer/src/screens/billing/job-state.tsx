/** A job of the Billing screen as it runs (progress bar, Cancel) and the sentence it ended with. */
import { Button, MessageBar, MessageBarBody, ProgressBar, Text } from '@fluentui/react-components';
import type { InvoiceJob } from '../../state/billing';
import { useTaskProgress, useTasks } from '../../state/tasks-store';

/** A running job's progress bar and Cancel, or how it ended. */
export function JobState(props: { job: InvoiceJob | null; subject: string; testId: string; what: string }) {
  const { job } = props;
  const cancel = useTasks((s) => s.cancel);
  const progress = useTaskProgress(job?.subject === props.subject ? job.taskId : null);
  if (!job || job.subject !== props.subject) return null;
  if (job.taskId !== null) {
    const taskId = job.taskId;
    return (
      <div data-testid={`${props.testId}-running`}>
        <ProgressBar
          aria-label={props.what}
          {...(progress?.total ? { value: progress.done / progress.total } : {})}
        />
        <Text size={200}>
          {progress?.phase ?? props.what}
          {progress ? ` · ${progress.done}${progress.total ? ` of ${progress.total}` : ''}` : ''}
        </Text>{' '}
        <Button size="small" onClick={() => void cancel(taskId)}>
          Cancel
        </Button>
      </div>
    );
  }
  if (!job.ended) return null;
  return (
    <MessageBar
      intent={
        job.ended.outcome === 'completed' ? 'success' : job.ended.outcome === 'cancelled' ? 'info' : 'error'
      }
    >
      <MessageBarBody data-testid={`${props.testId}-message`} data-outcome={job.ended.outcome}>
        {job.ended.message}
      </MessageBarBody>
    </MessageBar>
  );
}
