/**
 * Limits on what one GraphQL operation may ask for, checked after the operation
 * is parsed and validated but before anything runs, with its variables known:
 * depth, aliases, estimated cost and page sizes (`first` 1–100). A violation is
 * HTTP 400 with a specific `extensions.code`. Token counts are limited earlier,
 * by the parser (Apollo's `parseOptions.maxTokens`).
 *
 * Cost model (GitHub-like): each field costs 1 — except the few large texts of
 * `HEAVY_FIELDS`, which cost about one point per 100 bytes of a large value — a
 * list field multiplies the cost of its selection by its `first` (or 10 when it
 * has none); a connection's `first` multiplies its `edges`. Introspection fields (`__schema`, `__type`,
 * `__typename` and everything under them) count exactly like other fields: their
 * lists (`types`, `fields`, `args`, …) are unbounded lists, so 66 aliased copies of
 * `__schema { types { fields { … } } }` are refused like 66 copies of any query.
 */
import type { ApolloServerPlugin } from "@apollo/server";
import {
  GraphQLError,
  Kind,
  SchemaMetaFieldDef,
  TypeMetaFieldDef,
  TypeNameMetaFieldDef,
  getNamedType,
  getNullableType,
  isInterfaceType,
  isListType,
  isObjectType,
  type FieldNode,
  type FragmentDefinitionNode,
  type GraphQLField,
  type GraphQLNamedType,
  type GraphQLSchema,
  type OperationDefinitionNode,
  type SelectionSetNode,
  type ValueNode,
} from "graphql";
import type { ErrorCode } from "../errors.ts";
import { MAX_PAGE_SIZE } from "../modules/content/pagination.ts";

/** Configured limits. */
export interface QueryLimits {
  maxDepth: number;
  maxAliases: number;
  maxCost: number;
}

/** What an operation asks for. */
export interface OperationShape {
  depth: number;
  aliases: number;
  cost: number;
  /** `first` arguments outside 1–100, with the field they were given to. */
  badPageSizes: { field: string; value: unknown }[];
  /** True when a `first` came from a variable: the shape then holds for these variables only. */
  usesVariables: boolean;
}

const UNBOUNDED_LIST_ESTIMATE = 10;

/**
 * Fields whose values are whole lessons or sections (up to ~20 kB of text each) and
 * cost about one point per 100 bytes of a large one: without them, 12 aliased
 * `concepts(first: 100) { … days(first: 100) { html } }` stayed under the cost limit
 * and took over a second (bench/worstOperations.ts measures the worst accepted operation).
 */
export const HEAVY_FIELDS: Readonly<Record<string, number>> = {
  "Day.html": 200,
  "Day.body": 200,
  "Section.html": 50,
  "Section.markdown": 50,
};

/** The definition of field `name` on `parent`, introspection meta-fields included. */
function fieldDefinition(schema: GraphQLSchema, parent: GraphQLNamedType | null | undefined, name: string): GraphQLField<unknown, unknown> | undefined {
  if (name === TypeNameMetaFieldDef.name) return TypeNameMetaFieldDef;
  if (parent && parent === schema.getQueryType()) {
    if (name === SchemaMetaFieldDef.name) return SchemaMetaFieldDef;
    if (name === TypeMetaFieldDef.name) return TypeMetaFieldDef;
  }
  return parent && (isObjectType(parent) || isInterfaceType(parent)) ? parent.getFields()[name] : undefined;
}

