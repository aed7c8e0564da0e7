/**
 * A validation rule: an operation must be of a type the schema has (graphql-js 17's
 * KnownOperationTypesRule, which 16 lacks). Without it `subscription { … }` passes
 * validation and fails in execution as INTERNAL_SERVER_ERROR; with it, it is the
 * client's GRAPHQL_VALIDATION_FAILED (HTTP 400) like any other operation the schema
 * cannot answer.
 */
import { GraphQLError, type ValidationRule } from "graphql";

/** Validation rule: refuses an operation type the schema does not define (e.g. a subscription) with a GraphQL error, not a 500. */
export const knownOperationTypes: ValidationRule = (context) => ({
  OperationDefinition(node) {
    const schema = context.getSchema();
    const root = node.operation === "query" ? schema.getQueryType() : node.operation === "mutation" ? schema.getMutationType() : schema.getSubscriptionType();
    if (!root) context.reportError(new GraphQLError(`This schema does not support ${node.operation} operations`, { nodes: node }));
  },
});
