/**
 * Ansluta's small UI layer over Designsystemet. Pages import from here, never from the design
 * system directly, so a change of design system touches only this folder.
 */
export { Alert, Card, Details, Heading, Link, Paragraph, Table, Tag } from "@digdir/designsystemet-react";
export { Breadcrumbs } from "./breadcrumbs.tsx";
export { DocumentBlocks } from "./document-blocks.tsx";
export { FactList } from "./fact-list.tsx";
export {
  ActionButton,
  ActionForm,
  ChoiceGroup,
  FieldGroup,
  type FieldLabels,
  FileField,
  Form,
  FormErrorSummary,
  fieldId,
  SelectField,
  SubmitButton,
  TextArea,
  TextField,
} from "./form.tsx";
export { Layout, NoticeBeside, PageHeading } from "./layout.tsx";
export { MarkdownText } from "./markdown-text.tsx";
export { Pagination } from "./pagination.tsx";
export { ScrollableTable } from "./scrollable-table.tsx";
export { Section } from "./section.tsx";
