import {
  Button,
  ErrorSummary,
  Field,
  Fieldset,
  Input,
  Label,
  Paragraph,
  Select,
  Textarea,
  ValidationMessage,
} from "@digdir/designsystemet-react";
import type { ReactNode } from "react";
import { fieldErrorText, format } from "../../i18n/index.ts";
import { errorFor, type FormErrors, type PageContext } from "../page-context.ts";

/**
 * Form primitives composed from Designsystemet with explicit ids, so labels, hints and errors
 * are wired without JavaScript (Designsystemet's convenience components wire them in the browser).
 */
export const fieldId = (name: string) => `f-${name.replace(/[^a-zA-Z0-9_-]/g, "-")}`;

export function Form({
  ctx,
  action,
  children,
  id,
  encType,
  livePreview,
}: {
  ctx: PageContext;
  action: string;
  children: ReactNode;
  id?: string;
  /**
   * The id of the element that shows the form's preview: with JavaScript, ansluta.js sends the form
   * with intent=preview as the user pauses typing and shows that element of the answer there.
   */
  livePreview?: string;
  /** multipart/form-data for a form that uploads a file (its route registers @fastify/multipart). */
  encType?: "multipart/form-data";
}) {
  return (
    <form method="post" action={action} noValidate id={id} className="stack" encType={encType} data-live-preview={livePreview}>
      <input type="hidden" name="_csrf" value={ctx.csrfToken} />
      {children}
    </form>
  );
}

/**
 * Field name → the field's label as the form shows it (without "(valfritt)"): the summary names the
 * field each error belongs to, so six empty fields do not read as six identical lines.
 */
export type FieldLabels = Readonly<Record<string, string>>;

export function FormErrorSummary({ ctx, errors, labels }: { ctx: PageContext; errors: FormErrors | undefined; labels: FieldLabels }) {
  if (!errors?.length) return null;
  return (
    <ErrorSummary tabIndex={-1} id="error-summary" aria-labelledby="error-summary-title" data-autofocus="">
      <ErrorSummary.Heading id="error-summary-title">{ctx.m.errors.summaryTitle}</ErrorSummary.Heading>
      <ErrorSummary.List>
        {errors.map((e) => {
          const message = fieldErrorText(ctx.m, e.code);
          const label = labels[e.field];
          return (
            <ErrorSummary.Item key={e.field}>
              <ErrorSummary.Link href={`#${fieldId(e.field)}`}>
                {label ? format(ctx.m.errors.summaryItem, { field: label, message }) : message}
              </ErrorSummary.Link>
            </ErrorSummary.Item>
          );
        })}
      </ErrorSummary.List>
    </ErrorSummary>
  );
}

type FieldProps = {
  ctx: PageContext;
  name: string;
  label: string;
  hint?: string | undefined;
  errors?: FormErrors | undefined;
  /** Ids of other text on the page that describes this field (e.g. the question it answers). */
  describedBy?: string | undefined;
};

function describedBy(id: string, hint: string | undefined, error: string | undefined, extra?: string) {
  const ids = [extra ?? null, hint ? `${id}-hint` : null, error ? `${id}-error` : null].filter(Boolean);
  return ids.length ? ids.join(" ") : undefined;
}

function FieldShell({
  ctx,
  name,
  label,
  hint,
  errors,
  describedBy: extra,
  control,
}: FieldProps & { control: (a: ControlAttrs) => ReactNode }) {
  const id = fieldId(name);
  const error = errorFor(errors, name);
  return (
    <Field>
      <Label htmlFor={id}>{label}</Label>
      {hint ? (
        <Paragraph data-size="sm" id={`${id}-hint`} className="hint">
          {hint}
        </Paragraph>
      ) : null}
      {control({ id, name, "aria-describedby": describedBy(id, hint, error, extra), "aria-invalid": error ? true : undefined })}
      {error ? <ValidationMessage id={`${id}-error`}>{fieldErrorText(ctx.m, error)}</ValidationMessage> : null}
    </Field>
  );
}

type ControlAttrs = { id: string; name: string; "aria-describedby": string | undefined; "aria-invalid": true | undefined };

export function TextField(
  props: FieldProps & {
    value?: string | undefined;
    type?: "text" | "email" | "password" | "number" | "date";
    autoComplete?: string;
    required?: boolean;
    width?: "short" | "full";
  },
) {
  return (
    <FieldShell
      {...props}
      control={(a) => (
        <Input
          {...a}
          type={props.type ?? "text"}
          defaultValue={props.type === "password" ? undefined : props.value}
          autoComplete={props.autoComplete}
          required={props.required}
          className={props.width === "short" ? "input-short" : undefined}
        />
      )}
    />
  );
}

/** A file to upload, in a Form with encType multipart/form-data. */
export function FileField(props: FieldProps & { accept?: string }) {
  return <FieldShell {...props} control={(a) => <Input {...a} type="file" accept={props.accept} />} />;
}

export function TextArea(props: FieldProps & { value?: string | undefined; rows?: number }) {
  return <FieldShell {...props} control={(a) => <Textarea {...a} rows={props.rows ?? 5} defaultValue={props.value} />} />;
}