/** Measures an operation (pure; exported for tests). */
export function measureOperation(
  schema: GraphQLSchema,
  operation: OperationDefinitionNode,
  fragments: Record<string, FragmentDefinitionNode>,
  variables: Record<string, unknown> = {},
): OperationShape {
  const shape: OperationShape = { depth: 0, aliases: 0, cost: 0, badPageSizes: [], usesVariables: false };
  const root =
    operation.operation === "query" ? schema.getQueryType() : operation.operation === "mutation" ? schema.getMutationType() : schema.getSubscriptionType();
  if (!root) return shape;

  const literalValue = (node: ValueNode | undefined): unknown => {
    if (!node) return undefined;
    if (node.kind === Kind.VARIABLE) {
      shape.usesVariables = true;
      return variables[node.name.value];
    }
    if (node.kind === Kind.INT) return Number(node.value);
    if (node.kind === Kind.NULL) return null;
    if (node.kind === Kind.FLOAT || node.kind === Kind.STRING) return node.value;
    return undefined;
  };

  const walk = (set: SelectionSetNode, parent: GraphQLNamedType | null | undefined, depth: number, listHint: number | undefined, seen: Set<string>): number => {
    let cost = 0;
    for (const sel of set.selections) {
      if (sel.kind === Kind.INLINE_FRAGMENT) {
        const type = sel.typeCondition ? schema.getType(sel.typeCondition.name.value) : parent;
        cost += walk(sel.selectionSet, type, depth, listHint, seen);
      } else if (sel.kind === Kind.FRAGMENT_SPREAD) {
        const name = sel.name.value;
        const fragment = fragments[name];
        if (!fragment || seen.has(name)) continue;
        cost += walk(fragment.selectionSet, schema.getType(fragment.typeCondition.name.value), depth, listHint, new Set([...seen, name]));
      } else {
        cost += field(sel, parent, depth, listHint, seen);
      }
    }
    return cost;
  };

  const field = (node: FieldNode, parent: GraphQLNamedType | null | undefined, depth: number, listHint: number | undefined, seen: Set<string>): number => {
    const name = node.name.value;
    if (node.alias) shape.aliases++;
    shape.depth = Math.max(shape.depth, depth);
    const def = fieldDefinition(schema, parent, name);
    if (!def) return 1;
    const own = (parent && HEAVY_FIELDS[`${parent.name}.${name}`]) ?? 1;
    let first: unknown;
    const firstArg = def.args.find((a) => a.name === "first");
    if (firstArg) {
      const given = node.arguments?.find((a) => a.name.value === "first");
      first = given ? literalValue(given.value) : firstArg.defaultValue;
      if (first !== undefined && first !== null && (!Number.isInteger(first) || (first as number) < 1 || (first as number) > MAX_PAGE_SIZE)) {
        shape.badPageSizes.push({ field: name, value: first });
      }
    }
    const bounded = typeof first === "number" && Number.isInteger(first) ? Math.min(Math.max(first, 1), MAX_PAGE_SIZE) : undefined;
    const isList = isListType(getNullableType(def.type));
    const multiplier = isList ? (bounded ?? listHint ?? UNBOUNDED_LIST_ESTIMATE) : 1;
    const childHint = !isList && bounded !== undefined ? bounded : undefined;
    const children = node.selectionSet ? walk(node.selectionSet, getNamedType(def.type), depth + 1, childHint, seen) : 0;
    return own + multiplier * children;
  };

  shape.cost = walk(operation.selectionSet, root, 1, undefined, new Set());
  return shape;
}

const reject = (message: string, code: ErrorCode, details: Record<string, unknown>) =>
  new GraphQLError(message, { extensions: { code, ...details, http: { status: 400 } } });

/**
 * An Apollo plugin rejecting operations over the limits with HTTP 400. An operation's shape is
 * measured once per parsed document (Apollo keeps one per query text) unless its page sizes
 * come from variables.
 */
export function queryLimitsPlugin(limits: QueryLimits): ApolloServerPlugin {
  const measured = new WeakMap<OperationDefinitionNode, OperationShape>();
  return {
    async requestDidStart() {
      return {
        async didResolveOperation({ operation, document, request, schema }) {
          if (!operation) return;
          let shape = measured.get(operation);
          if (!shape) {
            const fragments: Record<string, FragmentDefinitionNode> = {};
            for (const d of document.definitions) if (d.kind === Kind.FRAGMENT_DEFINITION) fragments[d.name.value] = d;
            shape = measureOperation(schema, operation, fragments, request.variables ?? {});
            if (!shape.usesVariables) measured.set(operation, shape);
          }
          const bad = shape.badPageSizes[0];
          if (bad)
            throw reject(`"first" on ${bad.field} must be an integer from 1 to ${MAX_PAGE_SIZE}, got ${JSON.stringify(bad.value)}`, "PAGE_SIZE_EXCEEDED", {
              max: MAX_PAGE_SIZE,
            });
          if (shape.depth > limits.maxDepth)
            throw reject(`Query depth ${shape.depth} exceeds the maximum of ${limits.maxDepth}`, "MAX_DEPTH_EXCEEDED", {
              depth: shape.depth,
              max: limits.maxDepth,
            });
          if (shape.aliases > limits.maxAliases)
            throw reject(`Query uses ${shape.aliases} aliases; the maximum is ${limits.maxAliases}`, "MAX_ALIASES_EXCEEDED", {
              aliases: shape.aliases,
              max: limits.maxAliases,
            });
          if (shape.cost > limits.maxCost)
            throw reject(`Query cost ${shape.cost} exceeds the maximum of ${limits.maxCost}`, "MAX_COST_EXCEEDED", { cost: shape.cost, max: limits.maxCost });
        },
      };
    },
  };
}
