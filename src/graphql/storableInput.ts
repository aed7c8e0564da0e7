/**
 * GraphQL's side of storableText.ts: before an operation runs, every string it
 * carries — in variables and in argument literals (`"\u0000"`) — must be text the
 * database can store. Otherwise the operation is refused as BAD_USER_INPUT (HTTP
 * 400, or 200 for clients of plain application/json) with one issue per field,
 * e.g. `{ path: ["input", "learned"], message: "contains a lone UTF-16 surrogate …" }`.
 */
import type { ApolloServerPlugin } from "@apollo/server";
import { GraphQLError, Kind, visit, type DocumentNode, type ValueNode } from "graphql";
import type { FieldIssue } from "../errors.ts";
import { describeIssues, unstorableReason, unstorableTextIssues } from "../storableText.ts";

/** The unstorable strings of the argument literals and variable defaults of `document` (pure; exported for tests). */
export function literalTextIssues(document: DocumentNode): FieldIssue[] {
  const issues: FieldIssue[] = [];
  const walk = (node: ValueNode, path: (string | number)[]) => {
    if (node.kind === Kind.STRING) {
      const reason = unstorableReason(node.value);
      if (reason) issues.push({ path, message: reason });
    } else if (node.kind === Kind.LIST) {
      node.values.forEach((v, i) => walk(v, [...path, i]));
    } else if (node.kind === Kind.OBJECT) {
      for (const f of node.fields) walk(f.value, [...path, f.name.value]);
    }
  };
  visit(document, {
    Argument: (node) => walk(node.value, [node.name.value]),
    VariableDefinition: (node) => {
      if (node.defaultValue) walk(node.defaultValue, [node.variable.name.value]);
    },
  });
  return issues;
}

/** The literal issues of each parsed document (Apollo keeps one document per query text): checked once. */
const literalIssuesOf = new WeakMap<DocumentNode, FieldIssue[]>();

/** An Apollo plugin refusing operations that carry text the database cannot store. */
export const storableInputPlugin: ApolloServerPlugin = {
  async requestDidStart() {
    return {
      async didResolveOperation({ document, request }) {
        let literal = literalIssuesOf.get(document);
        if (!literal) {
          literal = literalTextIssues(document);
          literalIssuesOf.set(document, literal);
        }
        const issues = [...unstorableTextIssues(request.variables ?? {}), ...literal];
        if (!issues.length) return;
        throw new GraphQLError(`Invalid input: ${describeIssues(issues)}`, { extensions: { code: "BAD_USER_INPUT", issues, http: { status: 400 } } });
      },
    };
  },
};
