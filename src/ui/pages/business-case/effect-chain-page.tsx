import { EFFECT_KINDS, type EffectChain, type EffectTree, effectTree } from "../../../domain/business-case/effect-chain.ts";
import { format } from "../../../i18n/index.ts";
import { EffectChainDiagram } from "../../charts/effect-chain-diagram.tsx";
import {
  ActionButton,
  Form,
  FormErrorSummary,
  Heading,
  Layout,
  PageHeading,
  Paragraph,
  ScrollableTable,
  SelectField,
  SubmitButton,
  Table,
  TextField,
} from "../../components/index.ts";
import type { FormErrors, PageContext } from "../../page-context.ts";
import { BackLink, initiativeHref } from "../initiatives/initiative-parts.tsx";
import { effectChainHref } from "../value/value-hrefs.ts";
import { ValueNav } from "../value/value-nav.tsx";
import { businessCaseFormContext } from "./business-case-parts.tsx";

export type NodeFormValues = { kind: string; label: string };
export type LinkFormValues = { from: string; to: string };
/** Which of the two forms was sent, so its errors show beside it and the other stays empty. */
export type EffectChainForm = { form: "node"; values: NodeFormValues } | { form: "link"; values: LinkFormValues };

function TreeList({ ctx, trees }: { ctx: PageContext; trees: readonly EffectTree[] }) {
  const t = ctx.m.effectChain;
  return (
    <ul>
      {trees.map((tree) => (
        <li key={tree.node.id}>
          {`${t.kinds[tree.node.kind]}: ${tree.node.label}`}
          {tree.below.length ? <TreeList ctx={ctx} trees={tree.below} /> : null}
        </li>
      ))}
    </ul>
  );
}

/**
 * The effektkedja: the diagram with its text alternative (a nested list read from the effect goals
 * down), the parts and links as tables, and — for the team — forms to add and remove them.
 */
