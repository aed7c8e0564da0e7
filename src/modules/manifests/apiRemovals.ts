/**
 * Kubernetes API versions that were deprecated and removed, per kind: written by us from
 * the Kubernetes "Deprecated API Migration Guide",
 * https://kubernetes.io/docs/reference/using-api/deprecation-guide/ ("Removed APIs by
 * release": the release that stopped serving each group/version/kind and the apiVersion
 * to migrate to). "Deprecated in" is the release from which the API server warns about
 * the version (its `prerelease-lifecycle-gen:deprecated` mark, what `kubectl` prints as
 * "deprecated in v1.X+").
 *
 * `replacement` is the apiVersion to write today, with the same kind. Where the guide
 * points at a version that was itself removed later (extensions/v1beta1 PodSecurityPolicy
 * → policy/v1beta1; flowcontrol v1beta1 → v1beta3) the final one is given; null when the
 * kind has no successor (PodSecurityPolicy: replaced by Pod Security Admission, not by an
 * object). Facts only: no field-level migration notes (read the guide for those).
 */

/** One removed (group/version, kind). Versions are "major.minor" strings, e.g. "1.25". */
export interface ApiRemoval {
  apiVersion: string;
  kind: string;
  deprecatedIn: string;
  removedIn: string;
  /** apiVersion to use instead (same kind); null when there is none. */
  replacement: string | null;
}

/** Rows sharing an apiVersion, release facts and replacement, one per kind. */
const group = (apiVersion: string, kinds: string[], deprecatedIn: string, removedIn: string, replacement: string | null): ApiRemoval[] =>
  kinds.map((kind) => ({ apiVersion, kind, deprecatedIn, removedIn, replacement }));

/** The table, by release of removal. */
export const API_REMOVALS: readonly ApiRemoval[] = [
  // v1.16
  ...group("extensions/v1beta1", ["Deployment", "DaemonSet", "ReplicaSet"], "1.8", "1.16", "apps/v1"),
  ...group("extensions/v1beta1", ["NetworkPolicy"], "1.9", "1.16", "networking.k8s.io/v1"),
  ...group("extensions/v1beta1", ["PodSecurityPolicy"], "1.10", "1.16", null),
  ...group("apps/v1beta1", ["Deployment", "StatefulSet", "ReplicaSet", "ControllerRevision"], "1.8", "1.16", "apps/v1"),
  ...group("apps/v1beta2", ["Deployment", "StatefulSet", "DaemonSet", "ReplicaSet", "ControllerRevision"], "1.9", "1.16", "apps/v1"),
  // v1.22
  ...group(
    "admissionregistration.k8s.io/v1beta1",
    ["MutatingWebhookConfiguration", "ValidatingWebhookConfiguration"],
    "1.16",
    "1.22",
    "admissionregistration.k8s.io/v1",
  ),
  ...group("apiextensions.k8s.io/v1beta1", ["CustomResourceDefinition"], "1.16", "1.22", "apiextensions.k8s.io/v1"),
  ...group("apiregistration.k8s.io/v1beta1", ["APIService"], "1.19", "1.22", "apiregistration.k8s.io/v1"),
  ...group("authentication.k8s.io/v1beta1", ["TokenReview"], "1.19", "1.22", "authentication.k8s.io/v1"),
  ...group(
    "authorization.k8s.io/v1beta1",
    ["SubjectAccessReview", "LocalSubjectAccessReview", "SelfSubjectAccessReview"],
    "1.19",
    "1.22",
    "authorization.k8s.io/v1",
  ),
  ...group("certificates.k8s.io/v1beta1", ["CertificateSigningRequest"], "1.19", "1.22", "certificates.k8s.io/v1"),
  ...group("coordination.k8s.io/v1beta1", ["Lease"], "1.19", "1.22", "coordination.k8s.io/v1"),
  ...group("extensions/v1beta1", ["Ingress"], "1.14", "1.22", "networking.k8s.io/v1"),
  ...group("networking.k8s.io/v1beta1", ["Ingress", "IngressClass"], "1.19", "1.22", "networking.k8s.io/v1"),
  ...group("rbac.authorization.k8s.io/v1beta1", ["ClusterRole", "ClusterRoleBinding", "Role", "RoleBinding"], "1.17", "1.22", "rbac.authorization.k8s.io/v1"),
  ...group("scheduling.k8s.io/v1beta1", ["PriorityClass"], "1.14", "1.22", "scheduling.k8s.io/v1"),
  ...group("storage.k8s.io/v1beta1", ["CSIDriver", "StorageClass", "VolumeAttachment"], "1.19", "1.22", "storage.k8s.io/v1"),
  ...group("storage.k8s.io/v1beta1", ["CSINode"], "1.17", "1.22", "storage.k8s.io/v1"),
  // v1.25
  ...group("batch/v1beta1", ["CronJob"], "1.21", "1.25", "batch/v1"),
  ...group("discovery.k8s.io/v1beta1", ["EndpointSlice"], "1.21", "1.25", "discovery.k8s.io/v1"),
  ...group("events.k8s.io/v1beta1", ["Event"], "1.19", "1.25", "events.k8s.io/v1"),
  ...group("autoscaling/v2beta1", ["HorizontalPodAutoscaler"], "1.22", "1.25", "autoscaling/v2"),
  ...group("policy/v1beta1", ["PodDisruptionBudget"], "1.21", "1.25", "policy/v1"),
  ...group("policy/v1beta1", ["PodSecurityPolicy"], "1.21", "1.25", null),
  ...group("node.k8s.io/v1beta1", ["RuntimeClass"], "1.20", "1.25", "node.k8s.io/v1"),
  // v1.26
  ...group("flowcontrol.apiserver.k8s.io/v1beta1", ["FlowSchema", "PriorityLevelConfiguration"], "1.23", "1.26", "flowcontrol.apiserver.k8s.io/v1"),
  ...group("autoscaling/v2beta2", ["HorizontalPodAutoscaler"], "1.23", "1.26", "autoscaling/v2"),
  // v1.27
  ...group("storage.k8s.io/v1beta1", ["CSIStorageCapacity"], "1.24", "1.27", "storage.k8s.io/v1"),
  // v1.29
  ...group("flowcontrol.apiserver.k8s.io/v1beta2", ["FlowSchema", "PriorityLevelConfiguration"], "1.26", "1.29", "flowcontrol.apiserver.k8s.io/v1"),
  // v1.32
  ...group("flowcontrol.apiserver.k8s.io/v1beta3", ["FlowSchema", "PriorityLevelConfiguration"], "1.29", "1.32", "flowcontrol.apiserver.k8s.io/v1"),
];
