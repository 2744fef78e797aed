/**
 * StoryCore resilience-core: retry, circuit breaker, timeout, bulkhead, fallback chains, graceful
 * degradation, error analytics and recovery procedures. No dependencies beyond {@code java.base}.
 */
module dev.storycore.resilience {
    exports dev.storycore.resilience;
    exports dev.storycore.resilience.analytics;
    exports dev.storycore.resilience.degradation;
    exports dev.storycore.resilience.recovery;
    exports dev.storycore.resilience.system;
}