export function SelectField(props: FieldProps & { value?: string | undefined; options: { value: string; label: string }[] }) {
  return (
    <FieldShell
      {...props}
      control={(a) => (
        <Select {...a} defaultValue={props.value}>
          {props.options.map((o) => (
            <Select.Option key={o.value} value={o.value}>
              {o.label}
            </Select.Option>
          ))}
        </Select>
      )}
    />
  );
}

/** A group of checkboxes or radios under one legend; the error belongs to the group. */
export function ChoiceGroup({
  ctx,
  name,
  legend,
  hint,
  errors,
  type,
  options,
  selected,
}: {
  ctx: PageContext;
  name: string;
  legend: string;
  hint?: string;
  errors?: FormErrors | undefined;
  type: "checkbox" | "radio";
  options: { value: string; label: string; hint?: string }[];
  selected: readonly string[];
}) {
  const id = fieldId(name);
  const error = errorFor(errors, name);
  return (
    <Fieldset aria-describedby={describedBy(id, hint, error)} aria-invalid={error ? true : undefined}>
      <Fieldset.Legend>{legend}</Fieldset.Legend>
      {hint ? (
        <Paragraph data-size="sm" id={`${id}-hint`} className="hint">
          {hint}
        </Paragraph>
      ) : null}
      {error ? <ValidationMessage id={`${id}-error`}>{fieldErrorText(ctx.m, error)}</ValidationMessage> : null}
      {options.map((o, i) => {
        // The first option carries the group's id so the error summary link lands in the group.
        const optionId = i === 0 ? id : `${id}-${o.value}`;
        return (
          <Field key={o.value}>
            <Input
              type={type}
              id={optionId}
              name={name}
              value={o.value}
              defaultChecked={selected.includes(o.value)}
              aria-describedby={o.hint ? `${id}-${o.value}-hint` : undefined}
            />
            <Label htmlFor={optionId} data-weight="regular">
              {o.label}
            </Label>
            {o.hint ? (
              <Paragraph data-size="sm" id={`${id}-${o.value}-hint`} className="hint">
                {o.hint}
              </Paragraph>
            ) : null}
          </Field>
        );
      })}
    </Fieldset>
  );
}

/** A form's submit button; `name` and `value` tell the handler which of several buttons was pressed. */
export function SubmitButton({
  children,
  variant = "primary",
  name,
  value,
  size,
}: {
  children: ReactNode;
  variant?: "primary" | "secondary" | "tertiary";
  name?: string;
  value?: string;
  size?: "sm";
}) {
  return (
    <Button type="submit" variant={variant} {...(name ? { name, value } : {})} {...(size ? { "data-size": size } : {})}>
      {children}
    </Button>
  );
}

/**
 * One form around a list whose rows each have an action button (a SubmitButton whose name and
 * value say which row), so that the list carries one form token rather than a form per row: on a
 * long task list those repeated forms were a sixth of the page.
 */
export function ActionForm({ ctx, action, children }: { ctx: PageContext; action: string; children: ReactNode }) {
  return (
    <form method="post" action={action}>
      <input type="hidden" name="_csrf" value={ctx.csrfToken} />
      {children}
    </form>
  );
}

/** A one-button form for actions such as "log out" or "revoke". */
export function ActionButton({
  ctx,
  action,
  children,
  variant = "secondary",
  fields = {},
}: {
  ctx: PageContext;
  action: string;
  children: ReactNode;
  variant?: "primary" | "secondary" | "tertiary";
  fields?: Record<string, string>;
}) {
  return (
    <form method="post" action={action} className="inline-form">
      <input type="hidden" name="_csrf" value={ctx.csrfToken} />
      {Object.entries(fields).map(([k, v]) => (
        <input key={k} type="hidden" name={k} value={v} />
      ))}
      <Button type="submit" variant={variant} data-size="sm">
        {children}
      </Button>
    </form>
  );
}

/**
 * Fields that belong together (the twelve months of a seasonality) under one legend, with the
 * group's own hint and error. The fieldset takes focus, so the error summary's link to the group's
 * error lands on it.
 */
export function FieldGroup({
  ctx,
  name,
  legend,
  hint,
  errors,
  children,
  className,
}: {
  ctx: PageContext;
  name: string;
  legend: string;
  hint?: string;
  errors?: FormErrors | undefined;
  children: ReactNode;
  className?: string;
}) {
  const id = fieldId(name);
  const error = errorFor(errors, name);
  return (
    <Fieldset id={id} tabIndex={-1} aria-describedby={describedBy(id, hint, error)} aria-invalid={error ? true : undefined}>
      <Fieldset.Legend>{legend}</Fieldset.Legend>
      {hint ? (
        <Paragraph data-size="sm" id={`${id}-hint`} className="hint">
          {hint}
        </Paragraph>
      ) : null}
      {error ? <ValidationMessage id={`${id}-error`}>{fieldErrorText(ctx.m, error)}</ValidationMessage> : null}
      <div className={className}>{children}</div>
    </Fieldset>
  );
}
