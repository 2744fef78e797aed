package dev.storycore.resilience;

/**
 * The broad kind of a failure, as in the seed design. Recovery procedures and analytics group by it;
 * domain classifiers map their finer categories onto these.
 */
public enum ErrorCategory {
    /** Connections refused or reset, unreachable hosts, I/O and timeouts talking to another process. */
    NETWORK,
    /** Out of memory, on the device or the host. */
    MEMORY,
    /** Bad input or parameters that the callee rejected. */
    VALIDATION,
    /** A model or its weights could not be loaded or do not fit the code. */
    MODEL,
    /** A failure inside the work itself: a step of a workflow, an interrupted job. */
    WORKFLOW,
    /** The platform: drivers, kernels, unsupported hardware features, the JVM. */
    SYSTEM,
    /** Nothing recognised the failure. */
    UNKNOWN
}
