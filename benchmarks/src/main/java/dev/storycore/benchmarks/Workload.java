package dev.storycore.benchmarks;

import dev.storycore.resilience.Call;
import java.util.function.Supplier;

/**
 * The work every benchmark protects: returning a field of the benchmark state, about a nanosecond, so
 * that what is measured is the policy's own cost. The field is not final, so the JIT reads it on every
 * call instead of folding a constant. Each library gets the same work through its own functional
 * interface, made once per trial, so no benchmark pays for a lambda per call unless the library's usage
 * forces one.
 *
 * <p>State for one trial, shared by all benchmark threads; the policies built by subclasses are shared
 * as well, as in an application.
 */
public abstract class Workload {

    /** What the protected call returns. */
    public String result = "frame-0042";

    /** The work as a StoryCore call. */
    protected final Call<String> call = this::result;

    /** The work as a Resilience4j supplier. */
    protected final Supplier<String> supplier = this::result;

    /** The work as a Failsafe supplier. */
    protected final dev.failsafe.function.CheckedSupplier<String> checkedSupplier = this::result;

    /** @return {@link #result} */
    protected final String result() {
        return result;
    }
}
