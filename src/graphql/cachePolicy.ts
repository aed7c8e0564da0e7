/**
 * Cache-Control of GraphQL responses from the schema's `@cacheControl` hints, worked out once
 * per operation (documents are parsed once per query text and kept by Apollo) instead of once
 * per resolved field, as Apollo's own cache-control plugin does: with no `willResolveField`
 * hook, Apollo leaves the resolvers unwrapped.
 *
 * The rules are Apollo's (https://www.apollographql.com/docs/apollo-server/performance/caching):
 * a field's policy is its return type's hint replaced by its own hint; a field returning an
 * object, or a root field, without a `maxAge` gets `defaultMaxAge` unless it inherits
 * (`inheritMaxAge`); the response's policy is the most restrictive of its fields' (smallest
 * `maxAge`, PRIVATE over PUBLIC). The header is `max-age=N, public|private` when that policy is
 * cacheable and the response has no errors, `no-store` otherwise.
 *
 * The one difference: Apollo counts only the fields that actually resolved, this counts every
 * field the operation selects — under null parents, in empty lists, behind `@skip`/`@include`
 * and in fragments for types the value did not have. A superset of fields can only lower
 * `max-age` or make the scope PRIVATE, never make a response more cacheable. No resolver sets
 * hints at run time (`info.cacheControl` is not offered).
 */
import type { ApolloServerPlugin } from "@apollo/server";
import {
  Kind,
  getNamedType,
  isCompositeType,
  isObjectType,
  type ConstDirectiveNode,
  type DocumentNode,
  type FragmentDefinitionNode,
  type GraphQLCompositeType,
  type GraphQLField,
  type GraphQLObjectType,
  type GraphQLSchema,
  type OperationDefinitionNode,
  type SelectionSetNode,
} from "graphql";

/** A cache policy: how long and for whom a response may be cached (unset: no restriction). */
export interface CacheHint {
  maxAge?: number;
  scope?: "PUBLIC" | "PRIVATE";
}

/** A `@cacheControl` directive as written on a type or field. */
interface Annotation extends CacheHint {
  inheritMaxAge?: boolean;
}

const NO_STORE = "no-store";
const CACHEABLE_HEADER = /^max-age=(\d+), (public|private)$/;

/** The `@cacheControl` annotation among `directives` (read exactly as Apollo reads it). */
function annotationOf(directives: readonly ConstDirectiveNode[] | undefined): Annotation | undefined {
  const directive = directives?.find((d) => d.name.value === "cacheControl");
  if (!directive?.arguments) return undefined;
  const arg = (name: string) => directive.arguments!.find((a) => a.name.value === name)?.value;
  const scopeArg = arg("scope");
  const scopeName = scopeArg?.kind === Kind.ENUM ? scopeArg.value : undefined;
  const scope = scopeName === "PUBLIC" || scopeName === "PRIVATE" ? scopeName : undefined;
  const inherit = arg("inheritMaxAge");
  if (inherit?.kind === Kind.BOOLEAN && inherit.value) return { inheritMaxAge: true, scope };
  const maxAge = arg("maxAge");
  return { maxAge: maxAge?.kind === Kind.INT ? Number.parseInt(maxAge.value, 10) : undefined, scope };
}

function typeAnnotation(type: GraphQLCompositeType): Annotation {
  const hint = annotationOf(type.astNode?.directives);
  if (hint) return hint;
  for (const node of type.extensionASTNodes) {
    const ext = annotationOf(node.directives);
    if (ext) return ext;
  }
  return {};
}

const fieldAnnotation = (field: GraphQLField<unknown, unknown>): Annotation => annotationOf(field.astNode?.directives) ?? {};

/** Narrows `policy` by `hint`: the smaller `maxAge`; PRIVATE, once set, stays. */
function restrict(policy: CacheHint, hint: CacheHint): void {
  if (hint.maxAge !== undefined && (policy.maxAge === undefined || hint.maxAge < policy.maxAge)) policy.maxAge = hint.maxAge;
  if (hint.scope !== undefined && policy.scope !== "PRIVATE") policy.scope = hint.scope;
}

/** Overwrites what `hint` sets. */
function replace(policy: CacheHint, hint: CacheHint): void {
  if (hint.maxAge !== undefined) policy.maxAge = hint.maxAge;
  if (hint.scope !== undefined) policy.scope = hint.scope;
}

/**
 * The cache policy of `operation`: every field it selects, on every object type a selection
 * can apply to, narrowed together (pure; exported for tests). Introspection fields carry no
 * hints and are left out, as in Apollo.
 */
