import { Heading } from "@digdir/designsystemet-react";
import type { ReactNode } from "react";

/** A page section named by its h2, so landmarks and the heading outline stay in step. */
export function Section({ id, title, children }: { id: string; title: ReactNode; children: ReactNode }) {
  return (
    <section aria-labelledby={id} className="stack-wide">
      <Heading level={2} data-size="md" id={id}>
        {title}
      </Heading>
      {children}
    </section>
  );
}
