/**
 * The frame every dialog of the app shares: a modal Fluent dialog with a title, its content and its
 * buttons. Fluent keeps focus inside while it is open and gives it back where it was when it closes.
 */
import {
  Dialog,
  DialogActions,
  DialogBody,
  DialogContent,
  DialogSurface,
  DialogTitle,
} from '@fluentui/react-components';
import type { FormEvent, ReactNode } from 'react';

/** A dialog whose body is a form: Enter in a field submits it. */
export interface DialogForm {
  readonly onSubmit: (event: FormEvent<HTMLFormElement>) => void;
  readonly testId: string;
}

export interface DialogShellProps {
  readonly title: ReactNode;
  readonly children: ReactNode;
  /** The buttons at the bottom, the primary one last. */
  readonly actions: ReactNode;
  readonly open?: boolean;
  /** Escape (and a click outside) asks for this; without it only the dialog's own buttons close it. */
  readonly onClose?: () => void;
  /** `alert` for a dialog the user has to answer (no click outside closes it). */
  readonly modalType?: 'modal' | 'alert';
  readonly testId?: string;
  readonly surfaceClassName?: string;
  readonly contentClassName?: string;
  readonly form?: DialogForm;
}

export function DialogShell(props: DialogShellProps) {
  const { form, onClose } = props;
  const body = (
    <DialogBody>
      <DialogTitle>{props.title}</DialogTitle>
      <DialogContent className={props.contentClassName}>{props.children}</DialogContent>
      <DialogActions>{props.actions}</DialogActions>
    </DialogBody>
  );
  return (
    <Dialog
      open={props.open ?? true}
      modalType={props.modalType}
      onOpenChange={onClose && ((_event, data) => !data.open && onClose())}
    >
      <DialogSurface
        className={props.surfaceClassName}
        data-testid={props.testId}
        // A form's content is its fields: read out whole as the dialog's description, it says too much.
        {...(form ? { 'aria-describedby': undefined } : {})}
      >
        {form ? (
          // noValidate: main checks every field and says what is wrong next to it.
          <form noValidate onSubmit={form.onSubmit} data-testid={form.testId}>
            {body}
          </form>
        ) : (
          body
        )}
      </DialogSurface>
    </Dialog>
  );
}