export function operationCacheHint(
  schema: GraphQLSchema,
  operation: OperationDefinitionNode,
  fragments: Record<string, FragmentDefinitionNode>,
  defaultMaxAge: number,
): CacheHint {
  const root = schema.getRootType(operation.operation);
  const policy: CacheHint = {};
  if (!root) return policy;
  const objectTypes = (type: GraphQLCompositeType): readonly GraphQLObjectType[] => (isObjectType(type) ? [type] : schema.getPossibleTypes(type));
  // A fragment's contribution depends only on itself and on whether it is spread at the root:
  // each is walked at most twice, however often it is spread.
  const doneFragments = new Set<string>();

  const walk = (set: SelectionSetNode, parent: GraphQLCompositeType, atRoot: boolean) => {
    for (const sel of set.selections) {
      if (sel.kind === Kind.INLINE_FRAGMENT) {
        const type = sel.typeCondition ? schema.getType(sel.typeCondition.name.value) : parent;
        if (type && isCompositeType(type)) walk(sel.selectionSet, type, atRoot);
      } else if (sel.kind === Kind.FRAGMENT_SPREAD) {
        const fragment = fragments[sel.name.value];
        const key = `${sel.name.value}|${atRoot}`;
        if (!fragment || doneFragments.has(key)) continue;
        doneFragments.add(key);
        const type = schema.getType(fragment.typeCondition.name.value);
        if (type && isCompositeType(type)) walk(fragment.selectionSet, type, atRoot);
      } else if (!sel.name.value.startsWith("__")) {
        for (const object of objectTypes(parent)) {
          const def = object.getFields()[sel.name.value];
          if (!def) continue;
          restrict(policy, fieldPolicy(def, atRoot));
          const target = getNamedType(def.type);
          if (sel.selectionSet && isCompositeType(target)) walk(sel.selectionSet, target, false);
        }
      }
    }
  };

  const fieldPolicy = (def: GraphQLField<unknown, unknown>, atRoot: boolean): CacheHint => {
    const own: CacheHint = {};
    const target = getNamedType(def.type);
    let inherits = false;
    if (isCompositeType(target)) {
      const fromType = typeAnnotation(target);
      replace(own, fromType);
      inherits = Boolean(fromType.inheritMaxAge);
    }
    const fromField = fieldAnnotation(def);
    if (fromField.inheritMaxAge && own.maxAge === undefined) {
      inherits = true;
      if (fromField.scope) own.scope = fromField.scope;
    } else replace(own, fromField);
    if (own.maxAge === undefined && ((isCompositeType(target) && !inherits) || atRoot)) restrict(own, { maxAge: defaultMaxAge });
    return own;
  };

  walk(operation.selectionSet, root, true);
  return policy;
}

/** The Cache-Control header for `policy`, given a header already set and whether the response is one result without errors. */
export function cacheControlHeader(policy: CacheHint, existing: string | undefined, cleanSingleResult: boolean): string | undefined {
  const combined: CacheHint = { ...policy };
  if (existing === NO_STORE) return NO_STORE;
  if (existing) {
    const m = CACHEABLE_HEADER.exec(existing);
    if (!m) return undefined; // a header we cannot read is left as it is
    restrict(combined, { maxAge: Number(m[1]), scope: m[2] === "public" ? "PUBLIC" : "PRIVATE" });
  }
  if (!cleanSingleResult || combined.maxAge === undefined || combined.maxAge === 0) return NO_STORE;
  return `max-age=${combined.maxAge}, ${(combined.scope ?? "PUBLIC").toLowerCase()}`;
}

/**
 * An Apollo plugin setting Cache-Control from the operation's static policy, kept per operation
 * node (so per document) in a WeakMap. Install it with `ApolloServerPluginCacheControlDisabled()`,
 * or Apollo adds its per-field one as well.
 */
export function cachePolicyPlugin(options: { defaultMaxAge: number }): ApolloServerPlugin {
  const known = new WeakMap<OperationDefinitionNode, CacheHint>();
  const policyOf = (schema: GraphQLSchema, operation: OperationDefinitionNode, document: DocumentNode): CacheHint => {
    let hint = known.get(operation);
    if (!hint) {
      const fragments: Record<string, FragmentDefinitionNode> = {};
      for (const d of document.definitions) if (d.kind === Kind.FRAGMENT_DEFINITION) fragments[d.name.value] = d;
      hint = operationCacheHint(schema, operation, fragments, options.defaultMaxAge);
      known.set(operation, hint);
    }
    return hint;
  };
  return {
    async requestDidStart() {
      return {
        async executionDidStart({ schema, operation, document, overallCachePolicy }) {
          // Apollo executes even when operationName names no operation of the document (graphql-js then
          // reports it as an error): there is no operation to work a policy out of.
          if (!operation) return;
          overallCachePolicy.restrict(policyOf(schema, operation, document));
        },
        async willSendResponse({ response, overallCachePolicy }) {
          const clean = response.body.kind === "single" && !response.body.singleResult.errors;
          const policy: CacheHint = { maxAge: overallCachePolicy.maxAge, scope: overallCachePolicy.scope };
          const header = cacheControlHeader(policy, response.http.headers.get("cache-control"), clean);
          if (header) response.http.headers.set("cache-control", header);
        },
      };
    },
  };
}