export function EffectChainPage({
  ctx: pageCtx,
  initiative,
  chain,
  canManage,
  sent,
  errors,
}: {
  ctx: PageContext;
  initiative: { id: string; name: string };
  chain: EffectChain;
  canManage: boolean;
  sent?: EffectChainForm | undefined;
  errors?: FormErrors | undefined;
}) {
  const ctx = businessCaseFormContext(pageCtx);
  const t = ctx.m.effectChain;
  const title = format(t.pageTitle, { initiative: initiative.name });
  const href = effectChainHref(initiative.id);
  const tree = effectTree(chain);
  const labelOf = new Map(chain.nodes.map((n) => [n.id, `${t.kinds[n.kind]}: ${n.label}`]));
  const nodeValues = sent?.form === "node" ? sent.values : { kind: "", label: "" };
  const linkValues = sent?.form === "link" ? sent.values : { from: "", to: "" };
  const nodeOptions = [{ value: "", label: t.choose }, ...chain.nodes.map((n) => ({ value: n.id, label: labelOf.get(n.id) ?? n.label }))];
  return (
    <Layout ctx={ctx} title={title}>
      <BackLink ctx={ctx} href={initiativeHref(initiative.id)} name={initiative.name} />
      <PageHeading lead={t.lead}>{title}</PageHeading>
      <ValueNav ctx={ctx} initiativeId={initiative.id} current="effectChain" />
      <FormErrorSummary ctx={ctx} errors={errors} labels={{ kind: t.kind, label: t.label, from: t.from, to: t.to }} />
      <section aria-labelledby="diagram-heading" className="stack-wide">
        <Heading level={2} data-size="md" id="diagram-heading">
          {t.diagramHeading}
        </Heading>
        {chain.nodes.length ? (
          <>
            {/* biome-ignore lint/a11y/noNoninteractiveTabindex: a region that scrolls sideways must take focus to scroll by keyboard. */}
            <section className="chart-wrap" aria-label={t.diagramTitle} tabIndex={0}>
              <EffectChainDiagram chain={chain} labels={{ title: t.diagramTitle, desc: t.diagramDesc, columns: t.columns }} />
            </section>
            <Heading level={3} data-size="sm">
              {t.textHeading}
            </Heading>
            <Paragraph>{t.textLead}</Paragraph>
            <TreeList ctx={ctx} trees={tree.roots} />
            {tree.unlinked.length ? (
              <>
                <Heading level={4} data-size="xs">
                  {t.unlinkedHeading}
                </Heading>
                <ul>
                  {tree.unlinked.map((n) => (
                    <li key={n.id}>{labelOf.get(n.id)}</li>
                  ))}
                </ul>
              </>
            ) : null}
          </>
        ) : (
          <Paragraph>{t.empty}</Paragraph>
        )}
      </section>
      <section aria-labelledby="nodes-heading" className="stack-wide">
        <Heading level={2} data-size="md" id="nodes-heading">
          {t.nodesHeading}
        </Heading>
        {chain.nodes.length ? (
          <ScrollableTable caption={t.nodesCaption}>
            <Table.Head>
              <Table.Row>
                <Table.HeaderCell>{t.labelColumn}</Table.HeaderCell>
                <Table.HeaderCell>{t.kindColumn}</Table.HeaderCell>
                {canManage ? <Table.HeaderCell>{t.removeColumn}</Table.HeaderCell> : null}
              </Table.Row>
            </Table.Head>
            <Table.Body>
              {EFFECT_KINDS.flatMap((kind) => chain.nodes.filter((n) => n.kind === kind)).map((n) => (
                <Table.Row key={n.id}>
                  <Table.HeaderCell scope="row">{n.label}</Table.HeaderCell>
                  <Table.Cell>{t.kinds[n.kind]}</Table.Cell>
                  {canManage ? (
                    <Table.Cell>
                      <ActionButton ctx={ctx} action={`${href}/nodes/delete`} fields={{ nodeId: n.id }}>
                        {format(t.removeNode, { label: n.label })}
                      </ActionButton>
                    </Table.Cell>
                  ) : null}
                </Table.Row>
              ))}
            </Table.Body>
          </ScrollableTable>
        ) : null}
        {canManage ? (
          <>
            <Heading level={3} data-size="sm">
              {t.addNodeHeading}
            </Heading>
            <Form ctx={ctx} action={`${href}/nodes`}>
              <SelectField
                ctx={ctx}
                name="kind"
                label={t.kind}
                value={nodeValues.kind}
                errors={sent?.form === "node" ? errors : undefined}
                options={[{ value: "", label: t.choose }, ...EFFECT_KINDS.map((k) => ({ value: k, label: t.kinds[k] }))]}
              />
              <TextField
                ctx={ctx}
                name="label"
                label={t.label}
                hint={t.labelHint}
                value={nodeValues.label}
                errors={sent?.form === "node" ? errors : undefined}
              />
              <div className="actions">
                <SubmitButton>{t.addNode}</SubmitButton>
              </div>
            </Form>
          </>
        ) : (
          <Paragraph>{t.readOnly}</Paragraph>
        )}
      </section>
      <section aria-labelledby="links-heading" className="stack-wide">
        <Heading level={2} data-size="md" id="links-heading">
          {t.linksHeading}
        </Heading>
        {chain.links.length ? (
          <ScrollableTable caption={t.linksCaption}>
            <Table.Head>
              <Table.Row>
                <Table.HeaderCell>{t.fromColumn}</Table.HeaderCell>
                <Table.HeaderCell>{t.toColumn}</Table.HeaderCell>
                {canManage ? <Table.HeaderCell>{t.removeColumn}</Table.HeaderCell> : null}
              </Table.Row>
            </Table.Head>
            <Table.Body>
              {chain.links.map((l) => (
                <Table.Row key={`${l.from}-${l.to}`}>
                  <Table.HeaderCell scope="row">{labelOf.get(l.from)}</Table.HeaderCell>
                  <Table.Cell>{labelOf.get(l.to)}</Table.Cell>
                  {canManage ? (
                    <Table.Cell>
                      <ActionButton ctx={ctx} action={`${href}/links/delete`} fields={{ from: l.from, to: l.to }}>
                        {format(t.removeLink, { from: labelOf.get(l.from) ?? l.from, to: labelOf.get(l.to) ?? l.to })}
                      </ActionButton>
                    </Table.Cell>
                  ) : null}
                </Table.Row>
              ))}
            </Table.Body>
          </ScrollableTable>
        ) : (
          <Paragraph>{t.noLinks}</Paragraph>
        )}
        {canManage && chain.nodes.length > 1 ? (
          <>
            <Heading level={3} data-size="sm">
              {t.addLinkHeading}
            </Heading>
            <Paragraph data-size="sm" className="hint">
              {t.addLinkHint}
            </Paragraph>
            <Form ctx={ctx} action={`${href}/links`}>
              <SelectField
                ctx={ctx}
                name="from"
                label={t.from}
                value={linkValues.from}
                errors={sent?.form === "link" ? errors : undefined}
                options={nodeOptions}
              />
              <SelectField
                ctx={ctx}
                name="to"
                label={t.to}
                value={linkValues.to}
                errors={sent?.form === "link" ? errors : undefined}
                options={nodeOptions}
              />
              <div className="actions">
                <SubmitButton>{t.addLink}</SubmitButton>
              </div>
            </Form>
          </>
        ) : null}
      </section>
    </Layout>
  );
}
