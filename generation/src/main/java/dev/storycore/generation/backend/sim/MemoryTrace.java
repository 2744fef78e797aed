package dev.storycore.generation.backend.sim;

import dev.storycore.generation.memory.MemoryPhase;
import java.util.List;
import java.util.Optional;

/**
 * One request's allocations as the simulated stack makes them: per phase, in order, after the
 * model's bias. Each phase starts from the CUDA context and the allocator's slack alone, because
 * the previous phase's buffers are released. The first allocation that does not fit is the one an
 * out-of-memory report names.
 *
 * @param phases the phases in execution order: encode, denoise, decode
 * @param host   system RAM allocations in order, starting with the process itself
 * @param bias   the model's bias
 */
record MemoryTrace(List<Phase> phases, List<Long> host, double bias) {

    MemoryTrace {
        phases = List.copyOf(phases);
        host = List.copyOf(host);
    }

    /**
     * One allocation.
     *
     * @param bytes   its size
     * @param node    the ComfyUI node that makes it: weights are loaded by the node that first needs them
     * @param weights whether it holds weights (loaded before the node computes anything)
     */
    record Allocation(long bytes, String node, boolean weights) {
    }

    /**
     * One phase.
     *
     * @param phase       which
     * @param allocations in allocation order
     */
    record Phase(MemoryPhase phase, List<Allocation> allocations) {

        Phase {
            allocations = List.copyOf(allocations);
        }

        long totalBytes() {
            return GroundTruthMemory.BASE_BYTES + allocations.stream().mapToLong(Allocation::bytes).sum();
        }
    }

    /**
     * The allocation that did not fit on the GPU.
     *
     * @param phase      the phase
     * @param allocation the allocation that failed
     * @param inUse      what the process held when it was asked for: context, slack and allocated memory
     */
    record GpuOverflow(Phase phase, Allocation allocation, long inUse) {

        String node() {
            return allocation.node();
        }

        long requested() {
            return allocation.bytes();
        }


        /** @return memory allocated by PyTorch at the time, without context and slack */
        long allocated() {
            return inUse - GroundTruthMemory.BASE_BYTES;
        }
    }

    /**
     * The allocation that did not fit in system RAM.
     *
     * @param requested the allocation's size
     * @param inUse     what the process held before it
     * @param output    whether it was the decoded frames rather than weights
     */
    record HostOverflow(long requested, long inUse, boolean output) {
    }

    SimulatedMemory summary() {
        Phase peak = phases.get(0);
        for (Phase p : phases) {
            if (p.totalBytes() > peak.totalBytes()) {
                peak = p;
            }
        }
        return new SimulatedMemory(peak.totalBytes(), peak.phase(), total(MemoryPhase.ENCODE),
                total(MemoryPhase.DENOISE), total(MemoryPhase.DECODE), bias,
                host.stream().mapToLong(Long::longValue).sum());
    }

    /** The first allocation that pushes the process past {@code usableBytes}, if any. */
    Optional<GpuOverflow> firstGpuOverflow(long usableBytes) {
        for (Phase phase : phases) {
            long inUse = GroundTruthMemory.BASE_BYTES;
            for (Allocation a : phase.allocations()) {
                if (inUse + a.bytes() > usableBytes) {
                    return Optional.of(new GpuOverflow(phase, a, inUse));
                }
                inUse += a.bytes();
            }
        }
        return Optional.empty();
    }

    /** The first RAM allocation that pushes the process past {@code ramBytes}, if any. */
    Optional<HostOverflow> firstHostOverflow(long ramBytes) {
        long inUse = 0;
        for (int i = 0; i < host.size(); i++) {
            long bytes = host.get(i);
            if (inUse + bytes > ramBytes) {
                return Optional.of(new HostOverflow(bytes, inUse, i == host.size() - 1));
            }
            inUse += bytes;
        }
        return Optional.empty();
    }

    private long total(MemoryPhase which) {
        return phases.stream().filter(p -> p.phase() == which).mapToLong(Phase::totalBytes).findFirst().orElse(0);
    }
}
