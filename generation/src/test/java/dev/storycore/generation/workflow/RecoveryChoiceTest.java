package dev.storycore.generation.workflow;

import static org.assertj.core.api.Assertions.assertThat;

import dev.storycore.generation.recovery.RecoveryAction;
import dev.storycore.generation.request.GenerationRequest;
import dev.storycore.generation.request.Offload;
import dev.storycore.generation.request.Precision;
import dev.storycore.resilience.testing.FakeClock;
import dev.storycore.resilience.testing.RecordingSleeper;
import org.junit.jupiter.api.Test;

class RecoveryChoiceTest {

    /** The job's own allocations filled the device: nothing outside it to free. */
    private static final String OWN_OOM = "torch.OutOfMemoryError: CUDA out of memory. Tried to allocate 3.00 GiB. "
            + "GPU 0 has a total capacity of 15.70 GiB of which 1.00 GiB is free. Of the allocated memory 14.20 GiB "
            + "is allocated by PyTorch, and 100.00 MiB is reserved by PyTorch but unallocated.";
    /** Another process held most of the device. */
    private static final String CROWDED_OOM = "torch.OutOfMemoryError: CUDA out of memory. Tried to allocate 2.00 GiB. "
            + "GPU 0 has a total capacity of 15.70 GiB of which 500.00 MiB is free. Of the allocated memory 5.00 GiB "
            + "is allocated by PyTorch, and 100.00 MiB is reserved by PyTorch but unallocated.";

    private final FakeClock clock = new FakeClock();
    private final FakeBackend gpu = FakeBackend.gpu();
    private final ResilientVideoGenerator generator =
            ResilientVideoGenerator.create(gpu, FakeBackend.cpu(), Shots.config(clock, new RecordingSleeper(clock)));

    /** Wan2.1 T2V-14B at 832x480 with every invisible memory setting already on. */
    private static GenerationRequest frugal() {
        return Shots.large().toBuilder().size(832, 480).frames(81).precision(Precision.FP8)
                .offload(Offload.SEQUENTIAL).vaeTiling(true).textEncoderOnCpu(true).build();
    }

    @Test
    void afterAnOomWithNothingInvisibleLeftPreflightIsPlannedAgainWithTheCorrectedEstimate() {
        gpu.thenFail(OWN_OOM, 50.0);

        ShotResult result = generator.generate(Shots.shot("a", frugal()));

        assertThat(result.status()).isEqualTo(ShotStatus.DELIVERED);
        assertThat(result.tier()).isEqualTo(Tier.PRIMARY);
        assertThat(result.recoveries()).extracting(AppliedRecovery::action)
                .containsExactly(RecoveryAction.FIT_REQUEST_TO_MEMORY);
        GenerationRequest first = gpu.jobs.get(0).request();
        GenerationRequest second = gpu.jobs.get(1).request();
        assertThat(second.frames() * second.size().area()).isLessThan(first.frames() * first.size().area());
        assertThat(gpu.freed).hasValue(0);
    }

    @Test
    void memoryHeldOutsideTheJobIsFreedBeforeAnythingIsCut() {
        gpu.thenFail(CROWDED_OOM, 30.0);

        ShotResult result = generator.generate(Shots.shot("a", frugal()));

        assertThat(result.recoveries()).first().satisfies(r -> assertThat(r.action())
                .isIn(RecoveryAction.FREE_GPU_MEMORY, RecoveryAction.UNLOAD_MODELS));
        assertThat(gpu.freed).hasValue(1);
        assertThat(gpu.jobs.get(1).request()).isEqualTo(gpu.jobs.get(0).request());
    }
}
