import type { FlowView } from "../../../domain/flows/flow-view.ts";
import { format } from "../../../i18n/index.ts";
import { Form, Layout, Link, PageHeading, SubmitButton } from "../../components/index.ts";
import type { PageContext } from "../../page-context.ts";
import { deleteFlowHref, flowHref } from "./flow-parts.tsx";

/** Removing a flow asks first: the button that removes it is a form of its own, on its own page. */
export function FlowDeletePage({ ctx, flow }: { ctx: PageContext; flow: FlowView }) {
  const t = ctx.m.flows;
  const title = format(t.deleteTitle, { name: flow.name });
  return (
    <Layout ctx={ctx} title={title}>
      <PageHeading lead={t.deleteLead}>{title}</PageHeading>
      <Form ctx={ctx} action={deleteFlowHref(flow.id)}>
        <div className="actions">
          <SubmitButton>{t.deleteConfirm}</SubmitButton>
          <Link href={flowHref(flow.id)}>{ctx.m.common.cancel}</Link>
        </div>
      </Form>
    </Layout>
  );
}
